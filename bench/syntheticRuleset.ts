import type { ConditionDefinition, NamedConditionDefinition, RuleDefinition, RulesetDocument } from '../src/index';

/**
 * A synthetic base ruleset of `ruleCount` rules for the benchmark's size series and for agreement tests: the Article 5
 * ruleset's facts, catalogues, scales, thresholds, outcomes and named conditions, with its rules and notes replaced
 * by generated ones. The rules draw on every operator, on negation, and on named conditions that use other named
 * conditions, also under negation; each is an `all` of two to four parts, like the shipped rules. Deterministic for
 * a given seed.
 */
export function syntheticRuleset(article5: RulesetDocument, ruleCount: number, seed = 1): RulesetDocument {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const cite = {
    source: 'reg',
    pinpoint: 'Art. 5',
    confidence: 'interpretation',
    note: 'A synthetic rule, generated for the benchmark.',
  } as const;

  const comparisons: readonly ConditionDefinition[] = [
    { fact: 'activity', operator: 'equal', value: 'export' },
    { fact: 'activity', operator: 'notIn', value: ['brokering', 'transit'] },
    { fact: 'exporter.country', operator: 'in', value: ['DE', 'FR', 'NL', 'IT'] },
    { fact: 'destination.country', operator: 'notEqual', value: 'US' },
    { fact: 'destinationInEu', operator: 'equal', value: false },
    { fact: 'exporter.informedByAuthority', operator: 'equal', value: true },
    { fact: 'item.speciallyDesigned', operator: 'equal', value: true },
    { fact: 'item.covertSurveillance', operator: 'equal', value: false },
    { fact: 'item.naturalPersons', operator: 'notEqual', value: false },
    { fact: 'item.annexIEntries', operator: 'contains', value: '5A001.j' },
    { fact: 'item.annexIEntries', operator: 'containsNone', value: ['4A005', '4D004'] },
    { fact: 'annexIEntryCount', operator: 'greaterThan', value: 0 },
    { fact: 'item.capabilities', operator: 'containsAny', value: ['facial-recognition', 'interception'] },
    { fact: 'item.capabilities', operator: 'doesNotContain', value: 'billing' },
    { fact: 'capabilityImplications', operator: 'contains', value: 'particular-vigilance' },
    { fact: 'endUser.type', operator: 'in', value: ['intelligence', 'law-enforcement'] },
    { fact: 'endUserCategory', operator: 'equal', value: 'security-body' },
    { fact: 'redFlags', operator: 'contains', value: 'prior-misuse' },
    { fact: 'redFlagScore', operator: 'greaterThanInclusive', value: { threshold: 'guidelines.red-flag-score' } },
    { fact: 'redFlagScore', operator: 'lessThan', value: 3 },
    { fact: 'redFlagScore', operator: 'lessThanInclusive', value: 4 },
    { fact: 'knowledgeFromAnySource', operator: 'atLeast', value: { threshold: 'art5-3.suspicion' } },
    { fact: 'knowledgeFromAnySource', operator: 'below', value: { threshold: 'art5-2.awareness' } },
    { fact: 'knowledgeFromDueDiligence', operator: 'atLeast', value: { threshold: 'art5-2.awareness' } },
    { fact: 'competentMemberState', operator: 'equal', value: 'DE' },
    { fact: 'nationalSuspicionRule', operator: 'equal', value: 'unknown' },
    { fact: 'dueDiligence.itemReview', operator: 'equal', value: false },
  ];
  // A rule that decides "insufficient_information" must say what to ask.
  const asked: ConditionDefinition = {
    fact: 'dueDiligence.mitigationPlan',
    operator: 'equal',
    value: false,
    ask: true,
  };
  const conditions: Record<string, NamedConditionDefinition> = {
    ...article5.conditions,
    syntheticHighRisk: {
      title: 'Synthetic: a high-risk transaction',
      citation: cite,
      when: {
        any: [
          {
            all: [
              { condition: 'cyberSurveillanceItem' },
              { fact: 'knowledgeFromAnySource', operator: 'atLeast', value: { threshold: 'art5-3.suspicion' } },
            ],
          },
          { fact: 'redFlagScore', operator: 'greaterThan', value: 2 },
        ],
      },
    },
    syntheticSecurityEndUser: {
      title: 'Synthetic: a security end user without high risk',
      citation: cite,
      when: {
        all: [
          { fact: 'endUserCategory', operator: 'equal', value: 'security-body' },
          { not: { condition: 'syntheticHighRisk' } },
        ],
      },
    },
  };
  const names = Object.keys(conditions);
  const part = (): ConditionDefinition => {
    const roll = random();
    if (roll < 0.6) return pick(comparisons);
    if (roll < 0.7) return { not: pick(comparisons) };
    if (roll < 0.8)
      return { any: [pick(comparisons), pick(comparisons), pick(comparisons)].slice(0, 2 + Math.floor(random() * 2)) };
    if (roll < 0.92) return { condition: pick(names) };
    return { not: { condition: pick(names) } };
  };
  const outcomes = [
    'authorisation_required',
    'notification_required',
    'insufficient_information',
    'enhanced_due_diligence',
    'no_obligation',
    'not_applicable',
  ] as const;
  const rules: RuleDefinition[] = Array.from({ length: ruleCount }, (_, index) => {
    const outcome = pick(outcomes);
    const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, part);
    return {
      id: `synthetic.rule-${index + 1}`,
      title: `Synthetic rule ${index + 1}`,
      summary: 'A generated rule; it states no law.',
      outcome,
      citation: cite,
      when: { all: outcome === 'insufficient_information' ? [...parts.slice(1), asked] : parts },
    };
  });
  return {
    ...article5,
    id: `synthetic-${ruleCount}`,
    version: '1.0.0',
    title: `Synthetic ruleset of ${ruleCount} rules`,
    conditions,
    rules,
    notes: [],
  };
}

/** A small seeded pseudo-random generator (mulberry32), so the ruleset is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
