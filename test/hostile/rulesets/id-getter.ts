import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'An id behind a getter that throws. The scan refuses it without calling it, but compileRuleset ' +
    'then read `document.id` to name the ruleset in the error, ran the getter and threw its exception ' +
    'instead of a RulesetError.',
  refusedWith: { code: 'not_json', path: ['id'] },
  document: () =>
    Object.defineProperty(baseRuleset(), 'id', {
      enumerable: true,
      get() {
        throw new Error('the getter was called');
      },
    }),
} satisfies HostileRulesetCase;
