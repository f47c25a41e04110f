import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'A proxy whose every trap throws: reading it must give an issue, not an exception. The scan ' +
    'reports it, but compileRuleset then read `document.id` for the error message and threw the ' +
    "trap's exception.",
  refusedWith: { code: 'not_json', path: [] },
  document: () => {
    const fail = () => {
      throw new Error('a trap was called');
    };
    return new Proxy({}, { get: fail, getPrototypeOf: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, has: fail });
  },
} satisfies HostileRulesetCase;
