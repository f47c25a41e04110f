import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  assess,
  assessEach,
  assessMany,
  AssessmentError,
  CodedError,
  compileRuleset,
  createDecisionRecord,
  createRulesetRegistry,
  formatPath,
  formatReport,
  generateSigningKeys,
  loadRuleset,
  replay,
  RulesetError,
  signRuleset,
  TransactionError,
  verifyDecisionRecord,
} from '../../src/index';
import { nestedArray } from '../support/hostileValues';
import { minimalRuleset } from '../support/minimalRuleset';

const transaction = JSON.parse(
  readFileSync(new URL('../../examples/notification-tracker-intelligence-agency.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** What a call threw (or rejected with), or `undefined` when it returned. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** A proxy every trap of which throws, as a hostile caller's object might. */
const throwing = new Proxy(
  {},
  Object.fromEntries(
    ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'].map((trap) => [
      trap,
      () => {
        throw new Error(`${trap} trap`);
      },
    ]),
  ),
);

describe('D18: typed, coded errors with a path where there were TypeErrors, DOMExceptions and stack overflows', () => {
  test('register() of a proxy of a valid document registers it, as compileRuleset compiles it', () => {
    const registry = createRulesetRegistry({ bundled: false });
    const summary = registry.register(new Proxy(minimalRuleset(), {}));
    expect(summary).toEqual(createRulesetRegistry({ bundled: false }).register(minimalRuleset()));
    expect(() => registry.register(throwing)).toThrow(RulesetError);
  });

  test('replay of a filed assessment with a 200,000-deep extra field is refused, naming the field', async () => {
    const filed = JSON.parse(JSON.stringify(await assess(transaction))) as Record<string, unknown>;
    const error = await thrown(() => replay({ ...filed, extra: nestedArray(200_000) }, transaction));
    expect(error).toBeInstanceOf(AssessmentError);
    expect(error).toMatchObject({ code: 'invalid_argument', issues: [{ code: 'too_deep', limit: 256 }] });
    expect((error as AssessmentError).issues[0]?.path.slice(0, 3)).toEqual(['record', 'extra', 0]);
  });

  test('a decision record with a 200,000-deep extra field is refused before it is hashed', async () => {
    const record = createDecisionRecord(transaction, await assess(transaction));
    const error = await thrown(() => verifyDecisionRecord({ ...record, extra: nestedArray(200_000) }));
    expect(error).toMatchObject({ name: 'DecisionRecordError', code: 'invalid_record' });
    expect((error as CodedError).issues[0]).toMatchObject({ code: 'too_deep', limit: 256 });
    expect((error as CodedError).issues[0]?.path.slice(0, 2)).toEqual(['extra', 0]);
  });

  test('formatReport of a transaction holding a BigInt or a cycle is refused, naming where', async () => {
    const assessment = await assess(transaction);
    const cyclic: Record<string, unknown> = { ...transaction };
    cyclic['self'] = cyclic;
    for (const [given, issue] of [
      [
        { ...transaction, x: 1n },
        { path: ['transaction', 'x'], code: 'not_json', found: 'bigint' },
      ],
      [cyclic, { path: ['transaction', 'self'], code: 'cycle' }],
    ] as const) {
      const error = await thrown(() => formatReport(assessment, given, { format: 'html' }));
      expect(error).toBeInstanceOf(AssessmentError);
      expect(error).toMatchObject({ code: 'invalid_argument', issues: [issue] });
    }
  });

  test('null, missing or malformed options are an error of the call, with the option’s path', async () => {
    const document = minimalRuleset();
    const assessment = await assess(transaction);
    const cases: readonly [() => unknown, new (...args: never[]) => CodedError, readonly (string | number)[]][] = [
      [() => assess(transaction, null as never), AssessmentError, ['options']],
      [() => assessMany([transaction], 'x' as never), AssessmentError, ['options']],
      [() => assessMany(5 as never), AssessmentError, ['transactions']],
      [() => assessEach(null as never), AssessmentError, ['transactions']],
      [() => compileRuleset(document, null as never), RulesetError, ['options']],
      [() => compileRuleset(document, { overlays: {} as never }), RulesetError, ['options', 'overlays']],
      [() => compileRuleset(document, { publicKeys: 'pem' as never }), RulesetError, ['options', 'publicKeys']],
      [() => compileRuleset(document, { publicKeys: null as never }), RulesetError, ['options', 'publicKeys']],
      [
        () => compileRuleset(document, { publicKeys: [], signatures: 'x' as never }),
        RulesetError,
        ['options', 'signatures'],
      ],
      [() => loadRuleset('eu-2021-821-art5', null as never), AssessmentError, ['options']],
      [() => loadRuleset(5 as never), AssessmentError, ['id']],
      [() => createRulesetRegistry().find(null as never), AssessmentError, ['reference']],
      [() => formatReport(assessment, transaction, undefined as never), AssessmentError, ['options', 'format']],
      [() => formatReport(null as never, transaction, { format: 'md' }), AssessmentError, ['assessment']],
      [() => formatPath(null as never), AssessmentError, ['path']],
      [() => replay(assessment, transaction, { registry: {} as never }), AssessmentError, ['options', 'registry']],
    ];
    for (const [call, type, path] of cases) {
      const error = await thrown(call);
      expect(error, String(call)).toBeInstanceOf(type);
      expect(
        (error as CodedError).issues.map((issue) => issue.path),
        String(call),
      ).toContainEqual(path);
    }
  });

  test('signRuleset of null (JSON, but no document) is a RulesetError naming the missing validity, not a TypeError', () => {
    const { privateKey } = generateSigningKeys();
    for (const document of [null, 5, 'a ruleset', []]) {
      let error: unknown;
      try {
        signRuleset(document, privateKey);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(document)).toBeInstanceOf(RulesetError);
      expect((error as RulesetError).issues).toContainEqual(expect.objectContaining({ code: 'invalid_validity' }));
    }
  });

  test('a transaction whose reading throws is a TransactionError at the place, not the getter’s or trap’s error', async () => {
    const getter = Object.defineProperty({ ...transaction }, 'date', {
      get() {
        throw new RangeError('from a getter');
      },
      enumerable: true,
    });
    const readOnlyGet = new Proxy(
      { ...transaction },
      {
        get: () => {
          throw new TypeError('get trap');
        },
      },
    );
    for (const [given, path] of [
      [getter, ['date']],
      [readOnlyGet, ['date']],
      [throwing, []],
    ] as const) {
      for (const call of [() => assess(given), () => assessMany([given])]) {
        const error = await thrown(call);
        expect(error).toBeInstanceOf(TransactionError);
        expect((error as TransactionError).issues).toContainEqual(expect.objectContaining({ path, code: 'not_json' }));
      }
    }
  });
});
