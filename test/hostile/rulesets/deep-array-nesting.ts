import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    '10,000 nested arrays under a property the schema does not know: depth is refused before anything ' +
    'looks at names.',
  refusedWith: { code: 'too_deep', path: ['extra', ...Array<number>(63).fill(0)] },
  document: () => {
    let value: unknown = 'bottom';
    for (let level = 0; level < 10_000; level++) value = [value];
    return { ...baseRuleset(), extra: value };
  },
} satisfies HostileRulesetCase;
