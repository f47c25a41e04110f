import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderReviewChecklist, reviewChecklistPath } from '../../scripts/generate-review-checklists';
import { currentDocuments, renderRulesetDocs, RULESET_DOC_PATH } from '../../scripts/generate-ruleset-docs';
import { lawPackages } from '../../scripts/release-rulesets';

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
      if (document.fallback !== undefined)
        expect(rendered).toContain(`#### When no rule holds: \`${document.fallback.id}\``);
      expect(rendered).toContain(
        document.kind === 'base' ? `## Version ${document.version}` : `## Overlay ${document.id} ${document.version}`,
      );
    }
  });
});

describe('review checklists, docs/rulesets/<id>-review.md (run `npm run generate:review-checklists` after changing a ruleset)', () => {
  test.each(lawPackages())('%s: the committed checklist equals what the current releases generate', (id) => {
    expect(readFileSync(new URL(`../../${reviewChecklistPath(id)}`, import.meta.url), 'utf8')).toBe(
      renderReviewChecklist(id),
    );
  });

  test.each(lawPackages())(
    '%s: every citation of every current release is listed under its source and confidence, with the places it is used',
    (id) => {
      const checklist = renderReviewChecklist(id);
      for (const document of currentDocuments().filter((candidate) => candidate.id === id)) {
        for (const rule of document.rules ?? []) {
          const heading = `### \`${rule.citation.source}\`, ${rule.citation.confidence} (`;
          const section = checklist.split(heading)[1]?.split('\n### ')[0] ?? '';
          const row = section
            .split('\n')
            .find((line) => line.includes(`\`/rules/${rule.id}\``) && line.includes(`| ${rule.citation.pinpoint} |`));
          expect(row, `${id} ${document.version} ${rule.id}`).toBeDefined();
          expect(row).toMatch(/\| {2}\| {2}\| {2}\|$/);
        }
      }
    },
  );
});
