import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  assess,
  assessEach,
  assessMany,
  AssessmentError,
  CodedError,
  compileRuleset,
  createDecisionRecord,
  DecisionRecordError,
  formatReport,
  replay,
  type Assessment,
  type CompiledRuleset,
} from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { readJsonFile } from '../support/rulesets';
import { runs } from '../support/runs';

// formatReport and createDecisionRecord take an assessment this copy of the package made as it is, and read any
// other in full (src/evaluate/assessment/givenAssessments.ts). Both ways must give the same bytes, and nothing but
// the very object the library made may skip the reading.

const RULESETS: readonly { readonly name: string; readonly ruleset: () => CompiledRuleset }[] = [
  {
    name: 'Article 5 2.0.0 + de-awv-9-4 1.0.0',
    ruleset: () =>
      compileRuleset(readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json'), {
        overlays: [readJsonFile('rulesets/de-awv-9-4/1.0.0.json')],
      }),
  },
  // Certain duties, the competent authority on undecided assessments, overlay rules at extension points.
  {
    name: 'Article 5 2.1.0 + de-awv-9-4 1.1.0',
    ruleset: () =>
      compileRuleset(readJsonFile('rulesets/eu-2021-821-art5/2.1.0.json'), {
        overlays: [readJsonFile('rulesets/de-awv-9-4/1.1.0.json')],
      }),
  },
];

/** The assessment as it comes back from a file or over the wire: the same data, not the object the library made. */
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Freezes a value and every data property it holds (getters are left as they are, unread). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value)))
    if ('value' in descriptor) deepFreeze(descriptor.value);
  return Object.freeze(value);
}

describe.each(RULESETS)('a library-made assessment and its JSON copy give the same bytes: $name', ({ ruleset }) => {
  const compiled = ruleset();
  const asOf = compiled.validity.from;
  const transactions = fc.sample(
    partialTransactionArbitrary(vocabularyOf(compiled), { date: asOf }).map(({ partial }) => partial),
    { numRuns: runs(400), seed: 11 },
  );

  test('formatReport, HTML and Markdown, on assessMany, assessEach and assess', async () => {
    const many = assessMany(transactions, { ruleset: compiled });
    const each = assessEach(transactions, { ruleset: compiled });
    for (const [index, transaction] of transactions.entries()) {
      const made: Assessment[] = [many[index] as Assessment, await assess(transaction, { ruleset: compiled })];
      const result = each[index];
      if (result?.ok === true) made.push(result.assessment);
      expect(made).toHaveLength(3);
      for (const assessment of made)
        for (const format of ['html', 'md'] as const) {
          const options = { format, ruleset: compiled, generatedAt: '2026-12-06T10:00:00Z' };
          expect(formatReport(assessment, transaction, options)).toBe(
            formatReport(jsonCopy(assessment), transaction, options),
          );
        }
    }
  });

  test('createDecisionRecord', () => {
    const options = { clock: () => new Date('2026-12-06T10:00:00Z'), newId: () => 'record-1' };
    for (const [index, assessment] of assessMany(transactions, { ruleset: compiled }).entries()) {
      const transaction = transactions[index];
      expect(createDecisionRecord(transaction, assessment, options)).toEqual(
        createDecisionRecord(transaction, jsonCopy(assessment), options),
      );
    }
  });
});

describe('only the object the library made skips the reading', () => {
  const compiled = RULESETS[1]?.ruleset() as CompiledRuleset;
  const transaction = {
    date: compiled.validity.from,
    exporter: { country: 'DE' },
    destination: { country: 'EG' },
    item: { annexIEntries: [], speciallyDesigned: true },
  };

  /** The issues of the typed error a call throws (fails the test when it throws anything else, or returns). */
  function issuesOf(call: () => unknown, type: typeof AssessmentError | typeof DecisionRecordError) {
    let error: unknown;
    try {
      call();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(type);
    return (error as CodedError).issues;
  }

  /** A copy of a library-made assessment with one nested field changed to something `assess` never returns. */
  const tampered: readonly {
    readonly name: string;
    readonly change: (copy: Record<string, unknown> & Assessment) => unknown;
    readonly path: readonly (string | number)[];
  }[] = [
    {
      name: 'a trace step result',
      change: (copy) => Object.assign(copy.trace[0] as object, { result: 'maybe' }),
      path: ['assessment', 'trace', 0, 'result'],
    },
    {
      name: "a question's citation",
      change: (copy) => Object.assign(copy.questions[0]?.citation as object, { binding: 'yes' }),
      path: ['assessment', 'questions', 0, 'citation', 'binding'],
    },
    {
      name: 'the list of questions',
      change: (copy) => Object.assign(copy, { questions: 'none' }),
      path: ['assessment', 'questions'],
    },
    {
      name: 'the ruleset it names',
      change: (copy) => Object.assign(copy.ruleset, { overlays: [{ id: 'de-awv-9-4' }] }),
      path: ['assessment', 'ruleset', 'overlays', 0, 'version'],
    },
    {
      name: 'a getter in a nested object',
      change: (copy) => Object.defineProperty(copy.obligations, 0, { get: () => copy.obligations, enumerable: true }),
      path: ['assessment', 'obligations', 0],
    },
  ];

  test.each(tampered)('a JSON copy of one, with $name changed, is refused naming where', async ({ change, path }) => {
    const made = await assess(transaction, { ruleset: compiled });
    expect(formatReport(made, transaction, { format: 'md', ruleset: compiled })).toContain('#');
    const copy = jsonCopy(made) as Record<string, unknown> & Assessment;
    change(copy);
    // Frozen throughout by the caller, after the change, it is still not the object the library made.
    for (const given of [copy, deepFreeze(copy)])
      for (const issues of [
        issuesOf(() => formatReport(given, transaction, { format: 'html', ruleset: compiled }), AssessmentError),
        issuesOf(() => createDecisionRecord(transaction, given), DecisionRecordError),
      ])
        expect(issues.map((issue) => issue.path)).toContainEqual(path);
  });

  test('a spread copy or a proxy of one is read in full, and refused where it is not what assess returns', () => {
    const [made] = assessMany([transaction], { ruleset: compiled }) as [Assessment];
    const spread = { ...made, outcome: 'maybe' } as unknown as Assessment;
    expect(
      issuesOf(() => formatReport(spread, transaction, { format: 'html' }), AssessmentError).map((issue) => issue.path),
    ).toContainEqual(['assessment', 'outcome']);
    // A proxy is not the object the library made, though its target is: its traps run, and one that lies is found.
    const lying = new Proxy(made, { get: (target, key) => (key === 'notes' ? 'none' : Reflect.get(target, key)) });
    expect(issuesOf(() => formatReport(lying, transaction, { format: 'md' }), AssessmentError)).toContainEqual(
      expect.objectContaining({ path: ['assessment', 'notes'], code: 'not_json' }),
    );
  });

  test("replay's assessment, made by assess, is one the report takes as it is", async () => {
    const made = await assess(transaction, { ruleset: compiled });
    const { replayed } = await replay(jsonCopy(made), transaction);
    expect(Object.isFrozen(replayed)).toBe(true);
    expect(formatReport(replayed, transaction, { format: 'md', ruleset: compiled })).toBe(
      formatReport(jsonCopy(made), transaction, { format: 'md', ruleset: compiled }),
    );
  });
});
