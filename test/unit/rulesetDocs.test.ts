import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { currentDocuments, renderRulesetDocs, RULESET_DOC_PATH } from '../../scripts/generate-ruleset-docs';

describe(`${RULESET_DOC_PATH} (run \`npm run generate:ruleset-docs\` after changing a ruleset)`, () => {
  const rendered = renderRulesetDocs();

  test('is current: the committed file equals what the shipped rulesets generate', () => {
    const committed = readFileSync(new URL(`../../${RULESET_DOC_PATH}`, import.meta.url), 'utf8');
    expect(committed).toBe(rendered);
  });

  test('shows every rule, note and fallback of every current version and overlay, each next to its citation', () => {
    for (const document of currentDocuments()) {
      for (const rule of document.rules ?? []) {
        const section = rendered.split(`#### \`${rule.id}\` — ${rule.title}`)[1]?.split('\n#### ')[0] ?? '';
        expect(section, rule.id).toContain(rule.summary);
        expect(section, rule.id).toContain(`${rule.citation.pinpoint} — *${rule.citation.confidence}*`);
      }
      for (const note of document.notes ?? []) expect(rendered, note.id).toContain(`#### \`${note.id}\``);
      if (document.fallback !== undefined) expect(rendered).toContain(`#### When no rule holds: \`${document.fallback.id}\``);
      expect(rendered).toContain(document.kind === 'base' ? `## Version ${document.version}` : `## Overlay ${document.id} ${document.version}`);
    }
  });
});
