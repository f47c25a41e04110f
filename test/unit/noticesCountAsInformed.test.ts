import { describe, expect, test } from 'vitest';
import { listRulesets, loadRuleset } from '../../src/index';
import { DEFAULT_RULESET_ID } from '../../src/rulesets/bundled';

// A notice under Art. 4(1) or Art. 10(1) requires an authorisation as an Art. 5(1) notice does (brief W21): the
// question about a notice from the authority must say to answer yes for them, and the rule must cite them. The
// releases 1.1.0 and 2.1.0 told the exporter the opposite in the help text.
const current = listRulesets().filter(
  (summary) => summary.id === DEFAULT_RULESET_ID && summary.kind === 'base' && summary.selectable,
);

describe.each(current)('$id $version: notices under Art. 4(1) and 10(1) count as informed', ({ id, version }) => {
  const { document } = loadRuleset(id, { version });

  test('the question asks about them, and its help says to answer yes', () => {
    const fact = document.facts?.['exporter.informedByAuthority'];
    for (const pinpoint of ['Art. 4(1)', 'Art. 10(1)']) {
      expect(fact?.prompt).toContain(pinpoint);
      expect(fact?.help).toContain(pinpoint);
    }
    expect(fact?.help).toContain('Answer yes also');
    expect(fact?.help).not.toContain('does not encode');
  });

  test('the rule that decides on a notice cites them', () => {
    const rule = (document.rules ?? []).find((candidate) => candidate.id === 'art-5-1.informed-by-authority');
    const cited = (rule?.seeAlso ?? []).map((citation) => `${citation.source} ${citation.pinpoint}`);
    expect(cited).toEqual(expect.arrayContaining(['reg Art. 4(1)', 'reg Art. 10(1)']));
  });
});
