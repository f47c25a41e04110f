import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { canonicalJson, canonicalSha256 } from '../../../src/document/canonicalJson';
import { nodeCrypto } from '../../../src/document/nodeCrypto';
import { readJsonFile } from '../../support/rulesets';

/** The same value with every object's keys in a random order. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shuffleKeys(item, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as (typeof entries)[number], entries[i] as (typeof entries)[number]];
  }
  return Object.fromEntries(entries);
}

describe('canonicalJson', () => {
  test('follows RFC 8785 for the data rulesets hold: sorted keys, no whitespace, strings unescaped beyond JSON', () => {
    expect(canonicalJson({ b: [1, 2.5, -0, 1e21], a: { d: null, c: 'é "q"\n' }, A: true })).toBe(
      '{"A":true,"a":{"c":"é \\"q\\"\\n","d":null},"b":[1,2.5,0,1e+21]}',
    );
    // Keys sort by UTF-16 code units: "\u00e9" (U+00E9) before "\ud83d\ude00" (a surrogate pair) before "\uff41".
    expect(canonicalJson({ '\uff41': 1, '😀': 2, é: 3 })).toBe('{"é":3,"😀":2,"ａ":1}');
  });

  test('leaves out the top-level $schema only', () => {
    expect(canonicalJson({ $schema: 'x', id: 'a', nested: { $schema: 'kept' } })).toBe(
      '{"id":"a","nested":{"$schema":"kept"}}',
    );
  });

  test('is the same for any key order and whitespace, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 8 }), fc.integer(), (value, indent, seed) => {
        let state = seed;
        const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) < 0 ? -state : state) / 2147483648;
        const reformatted = JSON.parse(JSON.stringify(shuffleKeys(value, random), null, indent)) as unknown;
        expect(canonicalJson(reformatted)).toBe(canonicalJson(value));
        expect(canonicalSha256(reformatted)).toBe(canonicalSha256(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  test('a shipped ruleset keeps its sha256 when its file is reformatted, and loses it when one value changes', () => {
    const document = readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json') as Record<string, unknown>;
    const reformatted = JSON.parse(JSON.stringify(shuffleKeys(document, Math.random), null, '\t')) as Record<
      string,
      unknown
    >;
    expect(canonicalSha256(reformatted)).toBe(canonicalSha256(document));
    expect(canonicalSha256({ ...reformatted, version: `${String(document['version'])}-changed` })).not.toBe(
      canonicalSha256(document),
    );
  });

  describe("the hash is the same with and without Node's crypto module (browsers have none)", () => {
    afterEach(() => vi.unstubAllGlobals());

    test.each([
      ['node:crypto', false],
      ['the JavaScript sha256', true],
    ])('with %s', (_, withoutNode) => {
      if (withoutNode) vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
      expect(nodeCrypto() === undefined).toBe(withoutNode);
      // sha256("\"abc\"") and the sha256 of a text with characters outside ASCII, from sha256sum.
      expect(canonicalSha256('abc')).toBe('6cc43f858fbb763301637b5af970e2a46b46f461f27e5a0f41e009c59b827b25');
      expect(canonicalSha256({ é: '😀' })).toBe('5b1d7df2c21dc54efccf82e1619e4bb36e2c98b777cccf238af48a4e11f36585');
    });
  });
});
