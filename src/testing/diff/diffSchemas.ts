import * as z from 'zod';
import { citationSchema, outcomeSchema, rulesetReferenceSchema } from '../../transaction/assessmentSchema';

// The shapes of what `diffRulesets` and `checkExpectedChanges` return (src/testing/diff/*.ts), for reading one given
// back to `formatRulesetDiff` or `checkExpectedChanges`. Extra fields are let through; what is read is checked.
// `test/unit/lifecycle/diff.test.ts` keeps them from refusing what the kit returns.

const truth = z.enum(['true', 'false', 'unknown', 'absent']);
const decided = z.object({ outcome: outcomeSchema, possibleOutcomes: z.array(outcomeSchema) });

/** A static change, as `staticDiff` returns it. */
const staticChangeSchema = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  section: z.string(),
  id: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  fields: z.array(z.string()).optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** An outcome change of a diff, as `diffRulesets` returns it. */
const outcomeChangeSchema = z.object({
  before: outcomeSchema,
  after: outcomeSchema,
  count: z.number(),
  example: z.object({ transaction: z.unknown(), before: decided, after: decided }),
  rules: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      before: truth,
      after: truth,
      outcome: outcomeSchema,
      citation: citationSchema,
    }),
  ),
  ruleCounts: z.array(z.object({ rule: z.string(), count: z.number() })),
});

/** A ruleset diff, as `diffRulesets` returns it. */
export const rulesetDiffSchema = z.object({
  before: rulesetReferenceSchema,
  after: rulesetReferenceSchema,
  runs: z.number(),
  seed: z.number(),
  unchanged: z.number(),
  changes: z.array(outcomeChangeSchema),
  static: z.array(staticChangeSchema),
});

const expectedChangeSchema = z.object({ before: outcomeSchema, after: outcomeSchema, reason: z.string() });

/** The expected changes, as `parseExpectedChanges` returns them. */
export const expectedChangesSchema = z.object({ changes: z.array(expectedChangeSchema) });

/** An expectation check, as `checkExpectedChanges` returns it. */
export const expectationCheckSchema = z.object({
  unexpected: z.array(outcomeChangeSchema),
  unobserved: z.array(expectedChangeSchema),
});
