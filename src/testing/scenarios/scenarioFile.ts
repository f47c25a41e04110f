import { z } from 'zod';
import { plainDataIssues } from '../../document/plainData';
import { formatPath } from '../../errors/issue';
import { OUTCOMES, type Outcome } from '../../types/outcome';

const strings = z.array(z.string());

/** The zod form of `schemas/scenario.schema.json` (a test keeps the two in step on every bundled scenario file). */
/** One scenario of a scenario file, as `checkScenario` takes it. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  provision: z.string().min(1),
  source: z.string().optional(),
  reasoning: z.string().optional(),
  ruleset: z.strictObject({ asOf: z.string().optional(), version: z.string().optional() }).optional(),
  transaction: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    outcome: z.enum(OUTCOMES),
    possibleOutcomes: z.array(z.enum(OUTCOMES)).optional(),
    decidingRules: strings.optional(),
    certainDuties: strings.optional(),
    questions: strings.optional(),
    noQuestionsAbout: strings.optional(),
    notes: strings.optional(),
    absentNotes: strings.optional(),
    competentAuthority: z.string().nullable().optional(),
    authorityName: z.string().nullable().optional(),
    rulesetVersion: z.string().optional(),
    overlays: strings.optional(),
  }),
});

const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  scenarios: z.array(scenarioSchema).min(1),
});

/**
 * One legal test case, as written in `rulesets/<id>/scenarios/*.json` (`schemas/scenario.schema.json`): a transaction,
 * the provision that decides it and the expected assessment, written from the law.
 */
export interface Scenario {
  readonly name: string;
  readonly provision: string;
  readonly source?: string;
  readonly reasoning?: string;
  /** Which ruleset to run against: the versions in force on `asOf` (else the transaction's date), or one `version`. */
  readonly ruleset?: { readonly asOf?: string; readonly version?: string };
  readonly transaction: Readonly<Record<string, unknown>>;
  readonly expect: ScenarioExpectation;
}

/** What a scenario expects of the assessment; each field is checked when it is given. */
export interface ScenarioExpectation {
  readonly outcome: Outcome;
  /** Exactly these possible outcomes, in any order. */
  readonly possibleOutcomes?: readonly Outcome[];
  /** Exactly the rules of the assessment's obligations, in any order. */
  readonly decidingRules?: readonly string[];
  /** Exactly the ids of the assessment's certain duties, in any order. */
  readonly certainDuties?: readonly string[];
  /** Facts that must be among the questions. */
  readonly questions?: readonly string[];
  /** Facts that must not be asked. */
  readonly noQuestionsAbout?: readonly string[];
  /** Note ids that must be attached. */
  readonly notes?: readonly string[];
  /** Note ids that must not be attached. */
  readonly absentNotes?: readonly string[];
  /** The competent authority's member state, or null for none. */
  readonly competentAuthority?: string | null;
  /** Text the authority's name must contain, or null for no name. */
  readonly authorityName?: string | null;
  /** The ruleset version (or a correction that replaces it). */
  readonly rulesetVersion?: string;
  /** Exactly the ids of the overlays that applied, in order. */
  readonly overlays?: readonly string[];
}

/**
 * Reads a scenario file's parsed JSON.
 * @returns its scenarios, or the problems of a document that is not a scenario file, each with its path.
 */
export function parseScenarioFile(
  json: unknown,
): { readonly scenarios: readonly Scenario[] } | { readonly problems: readonly string[] } {
  // Not plain data (a getter, a proxy, a cycle) is a problem like any other, found before anything reads it.
  const unsafe = plainDataIssues(json);
  if (unsafe.length > 0) return { problems: unsafe.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
  const parsed = scenarioFileSchema.safeParse(json);
  if (parsed.success) return { scenarios: parsed.data.scenarios as readonly Scenario[] };
  return {
    problems: parsed.error.issues.map((issue) => `/${issue.path.map(String).join('/')}: ${issue.message}`),
  };
}
