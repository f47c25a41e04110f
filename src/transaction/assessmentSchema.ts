import * as z from 'zod';
import type { ConditionTrace } from '../types/assessment';
import { OUTCOMES } from '../types/outcome';

// The shape of an assessment as `assess` returns it (src/types/assessment.ts), for reading one that comes back: a
// filed record, a report's argument. Extra fields are let through; what the report and the record read is checked.
// `test/unit/assessmentSchema.test.ts` keeps it from refusing what `assess` returns.

/** A citation as an assessment shows it. */
export const citationSchema = z.object({
  instrument: z.string(),
  pinpoint: z.string(),
  binding: z.boolean(),
  url: z.string().optional(),
  confidence: z.enum(['verified', 'unverified', 'interpretation']),
  quote: z.string().optional(),
  note: z.string().optional(),
});
const citation = citationSchema;
const cited = { citation, seeAlso: z.array(citation) };
const truth = z.enum(['true', 'false', 'unknown']);
/** One of the outcomes. */
export const outcomeSchema = z.enum(OUTCOMES);
const outcome = outcomeSchema;
const factRecord = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());

// Recursive, so typed by hand: its input and output are a trace.
const conditionTrace: z.ZodType<ConditionTrace, ConditionTrace> = z.lazy(() =>
  z.union([
    z.object({
      type: z.literal('fact'),
      fact: z.string(),
      operator: z.string(),
      expected: z.unknown(),
      actual: z.union([z.boolean(), z.string(), z.number(), z.array(z.string()), z.array(factRecord), z.null()]),
      result: truth,
      threshold: z.string().optional(),
    }),
    z.object({ type: z.enum(['all', 'any']), result: truth, conditions: z.array(conditionTrace) }),
    z.object({ type: z.literal('not'), result: truth, condition: conditionTrace }),
    z.object({
      type: z.literal('named'),
      name: z.string(),
      title: z.string(),
      citation,
      result: truth,
      condition: conditionTrace,
    }),
  ]),
) as z.ZodType<ConditionTrace, ConditionTrace>;

const named = { id: z.string(), version: z.string(), sha256: z.string() };

/** The exact ruleset an assessment was made with: base and overlays, each by id, version and sha256. */
export const rulesetReferenceSchema = z.object({ ...named, overlays: z.array(z.object(named)) });

/** The zod schema of an assessment given back to the library (a report's, a replay's, a record's). */
export const assessmentSchema = z.object({
  outcome,
  possibleOutcomes: z.array(outcome),
  nextSteps: z.string(),
  obligations: z.array(z.object({ rule: z.string(), outcome, summary: z.string(), ...cited })),
  certainDuties: z.array(z.object({ id: z.string(), title: z.string(), text: z.string(), ...cited })).optional(),
  questions: z.array(z.object({ fact: z.string(), prompt: z.string(), citation, rules: z.array(z.string()) })),
  competentAuthority: z.object({ memberState: z.string(), name: z.string().optional(), citation }).optional(),
  notes: z.array(z.object({ id: z.string(), text: z.string(), ...cited })),
  trace: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      outcome,
      result: truth,
      ...cited,
      conditions: conditionTrace,
      extensionPoint: z.string().optional(),
    }),
  ),
  ruleset: rulesetReferenceSchema,
  transactionId: z.string().optional(),
});
