/**
 * The Article 5 decision of the bundled ruleset `eu-2021-821-art5` 2.0.0 with the German overlay `de-awv-9-4`
 * (the composition in force from 2024-10-16), written by hand in plain TypeScript for the benchmark only: the
 * physical limit of deciding the outcome. No trace, no questions, no validation (the benchmark's transactions are
 * valid). It reads the transaction directly and uses three-valued logic as numbers: 1 true, 0 false, 0.5 unknown,
 * so that `and` is `min`, `or` is `max` and `not` is `1 - x`. The benchmark checks that it agrees with `assess` on
 * every outcome.
 */

type Truth = 0 | 0.5 | 1;
const U: Truth = 0.5;

/** The member states (the ruleset's `memberStates` catalogue); for each, 2.0.0 records its Art. 5(3) rule as unknown. */
const MEMBER_STATES = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);
const RED_FLAG_WEIGHTS: Readonly<Record<string, number>> = {
  'covert-marketing': 2,
  'prior-misuse': 3,
  'security-body-documented-violations': 2,
  'no-legal-safeguards': 2,
  'covert-function-request': 2,
  'surveillance-integration-request': 1,
  'refused-end-use-information': 2,
  'unusual-routing-or-payment': 1,
  'restrictive-measures': 2,
  'targeting-training-request': 1,
};
const KNOWLEDGE: Readonly<Record<string, number>> = {
  'mere-possibility': 1,
  'grounds-for-suspicion': 2,
  'positive-knowledge': 3,
};
const SUSPICION = 2;
const AWARENESS = 3;
/** The top of the knowledge scale: a finding at it settles the highest level, whatever findings without a level hold. */
const TOP_LEVEL = 3;

/** The outcomes by precedence, as in the ruleset. */
const PRECEDENCE = {
  not_applicable: 100,
  authorisation_required: 90,
  notification_required: 80,
  insufficient_information: 70,
  enhanced_due_diligence: 60,
  no_obligation: 10,
} as const;
type Outcome = keyof typeof PRECEDENCE;
/** The outcome of each rule: the base ruleset's twelve in order, then the overlay's. */
const RULE_OUTCOMES: readonly Outcome[] = [
  'not_applicable', // scope.not-an-export
  'not_applicable', // scope.destination-in-eu
  'authorisation_required', // art-3-1.listed-item
  'authorisation_required', // art-5-1.informed-by-authority
  'authorisation_required', // art-5-3.national-suspicion-rule
  'notification_required', // art-5-2.aware-from-due-diligence
  'notification_required', // art-5-2.aware-from-other-source
  'insufficient_information', // art-5-3.national-rule-unknown
  'insufficient_information', // guidelines-3.due-diligence-outstanding
  'insufficient_information', // guidelines-3.classification-or-end-user-open
  'enhanced_due_diligence', // guidelines-3.red-flags
  'enhanced_due_diligence', // guidelines-1-2-6.suspicion-without-knowledge
  'no_obligation', // art-2-20.not-a-cyber-surveillance-item
  'notification_required', // de.awv-9-4.aware-from-any-source
];

interface Finding {
  readonly knowledge?: string | null;
  readonly source?: string | null;
}
/** The fields of a transaction the decision reads (a valid transaction; absent or `null` means unknown). */
export interface HandTransaction {
  readonly activity?: string;
  readonly exporter: {
    readonly country: string;
    readonly itemsLocatedIn?: string | null;
    readonly informedByAuthority?: boolean | null;
  };
  readonly destination: { readonly country: string };
  readonly item?: {
    readonly annexIEntries?: readonly string[] | null;
    readonly speciallyDesigned?: boolean | null;
    readonly covertSurveillance?: boolean | null;
    readonly naturalPersons?: boolean | null;
    readonly dataProcessing?: boolean | null;
    readonly ictSystems?: boolean | null;
  } | null;
  readonly endUser?: { readonly type?: string | null } | null;
  readonly redFlags?: readonly string[] | null;
  readonly findings?: readonly Finding[] | null;
  readonly dueDiligence?: {
    readonly itemReview?: boolean | null;
    readonly capabilityReview?: boolean | null;
    readonly stakeholderReview?: boolean | null;
    readonly mitigationPlan?: boolean | null;
  } | null;
}

const open = (value: unknown): boolean => value === null || value === undefined;
const is = (value: boolean | null | undefined, expected: boolean): Truth =>
  value === null || value === undefined ? U : value === expected ? 1 : 0;
const atLeast = (level: number, threshold: number): Truth => (level < 0 ? U : level >= threshold ? 1 : 0);
const below = (level: number, threshold: number): Truth => (level < 0 ? U : level < threshold ? 1 : 0);

