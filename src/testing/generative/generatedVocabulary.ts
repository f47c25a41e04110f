/** The ids the generated rulesets' catalogues draw from (`rulesetArbitrary`), and the citation every part uses. */
export const CITE = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' } as const;
/** Countries some generated catalogue may list, and some it never does. */
export const COUNTRIES = ['RU', 'BY', 'SY', 'IR', 'CN', 'AE'] as const;
export const MEMBER_STATES = ['DE', 'FR', 'NL', 'IT'] as const;
export const END_USER_TYPES = ['police', 'ministry', 'operator', 'retailer'] as const;
export const RED_FLAGS = ['flag-a', 'flag-b', 'flag-c', 'flag-d', 'flag-e', 'flag-f'] as const;
export const CAPABILITIES = ['cap-a', 'cap-b', 'cap-c', 'cap-d'] as const;
export const RULE_POSITIONS = ['applies', 'none'] as const;
export const END_USER_CATEGORIES = ['security', 'public', 'private'] as const;
