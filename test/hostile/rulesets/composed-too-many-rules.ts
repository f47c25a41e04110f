import { baseOverlay, baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'A base of 1,500 rules and an overlay of 1,000: each within the limit of 2,000, together over it. ' +
    'Any number of overlays must not build a ruleset larger than one document may be.',
  refusedWith: { code: 'section_too_large', path: ['rules'] },
  document: () => {
    const document = baseRuleset();
    document.rules = Array.from({ length: 1500 }, (_, index) => ({ ...document.rules[0], id: `rule-${index}` }));
    return document;
  },
  overlays: () => {
    const base = baseRuleset();
    return [
      {
        ...baseOverlay(),
        sources: { reg: base.sources.reg },
        facts: { 'exporter.informedByAuthority': base.facts['exporter.informedByAuthority'] },
        rules: Array.from({ length: 1000 }, (_, index) => ({ ...base.rules[0], id: `overlay-rule-${index}` })),
      },
    ];
  },
} satisfies HostileRulesetCase;
