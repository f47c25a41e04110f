import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import * as library from '../../src/index';
import { CodedError } from '../../src/index';
import * as testing from '../../src/testing/index';
import { hostileValue, mutated } from '../support/hostileValues';
import { minimalRuleset } from '../support/minimalRuleset';
import { runs } from '../support/runs';

/**
 * Every public function, called with hostile arguments (proxies whose traps throw, throwing and lying getters,
 * cycles, BigInts, symbols, functions, null, nesting far beyond any document, class instances, sparse arrays), each
 * as a whole argument or put anywhere inside a valid one: it returns, or it throws a `CodedError` whose issues have
 * paths. Never a TypeError, a DOMException or a stack overflow (issue 19, D18 and its class).
 */
const RUNS = runs(4_000);

const transaction = JSON.parse(
  readFileSync(new URL('../../examples/notification-tracker-intelligence-agency.json', import.meta.url), 'utf8'),
) as unknown;
const AS_OF = '2025-03-03';

/** The valid arguments every call starts from, made once. */
interface Fixtures {
  readonly ruleset: library.CompiledRuleset;
  readonly assessment: library.Assessment;
  readonly keys: library.SigningKeyPair;
  readonly signature: library.RulesetSignature;
  readonly record: library.DecisionRecord;
  readonly signed: library.DecisionRecord;
  readonly diff: testing.RulesetDiff;
  readonly scenarioFile: unknown;
  readonly scenario: testing.Scenario;
  readonly base: library.CompiledRuleset;
  /**
   * A ruleset of two rules, for the kit's checks: a hostile value in place of their options leaves them at their
   * default counts (1,000 runs), which on the shipped law takes a minute per call, and on this ruleset a moment.
   */
  readonly small: library.CompiledRuleset;
}

/** A public function with the valid arguments it is called with; hostile values replace or enter one of them. */
interface Call {
  readonly name: string;
  readonly args: (fixtures: Fixtures) => readonly unknown[];
  readonly call: (...args: never[]) => unknown;
}