/** The outcome `assess` gives for this transaction under 2.0.0 + de-awv-9-4. */
export function decideArticle5(transaction: HandTransaction): Outcome {
  const activity = transaction.activity ?? 'export';
  const item = transaction.item ?? undefined;
  const dueDiligence = transaction.dueDiligence ?? undefined;

  // Derived facts; -1 or null means unknown.
  const exporterCountry = transaction.exporter.country;
  const locatedIn = transaction.exporter.itemsLocatedIn;
  const competentMemberState = MEMBER_STATES.has(exporterCountry)
    ? exporterCountry
    : locatedIn === null || locatedIn === undefined
      ? null
      : MEMBER_STATES.has(locatedIn)
        ? locatedIn
        : null;
  const nationalRuleUnknown: Truth = competentMemberState === null ? U : 1;
  const annexI = item?.annexIEntries;
  const flags = transaction.redFlags;
  let redFlagScore = -1;
  if (flags !== null && flags !== undefined) {
    redFlagScore = 0;
    const seen = new Set<string>();
    for (const flag of flags) {
      if (seen.has(flag)) continue;
      seen.add(flag);
      redFlagScore += RED_FLAG_WEIGHTS[flag] ?? 0;
    }
  }
  let anySource = -1;
  let dueDiligenceSource = -1;
  const findings = transaction.findings;
  if (findings !== null && findings !== undefined) {
    anySource = 0;
    dueDiligenceSource = 0;
    // A finding whose level is not given leaves the highest level unknown, unless a known one is already the top.
    let anyOpen = false;
    let dueDiligenceOpen = false;
    for (const finding of findings) {
      const fromDueDiligence = (finding.source ?? 'due-diligence') === 'due-diligence';
      if (finding.knowledge === null || finding.knowledge === undefined) {
        anyOpen = true;
        dueDiligenceOpen ||= fromDueDiligence;
        continue;
      }
      const level = KNOWLEDGE[finding.knowledge] ?? 0;
      if (level > anySource) anySource = level;
      if (fromDueDiligence && level > dueDiligenceSource) dueDiligenceSource = level;
    }
    if (anyOpen && anySource < TOP_LEVEL) anySource = -1;
    if (dueDiligenceOpen && dueDiligenceSource < TOP_LEVEL) dueDiligenceSource = -1;
  }

  const cyberSurveillanceItem = Math.min(
    is(item?.speciallyDesigned, true),
    is(item?.covertSurveillance, true),
    is(item?.naturalPersons, true),
    is(item?.dataProcessing, true),
    is(item?.ictSystems, true),
  ) as Truth;
  const elementsOrEndUserOpen: Truth =
    open(item?.speciallyDesigned) ||
    open(item?.covertSurveillance) ||
    open(item?.naturalPersons) ||
    open(item?.dataProcessing) ||
    open(item?.ictSystems) ||
    open(transaction.endUser?.type)
      ? U
      : 0;
  const suspicionWithoutKnowledge = Math.min(atLeast(anySource, SUSPICION), below(anySource, AWARENESS)) as Truth;
  const knowledgeOutsideDueDiligence = Math.min(
    cyberSurveillanceItem,
    atLeast(anySource, AWARENESS),
    below(dueDiligenceSource, AWARENESS),
  ) as Truth;

  // One result per rule, in the order of RULE_OUTCOMES.
  const results: readonly Truth[] = [
    activity !== 'export' ? 1 : 0,
    activity === 'export' && MEMBER_STATES.has(transaction.destination.country) ? 1 : 0,
    annexI === null || annexI === undefined ? U : annexI.length > 0 ? 1 : 0,
    is(transaction.exporter.informedByAuthority, true),
    // Art. 5(3): 2.0.0 records no member state's national rule as known to apply, so this is false or unknown.
    Math.min(cyberSurveillanceItem, atLeast(anySource, SUSPICION), competentMemberState === null ? U : 0) as Truth,
    Math.min(cyberSurveillanceItem, atLeast(dueDiligenceSource, AWARENESS)) as Truth,
    knowledgeOutsideDueDiligence,
    Math.min(cyberSurveillanceItem, suspicionWithoutKnowledge, nationalRuleUnknown) as Truth,
    Math.min(
      cyberSurveillanceItem,
      Math.max(
        is(dueDiligence?.itemReview, false),
        is(dueDiligence?.capabilityReview, false),
        is(dueDiligence?.stakeholderReview, false),
        is(dueDiligence?.mitigationPlan, false),
      ),
    ) as Truth,
    // Never true: unknown while the item may be a cyber-surveillance item and an element or the end user's type is unknown.
    Math.min(cyberSurveillanceItem, elementsOrEndUserOpen) as Truth,
    Math.min(cyberSurveillanceItem, redFlagScore < 0 ? U : redFlagScore >= 1 ? 1 : 0) as Truth,
    Math.min(cyberSurveillanceItem, suspicionWithoutKnowledge) as Truth,
    (1 - cyberSurveillanceItem) as Truth,
    Math.min(
      competentMemberState === null ? U : competentMemberState === 'DE' ? 1 : 0,
      knowledgeOutsideDueDiligence,
    ) as Truth,
  ];

  let floor: Outcome = 'no_obligation';
  let top = Number.NEGATIVE_INFINITY;
  for (let rule = 0; rule < results.length; rule++) {
    const outcome = RULE_OUTCOMES[rule] as Outcome;
    if (results[rule] === 1 && PRECEDENCE[outcome] > top) {
      top = PRECEDENCE[outcome];
      floor = outcome;
    }
  }
  for (let rule = 0; rule < results.length; rule++) {
    const outcome = RULE_OUTCOMES[rule] as Outcome;
    if (results[rule] === U && PRECEDENCE[outcome] > top && outcome !== floor) return 'insufficient_information';
  }
  return floor;
}
