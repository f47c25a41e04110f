import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A revoked proxy as the facts object: any operation on it throws a TypeError.',
  refusedWith: { code: 'not_json', path: ['facts'] },
  document: () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return { ...baseRuleset(), facts: proxy };
  },
} satisfies HostileRulesetCase;