const CALLS: readonly Call[] = [
  { name: 'assess', args: () => [transaction, { asOf: AS_OF }], call: library.assess },
  { name: 'assessMany', args: ({ ruleset }) => [[transaction], { ruleset }], call: library.assessMany },
  { name: 'assessEach', args: () => [[transaction, transaction], {}], call: library.assessEach },
  { name: 'compileRuleset', args: () => [minimalRuleset(), { overlays: [] }], call: library.compileRuleset },
  { name: 'loadRuleset', args: () => ['eu-2021-821-art5', { asOf: AS_OF }], call: library.loadRuleset },
  {
    name: 'createRulesetRegistry',
    args: () => [{ bundled: false, publicKeys: [] }],
    call: library.createRulesetRegistry,
  },
  {
    name: 'registry.register',
    args: () => [minimalRuleset(), { replaces: [] }],
    call: (document: unknown, options: unknown) =>
      library.createRulesetRegistry({ bundled: false }).register(document, options as never),
  },
  {
    name: 'registry.load',
    args: () => ['eu-2021-821-art5', { version: '2.0.0' }],
    call: (id: unknown, options: unknown) => library.createRulesetRegistry().load(id as never, options as never),
  },
  {
    name: 'registry.select',
    args: () => [transaction, { asOf: AS_OF }],
    call: (given: unknown, options: unknown) => library.createRulesetRegistry().select(given, options as never),
  },
  {
    name: 'registry.compositions',
    args: () => ['eu-2021-821-art5'],
    call: (id: unknown) => library.createRulesetRegistry().compositions(id as never),
  },
  {
    name: 'registry.find',
    args: ({ assessment }) => [assessment.ruleset],
    call: (reference: unknown) => library.createRulesetRegistry().find(reference as never),
  },
  { name: 'replay', args: ({ assessment }) => [assessment, transaction, {}], call: library.replay },
  {
    name: 'lintRuleset',
    args: ({ ruleset }) => [ruleset, { scenarios: [{ transaction }] }],
    call: library.lintRuleset,
  },
  {
    name: 'parseRulesetSignature',
    args: ({ signature }) => [signature, 'signature'],
    call: library.parseRulesetSignature,
  },
  { name: 'signingKeyId', args: ({ keys }) => [keys.publicKey], call: library.signingKeyId },
  { name: 'signRuleset', args: ({ keys }) => [minimalRuleset(), keys.privateKey], call: library.signRuleset },
  { name: 'formatPath', args: () => [['item', 'capabilities', 0]], call: library.formatPath },
  {
    name: 'formatReport',
    args: ({ assessment, ruleset, record }) => [assessment, transaction, { format: 'md', ruleset, record }],
    call: library.formatReport,
  },
  { name: 'listQuestions', args: ({ ruleset }) => [ruleset], call: library.listQuestions },
  {
    name: 'createDecisionRecord',
    args: ({ assessment }) => [transaction, assessment, { assessedBy: 'x', newId: () => 'id-1' }],
    call: library.createDecisionRecord,
  },
  {
    name: 'signDecisionRecord',
    args: ({ record, keys }) => [record, keys.privateKey],
    call: library.signDecisionRecord,
  },
  {
    name: 'verifyDecisionRecord',
    args: ({ signed, keys }) => [signed, { publicKeys: [keys.publicKey] }],
    call: library.verifyDecisionRecord,
  },
  { name: 'testing.vocabularyOf', args: ({ ruleset }) => [ruleset], call: testing.vocabularyOf },
  { name: 'testing.defaultInvariants', args: ({ ruleset }) => [ruleset], call: testing.defaultInvariants },
  { name: 'testing.declaredInvariants', args: () => ['eu-2021-821-art5'], call: testing.declaredInvariants },
  {
    name: 'testing.checkInvariants',
    args: ({ small }) => [small, { runs: 2, invariants: testing.GENERAL_INVARIANTS }],
    call: testing.checkInvariants,
  },
  { name: 'testing.diffRulesets', args: ({ small }) => [small, small, { runs: 2 }], call: testing.diffRulesets },
  {
    name: 'testing.parseInvariants',
    args: () => [{ ruleset: 'x', invariants: [{ kind: 'questionsAnswerable', name: 'n', description: 'd' }] }],
    call: testing.parseInvariants,
  },
  {
    name: 'testing.parseExpectedChanges',
    args: () => [{ changes: [{ before: 'no_obligation', after: 'not_applicable', reason: 'r' }] }],
    call: testing.parseExpectedChanges,
  },
  { name: 'testing.sharedVocabulary', args: ({ ruleset }) => [ruleset, ruleset], call: testing.sharedVocabulary },
  {
    name: 'testing.catalogueEntryArbitrary',
    args: ({ ruleset }) => [ruleset, 'redFlags'],
    call: testing.catalogueEntryArbitrary,
  },
  {
    name: 'testing.completeTransactionArbitrary',
    args: ({ ruleset }) => [testing.vocabularyOf(ruleset), { date: AS_OF }],
    call: testing.completeTransactionArbitrary,
  },
  {
    name: 'testing.partialTransactionArbitrary',
    args: ({ ruleset }) => [testing.vocabularyOf(ruleset), { date: AS_OF, maxUnknown: 3 }],
    call: testing.partialTransactionArbitrary,
  },
  {
    name: 'testing.withUnknown',
    args: () => [transaction, ['redFlags', 'findings.knowledge'], true],
    call: testing.withUnknown,
  },
  {
    name: 'testing.checkExpectedChanges',
    args: ({ diff }) => [diff, { changes: [{ before: 'no_obligation', after: 'not_applicable', reason: 'r' }] }],
    call: testing.checkExpectedChanges,
  },
  {
    name: 'testing.formatRulesetDiff',
    args: ({ diff }) => [diff, testing.checkExpectedChanges(diff, { changes: [] })],
    call: testing.formatRulesetDiff,
  },
  {
    name: 'testing.parseScenarioFile',
    args: ({ scenarioFile }) => [scenarioFile],
    call: testing.parseScenarioFile,
  },
  {
    name: 'testing.checkScenario',
    args: ({ scenario, assessment }) => [scenario, assessment],
    call: testing.checkScenario,
  },
  {
    name: 'testing.isVersionOrCorrection',
    args: () => ['eu-2021-821-art5', '2.1.0', '2.1.0'],
    call: testing.isVersionOrCorrection,
  },
  {
    name: 'testing.checkSoundness',
    args: ({ small }) => [small, { runs: 1, completions: 1 }],
    call: testing.checkSoundness,
  },
  {
    name: 'testing.checkMonotonicity',
    args: ({ small }) => [small, { runs: 1 }],
    call: testing.checkMonotonicity,
  },
  {
    name: 'testing.checkOrderIndependence',
    args: ({ small }) => [small, { runs: 1 }],
    call: testing.checkOrderIndependence,
  },
  { name: 'testing.dataCompletions', args: ({ base }) => [base.document], call: testing.dataCompletions },
  { name: 'testing.transactionSpace', args: ({ base }) => [base.document, {}], call: testing.transactionSpace },
  { name: 'testing.rulesetArbitrary', args: () => [{ monotone: true, maxRules: 2 }], call: testing.rulesetArbitrary },
  {
    name: 'testing.soundnessFailure',
    args: ({ assessment }) => [assessment, assessment],
    call: testing.soundnessFailure,
  },
  {
    name: 'testing.loweringFailure',
    args: ({ assessment, ruleset }) => [assessment, assessment, ruleset.document.outcomes, 'a red flag'],
    call: testing.loweringFailure,
  },
  {
    name: 'testing.orderFailure',
    args: ({ assessment }) => [assessment, assessment],
    call: testing.orderFailure,
  },
  {
    name: 'testing.staticDiff',
    args: ({ ruleset }) => [ruleset.document, minimalRuleset()],
    call: testing.staticDiff,
  },
];

