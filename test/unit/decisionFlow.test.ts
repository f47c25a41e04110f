import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DECISION_FLOW_PATH, renderDecisionFlow } from '../../scripts/generate-decision-flow';
import { currentDocuments } from '../../scripts/generate-ruleset-docs';

describe(`${DECISION_FLOW_PATH} (run \`npm run generate:decision-flow\` after changing a ruleset)`, () => {
  const rendered = renderDecisionFlow();
  const documents = currentDocuments();
  const bases = documents.filter((document) => document.kind === 'base' && document.id === 'eu-2021-821-art5');
  const diagrams = [...rendered.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

  test('is current: the committed file equals what the shipped rulesets generate', () => {
    expect(readFileSync(new URL(`../../${DECISION_FLOW_PATH}`, import.meta.url), 'utf8')).toBe(rendered);
  });

  test(
    'has one flowchart per version, drawing every rule once, in precedence order, each leading to its ' +
      'own outcome when true',
    () => {
      expect(diagrams).toHaveLength(bases.length);
      bases.forEach((base, index) => {
        const diagram = diagrams[index] ?? '';
        const overlays = documents.filter((document) => document.kind === 'overlay' && document.extends === base.id);
        const rules = [...(base.rules ?? []), ...overlays.flatMap((overlay) => overlay.rules ?? [])];
        const nodes = [...diagram.matchAll(/^ {2}(r\d+)\["[^\n]*<small>([^<]+)<\/small>"\]$/gm)].map((match) => ({
          node: match[1] ?? '',
          rule: match[2] ?? '',
        }));
        expect(nodes.map((node) => node.rule).sort()).toEqual(rules.map((rule) => rule.id).sort());
        const precedence = nodes.map(
          ({ rule }) =>
            base.outcomes?.[rules.find((candidate) => candidate.id === rule)?.outcome ?? 'no_obligation']?.precedence ??
            -1,
        );
        expect(precedence).toEqual([...precedence].sort((a, b) => b - a));
        for (const { node, rule } of nodes) {
          const outcome = rules.find((candidate) => candidate.id === rule)?.outcome;
          expect(diagram, rule).toContain(`  ${node} -- true --> o_${outcome}\n`);
          expect(diagram, rule).toContain(`  ${node} -. unknown .-> undecided\n`);
        }
        expect(diagram).toContain(`  fallback --> o_${base.fallback?.outcome}\n`);
      });
    },
  );
});
