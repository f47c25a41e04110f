import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, test } from 'vitest';

type Library = typeof import('../../src/index');

// The library built from the current sources for this run, as dist/ would hold it (test/support/buildPackage.ts).
const DIST = pathToFileURL(`${inject('libraryDir')}/`);
const SOURCES = Symbol.for('dual-use-rules.compiledRuleset');
const AS_OF = '2025-03-03';

const transaction = JSON.parse(
  readFileSync(new URL('../../examples/notification-tracker-intelligence-agency.json', import.meta.url), 'utf8'),
) as unknown;

/**
 * The dual-package hazard (issue 19, D19): an application that loads the package both through `require` (the
 * CommonJS build, dist/index.cjs) and `import` (the ES module build, dist/index.js) has two copies of the library.
 * A ruleset compiled by one is accepted by the other when both are this version; anything that only looks like a
 * compiled ruleset is still refused, with a message that names why.
 */
describe('one version, two builds: rulesets compiled by either are assessed by both', () => {
  let cjs: Library;
  let esm: Library;
  beforeAll(async () => {
    cjs = createRequire(import.meta.url)(new URL('index.cjs', DIST).pathname) as Library;
    esm = (await import(new URL('index.js', DIST).href)) as Library;
  });

  test('a ruleset loaded through require is assessed by the ES module, as its own would be', async () => {
    const fromRequire = cjs.loadRuleset('eu-2021-821-art5', { asOf: AS_OF });
    const own = esm.loadRuleset('eu-2021-821-art5', { asOf: AS_OF });
    const assessment = await esm.assess(transaction, { ruleset: fromRequire });
    expect(assessment).toEqual(await esm.assess(transaction, { ruleset: own }));
    expect(assessment.ruleset).toEqual({
      id: own.id,
      version: own.version,
      sha256: own.sha256,
      overlays: own.overlays,
    });
    expect(esm.assessMany([transaction], { ruleset: fromRequire })).toEqual([assessment]);
    expect(esm.listQuestions(fromRequire)).toEqual(esm.listQuestions(own));
  });

  test('and the other way round: a ruleset the ES module compiled from a document is assessed through require', async () => {
    const base = esm.loadRuleset('eu-2021-821-art5', { asOf: AS_OF });
    const compiled = esm.compileRuleset(base.document);
    const assessment = await cjs.assess(transaction, { ruleset: compiled });
    expect(assessment).toEqual(await cjs.assess(transaction, { ruleset: cjs.compileRuleset(base.document) }));
  });

  test('a copy, a proxy or a document of a compiled ruleset is refused, saying what it is', async () => {
    const fromRequire = cjs.loadRuleset('eu-2021-821-art5', { asOf: AS_OF });
    const refusal = (ruleset: unknown) =>
      esm.assess(transaction, { ruleset: ruleset as never }).then(
        () => undefined,
        (error: unknown) => error,
      );
    for (const [value, says] of [
      [{ ...fromRequire }, /not a ruleset document or a copy of one/],
      [
        Object.create(Object.getPrototypeOf(fromRequire) as object, Object.getOwnPropertyDescriptors(fromRequire)),
        /copy or a proxy/,
      ],
      [new Proxy(fromRequire, {}), /copy or a proxy/],
      [fromRequire.document, /not a ruleset document/],
    ] as const) {
      const error = await refusal(value);
      expect(error).toBeInstanceOf(esm.AssessmentError);
      expect(error).toMatchObject({ code: 'not_a_compiled_ruleset', issues: [{ path: ['options', 'ruleset'] }] });
      expect((error as Error).message).toMatch(says);
    }
  });

  test('a forged ruleset is refused: another version, or documents that are not what it says it is', async () => {
    const genuine = cjs.loadRuleset('eu-2021-821-art5', { asOf: AS_OF });
    const sources = (genuine as unknown as Record<symbol, () => { base: unknown; overlays: unknown[] }>)[SOURCES]?.call(
      genuine,
    );
    expect(sources?.base).toBeDefined();
    const forged = (given: object) => ({ ...genuine, [SOURCES]: () => given });
    const otherVersion = await esm
      .assess(transaction, { ruleset: forged({ ...sources, version: '9.9.9' }) as never })
      .catch((error: unknown) => error);
    expect(otherVersion).toMatchObject({ code: 'not_a_compiled_ruleset' });
    expect((otherVersion as Error).message).toMatch(/another copy of dual-use-rules, version 9\.9\.9/);
    // The documents of the 2.0.0 release, under the name and hashes of the version in force on AS_OF.
    const older = cjs.loadRuleset('eu-2021-821-art5', { asOf: '2024-01-01' });
    const olderSources = (older as unknown as Record<symbol, () => object>)[SOURCES]?.call(older);
    expect(older.version).not.toBe(genuine.version);
    const impostor = await esm
      .assess(transaction, { ruleset: forged(olderSources ?? {}) as never })
      .catch((error: unknown) => error);
    expect(impostor).toMatchObject({ code: 'not_a_compiled_ruleset' });
    expect((impostor as Error).message).toMatch(/not what its documents compile to/);
  });
});