/** Calls it; resolves to what it returned or threw. */
async function outcomeOf(
  call: Call,
  args: readonly unknown[],
): Promise<{ readonly threw: boolean; readonly value: unknown }> {
  try {
    return { threw: false, value: await (call.call as (...given: readonly unknown[]) => unknown)(...args) };
  } catch (error) {
    return { threw: true, value: error };
  }
}

describe('every public function, with hostile arguments', () => {
  let fixtures: Fixtures;
  beforeAll(async () => {
    const ruleset = library.loadRuleset('eu-2021-821-art5', { asOf: AS_OF });
    const assessment = await library.assess(transaction, { ruleset });
    const keys = await library.generateSigningKeys();
    const record = library.createDecisionRecord(transaction, assessment, { newId: () => 'record-1' });
    const scenarioFile = JSON.parse(
      readFileSync(new URL('../../rulesets/eu-2021-821-art5/scenarios/authorities.json', import.meta.url), 'utf8'),
    ) as unknown;
    fixtures = {
      ruleset,
      assessment,
      keys,
      signature: library.signRuleset(minimalRuleset(), keys.privateKey),
      record,
      signed: await library.signDecisionRecord(record, keys.privateKey),
      scenarioFile,
      scenario: (testing.parseScenarioFile(scenarioFile) as { scenarios: readonly testing.Scenario[] })
        .scenarios[0] as testing.Scenario,
      base: library.loadRuleset('eu-2021-821-art5', { version: '2.1.0' }),
      small: library.compileRuleset(minimalRuleset()),
      diff: testing.diffRulesets(library.loadRuleset('eu-2021-821-art5', { asOf: '2023-05-10' }), ruleset, {
        runs: 50,
      }),
    };
  });

  test('the valid arguments are valid: every call returns', async () => {
    for (const call of CALLS) {
      const started = performance.now();
      const { threw, value } = await outcomeOf(call, call.args(fixtures));
      if (process.env['TIMING'] !== undefined) console.log(call.name, Math.round(performance.now() - started));
      expect(threw ? value : undefined, call.name).toBeUndefined();
    }
  });

  test(`${RUNS.toLocaleString('en')} calls with a hostile argument: a result or a CodedError, nothing else`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLS),
        fc.nat(),
        hostileValue,
        fc.nat(),
        fc.boolean(),
        async (call, position, hostile, place, whole) => {
          const args = [...call.args(fixtures)];
          const index = position % Math.max(args.length, 1);
          args[index] = whole ? hostile() : mutated(args[index], place, hostile());
          const { threw, value } = await outcomeOf(call, args);
          if (!threw) return;
          expect(value, `${call.name}: ${String(value)}`).toBeInstanceOf(CodedError);
          const error = value as CodedError;
          expect(error.issues.length, call.name).toBeGreaterThan(0);
          for (const issue of error.issues) expect(Array.isArray(issue.path), call.name).toBe(true);
          expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: error.name, code: error.code });
        },
      ),
      { numRuns: RUNS },
    );
  }, 1_800_000);
});
