import { describe, expect, test } from 'vitest';
import { assess, compileRuleset, RulesetError } from '../../src/index';
import { checkSoundness } from '../../src/testing/index';
import { minimalRuleset } from '../support/minimalRuleset';
import { readJsonFile } from '../support/rulesets';
import { runSeed } from '../support/seed';

/** A rule deciding the undecided outcome when `when` holds. */
function pendingRule(when: unknown): Record<string, unknown> {
  return {
    id: 'pending',
    title: 'Pending',
    summary: 'Pending.',
    outcome: 'insufficient_information',
    citation: { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' },
    when,
  };
}

/** Compiles `document` expecting failure, and returns the issues. */
function issuesOf(document: unknown, overlays?: unknown[]) {
  try {
    compileRuleset(document, overlays === undefined ? {} : { overlays });
  } catch (error) {
    expect(error).toBeInstanceOf(RulesetError);
    return (error as RulesetError).issues;
  }
  throw new Error('expected compileRuleset to throw');
}

describe('compileRuleset', () => {
  test('compiles a valid document into a frozen, reusable ruleset', async () => {
    const ruleset = compileRuleset(minimalRuleset());
    expect(ruleset.id).toBe('test-minimal');
    expect(Object.isFrozen(ruleset)).toBe(true);
    expect(Object.isFrozen(ruleset.document.rules)).toBe(true);
    const informed = await assess(
      { exporter: { country: 'DE', informedByAuthority: true }, destination: { country: 'US' } },
      { ruleset },
    );
    expect(informed.outcome).toBe('authorisation_required');
    const unknown = await assess({ exporter: { country: 'DE' }, destination: { country: 'US' } }, { ruleset });
    expect(unknown.outcome).toBe('insufficient_information');
  });

  test("freezes its own copy of the documents, never the caller's, with or without overlays", () => {
    const base = readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json') as { rules: { title: string }[] };
    const overlay = readJsonFile('rulesets/de-awv-9-4/1.0.0.json') as { rules: { title: string }[] };
    for (const ruleset of [compileRuleset(base), compileRuleset(base, { overlays: [overlay] })]) {
      const [firstRule] = ruleset.document.rules ?? [];
      expect(Object.isFrozen(firstRule)).toBe(true);
      expect(Object.isFrozen(ruleset.document.rules?.at(-1))).toBe(true);
      expect(firstRule).not.toBe(base.rules[0]);
    }
    expect(Object.isFrozen(base) || Object.isFrozen(base.rules[0]) || Object.isFrozen(overlay.rules[0])).toBe(false);
    base.rules[0]!.title = 'Changed by the caller afterwards';
    expect(compileRuleset(base).document.rules?.[0]?.title).toBe('Changed by the caller afterwards');
  });

  test('the sha256 ignores key order and whitespace but not content', () => {
    const document = minimalRuleset();
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(document).reverse()), null, 4),
    ) as unknown;
    expect(compileRuleset(reordered).sha256).toBe(compileRuleset(document).sha256);
    expect(compileRuleset({ ...document, title: 'Changed' }).sha256).not.toBe(compileRuleset(document).sha256);
  });

  describe('refuses, listing every problem with its path', () => {
    test('for a missing citation', () => {
      const document = minimalRuleset();
      delete (document.rules?.[0] as unknown as Record<string, unknown>)['citation'];
      expect(issuesOf(document)).toContainEqual(
        expect.objectContaining({ path: ['rules', 0, 'citation'], code: 'missing_citation' }),
      );
    });

    test('for a fact that is used but not declared, and a typo in a property name', () => {
      const document = minimalRuleset() as unknown as { rules: { when: unknown; citaton?: unknown }[] };
      (document.rules[0] as { when: unknown }).when = {
        fact: 'item.covertSurveillance',
        operator: 'equal',
        value: true,
      };
      const issues = issuesOf(document);
      expect(issues).toContainEqual(
        expect.objectContaining({ path: ['rules', 0, 'when', 'fact'], code: 'undeclared_fact' }),
      );
    });

    test("for an undeclared source wherever a citation sits: a fact, a rule's seeAlso, the fallback", () => {
      const document = minimalRuleset() as unknown as {
        facts: Record<string, { citation: unknown }>;
        rules: Record<string, unknown>[];
        fallback: { citation: unknown };
      };
      const cite = (source: string) => ({ source, pinpoint: 'Art. 1', confidence: 'verified' });
      (document.facts['item.speciallyDesigned'] as { citation: unknown }).citation = cite('gone');
      document.rules[0] = { ...document.rules[0], seeAlso: [cite('reg'), cite('missing')] };
      document.fallback.citation = cite('absent');
      const found = issuesOf(document)
        .filter((issue) => issue.code === 'undeclared_source')
        .map((issue) => issue.path);
      expect(found).toEqual(
        expect.arrayContaining([
          ['facts', 'item.speciallyDesigned', 'citation', 'source'],
          ['rules', 0, 'seeAlso', 1, 'source'],
          ['fallback', 'citation', 'source'],
        ]),
      );
      expect(found).toHaveLength(3);
    });

    test('for an undeclared outcome, a duplicate rule id and an undeclared source, all at once', () => {
      const document = minimalRuleset() as unknown as { rules: Record<string, unknown>[] };
      document.rules[1] = {
        ...document.rules[1],
        id: 'informed',
        outcome: 'notification_required',
        citation: { source: 'nope', pinpoint: 'x', confidence: 'verified' },
      };
      const codes = issuesOf(document).map((issue) => `${issue.code} ${issue.path.join('/')}`);
      expect(codes).toEqual(
        expect.arrayContaining([
          'duplicate_id rules/1/id',
          'undeclared_outcome rules/1/outcome',
          'undeclared_source rules/1/citation/source',
        ]),
      );
    });

    test('for an unknown operator, with the allowed ones named', () => {
      const document = minimalRuleset() as unknown as { rules: { when: unknown }[] };
      (document.rules[0] as { when: unknown }).when = {
        fact: 'exporter.informedByAuthority',
        operator: 'regex',
        value: '.*',
      };
      const [issue] = issuesOf(document);
      expect(issue).toMatchObject({ path: ['rules', 0, 'when', 'operator'], code: 'invalid_value' });
      expect(issue?.message).toContain('"equal"');
    });

    test('for a value of the wrong type for its fact', () => {
      const document = minimalRuleset() as unknown as { rules: { when: unknown }[] };
      (document.rules[0] as { when: unknown }).when = {
        fact: 'exporter.informedByAuthority',
        operator: 'equal',
        value: 'yes',
      };
      expect(issuesOf(document)).toContainEqual(
        expect.objectContaining({ path: ['rules', 0, 'when', 'value'], code: 'value_type_mismatch' }),
      );
    });

    test('for an input fact that is not a transaction field, suggesting a derivation', () => {
      const document = minimalRuleset() as unknown as { facts: Record<string, unknown> };
      document.facts['item.colour'] = {
        title: 'Colour',
        prompt: 'Which colour?',
        type: 'string',
        citation: { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' },
      };
      expect(issuesOf(document)).toContainEqual(
        expect.objectContaining({ path: ['facts', 'item.colour'], code: 'unknown_input_fact' }),
      );
    });

    test('for a rule deciding the undecided outcome without saying what to ask', () => {
      const document = minimalRuleset() as unknown as { rules: Record<string, unknown>[] };
      document.rules.push(pendingRule({ fact: 'item.speciallyDesigned', operator: 'equal', value: true }));
      expect(issuesOf(document)).toContainEqual(
        expect.objectContaining({ path: ['rules', 2, 'when'], code: 'missing_ask' }),
      );
    });

    test('but not for a rule that keeps a free-text field open while it is not given (it is never empty)', () => {
      const document = minimalRuleset() as unknown as {
        rules: Record<string, unknown>[];
        facts: Record<string, unknown>;
      };
      document.facts['endUser.name'] = {
        title: 'End user',
        prompt: 'Who is the end user?',
        type: 'string',
        citation: { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' },
      };
      document.rules.push(pendingRule({ not: { fact: 'endUser.name', operator: 'notEqual', value: '' } }));
      expect(() => compileRuleset(document)).not.toThrow();
      // The testing kit draws the field's values from what the ruleset compares it with, but never the empty text,
      // which no transaction may hold: its transactions stay valid.
      expect(checkSoundness(compileRuleset(document), { runs: 50, seed: runSeed() }).checked).toBeGreaterThan(50);
      // A field with fixed values may hold any of them: "not one of these" can hold, so it must say what to ask.
      (document.rules[2] as { when: unknown }).when = {
        not: { fact: 'item.speciallyDesigned', operator: 'notEqual', value: true },
      };
      expect(issuesOf(document)).toContainEqual(
        expect.objectContaining({ path: ['rules', 2, 'when'], code: 'missing_ask' }),
      );
    });

    test('for two outcomes sharing a precedence', () => {
      const document = minimalRuleset() as unknown as { outcomes: Record<string, { precedence: number }> };
      (document.outcomes['no_obligation'] as { precedence: number }).precedence = 90;
      expect(issuesOf(document)).toContainEqual(expect.objectContaining({ code: 'duplicate_precedence' }));
    });

    test('for cycles through named conditions', () => {
      const cite = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' };
      const document = {
        ...minimalRuleset(),
        conditions: {
          a: { title: 'A', citation: cite, when: { condition: 'b' } },
          b: { title: 'B', citation: cite, when: { any: [{ condition: 'a' }] } },
        },
      };
      expect(issuesOf(document).map((issue) => issue.code)).toContain('condition_cycle');
    });

    test('for prototype-reaching keys, without touching Object.prototype', () => {
      const document = JSON.parse(
        `{"__proto__": {"polluted": true}, ${JSON.stringify(minimalRuleset()).slice(1)}`,
      ) as unknown;
      expect(issuesOf(document)).toContainEqual(
        expect.objectContaining({ path: ['__proto__'], code: 'forbidden_key' }),
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    test('for something that is not a ruleset at all', () => {
      expect(issuesOf(null)[0]).toMatchObject({ path: [], code: 'invalid_type' });
      expect(issuesOf([]).length).toBeGreaterThan(0);
    });

    test('for an overlay that extends another ruleset, with the path inside the overlay', () => {
      const overlay = {
        ...(readJsonFile('rulesets/de-awv-9-4/1.0.0.json') as Record<string, unknown>),
        extends: 'something-else',
      };
      const issues = issuesOf(readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json'), [overlay]);
      expect(issues).toContainEqual(
        expect.objectContaining({ path: ['overlays', 0, 'extends'], code: 'overlay_mismatch' }),
      );
    });
  });

  test('the error message lists each issue on its own line with its path', () => {
    const document = minimalRuleset() as unknown as { rules: Record<string, unknown>[] };
    delete document.rules[0]?.['citation'];
    expect(() => compileRuleset(document)).toThrow(/\/rules\/0\/citation: Missing citation/);
  });
});
