import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'A title behind a getter that throws (and could return something else on each read): the scan ' +
    'must refuse it without calling it.',
  refusedWith: { code: 'not_json', path: ['title'] },
  document: () =>
    Object.defineProperty(baseRuleset(), 'title', {
      enumerable: true,
      get() {
        throw new Error('the getter was called');
      },
    }),
} satisfies HostileRulesetCase;
