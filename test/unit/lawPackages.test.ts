import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import invariantsSchema from '../../schemas/invariants.schema.json';
import {
  fileSha256,
  generateReleases,
  lawPackages,
  readSource,
  SourceError,
  type SourceProblem,
  type SourceRelease,
} from '../../scripts/release-rulesets';
import { canonicalSha256 } from '../../src/document/canonicalJson';
import { formatPath } from '../../src/errors/issue';
import { compileRuleset, loadRuleset } from '../../src/index';
import { BUNDLED_RELEASES, DEFAULT_RULESET_ID } from '../../src/rulesets/bundled';
import {
  ARTICLE_5_INVARIANTS,
  ARTICLE_5_RULESET_IDS,
  declaredInvariants,
  defaultInvariants,
  GENERAL_INVARIANTS,
  parseInvariants,
} from '../../src/testing/index';
import { readJsonFile } from '../support/rulesets';

/** A small source: one base with two releases, whose one rule changes its summary between them. */
function source(overrides: Record<string, unknown> = {}) {
  const citation = { source: 'reg', pinpoint: 'Art. 5(1)', confidence: 'verified' };
  return {
    $schema: '../../schemas/ruleset-source.schema.json',
    id: 'test-package',
    kind: 'base',
    title: 'Test package',
    lastVerifiedOn: '2026-01-01',
    releases: [
      { version: '1.0.0', validity: { from: '2021-01-01', to: '2021-12-31' } },
      { version: '2.0.0', validity: { from: '2022-01-01', to: null } },
    ],
    sources: { reg: { title: 'A regulation', instrument: 'Regulation', binding: true } },
    outcomes: {
      authorisation_required: { precedence: 20, title: 'Authorisation', nextSteps: 'Apply.' },
      insufficient_information: { precedence: 15, title: 'Open', nextSteps: 'Find out.' },
      no_obligation: { precedence: 10, title: 'None', nextSteps: 'Keep records.' },
    },
    undecided: 'insufficient_information',
    fallback: { id: 'fallback', outcome: 'no_obligation', summary: 'Nothing applies.', citation },
    facts: {
      'exporter.informedByAuthority': { title: 'Informed', prompt: 'Were you informed?', type: 'boolean', citation },
    },
    rules: [
      {
        id: 'informed',
        title: 'Informed by the authority',
        summary: {
          $dated: [
            { validity: { from: '2021-01-01', to: '2021-12-31' }, value: 'First reading.' },
            { validity: { from: '2022-01-01', to: null }, value: 'Second reading.' },
          ],
        },
        outcome: 'authorisation_required',
        citation,
        when: { all: [{ fact: 'exporter.informedByAuthority', operator: 'equal', value: true }] },
      },
    ],
    ...overrides,
  };
}

function problemsOf(value: unknown): SourceProblem[] {
  try {
    generateReleases(value);
  } catch (error) {
    if (error instanceof SourceError) return [...error.problems];
    throw error;
  }
  return [];
}

const paths = (problems: readonly SourceProblem[]) => problems.map((problem) => formatPath(problem.path));

describe('law packages: one dated source generates every release (run `npm run release-rulesets` after changing a source)', () => {
  test.each(lawPackages())('%s: every unpublished release is exactly what its source generates', (id) => {
    const source = readSource(id) as { releases: readonly SourceRelease[] };
    const generated = generateReleases(source, `rulesets/${id}/source.json`);
    // Each release is generated from the source until it is published (its sha256 pinned), never both or neither.
    expect(generated.map(({ release }) => release.version).sort()).toEqual(
      source.releases
        .filter((release) => release.fileSha256 === undefined)
        .map((release) => release.version)
        .sort(),
    );
    for (const { release, text } of generated) {
      expect(
        readFileSync(new URL(`../../rulesets/${id}/${release.version}.json`, import.meta.url), 'utf8'),
        `${id} ${release.version}`,
      ).toBe(text);
    }
  });

  test.each(lawPackages())(
    '%s: every published release keeps the bytes it was published with (replay by hash)',
    (id) => {
      const published = (readSource(id) as { releases: readonly SourceRelease[] }).releases.filter(
        (release) => release.fileSha256 !== undefined,
      );
      for (const release of published)
        expect(
          fileSha256(readFileSync(new URL(`../../rulesets/${id}/${release.version}.json`, import.meta.url))),
          `${id} ${release.version}`,
        ).toBe(release.fileSha256);
    },
  );

  test('each shipped release carries the sha256 its document hashes to, as assessments cite it', () => {
    for (const { document, sha256 } of BUNDLED_RELEASES)
      expect(sha256, `${(document as { id: string }).id} ${(document as { version: string }).version}`).toBe(
        canonicalSha256(document),
      );
  });

  test("the shipped releases are the sources' releases, with the same replacements", () => {
    const shipped = BUNDLED_RELEASES.map(({ document, replaces }) => ({
      id: (document as { id: string }).id,
      version: (document as { version: string }).version,
      replaces: replaces ?? [],
    }));
    const listed = lawPackages().flatMap((id) =>
      (readSource(id) as { releases: readonly SourceRelease[] }).releases.map((release) => ({
        id,
        version: release.version,
        replaces: release.replaces ?? [],
      })),
    );
    const key = (release: { id: string; version: string }) => `${release.id} ${release.version}`;
    expect([...shipped].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...listed].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  test('a dated value takes the variant in force for each release, and the header comes from the release', () => {
    const [first, second] = generateReleases(source());
    expect(Object.keys(first?.document ?? {})).toEqual([
      '$schema',
      'id',
      'version',
      'kind',
      'title',
      'validity',
      'lastVerifiedOn',
      'sources',
      'outcomes',
      'undecided',
      'fallback',
      'facts',
      'rules',
    ]);
    expect(first?.document['$schema']).toBe('../../schemas/ruleset.schema.json');
    expect(first?.document['validity']).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect((first?.document['rules'] as { summary: string }[])[0]?.summary).toBe('First reading.');
    expect((second?.document['rules'] as { summary: string }[])[0]?.summary).toBe('Second reading.');
    expect(second?.text).toBe(`${JSON.stringify(second?.document, null, 2)}\n`);
  });

  test('an item with $validity is part only of the releases inside its window, and keeps its place in the list', () => {
    const base = source();
    const later = {
      $validity: { from: '2022-01-01', to: null },
      id: 'later',
      title: 'Later',
      summary: 'Later.',
      outcome: 'authorisation_required',
      citation: base.fallback.citation,
      when: { all: [{ fact: 'exporter.informedByAuthority', operator: 'equal', value: false }] },
    };
    const [first, second] = generateReleases({ ...base, rules: [later, ...base.rules] });
    expect((first?.document['rules'] as { id: string }[]).map((rule) => rule.id)).toEqual(['informed']);
    expect((second?.document['rules'] as { id: string }[]).map((rule) => rule.id)).toEqual(['later', 'informed']);
    expect(JSON.stringify(second?.document)).not.toContain('$validity');
  });

  test('a window that only partly overlaps a release is an error naming its path in the source', () => {
    const base = source();
    const rule = {
      ...base.rules[0],
      summary: { $dated: [{ validity: { from: '2021-06-01', to: null }, value: 'Mid-year.' }] },
    };
    const problems = problemsOf({ ...base, rules: [rule] });
    expect(paths(problems)).toEqual(['/rules/0/summary/$dated/0/validity']);
    expect(problems[0]?.message).toMatch(/covers only part of release 1\.0\.0/);
  });

  test('variants of one value, or of one id in a list, must not overlap', () => {
    const base = source();
    const overlapping = {
      ...base.rules[0],
      summary: {
        $dated: [
          { validity: { from: '2021-01-01', to: null }, value: 'A.' },
          { validity: { from: '2022-01-01', to: null }, value: 'B.' },
        ],
      },
    };
    expect(paths(problemsOf({ ...base, rules: [overlapping] }))).toEqual(['/rules/0/summary/$dated/1/validity']);
    const twice = [
      { ...base.rules[0], $validity: { from: '2021-01-01', to: null } },
      { ...base.rules[0], $validity: { from: '2022-01-01', to: null } },
    ];
    const problems = problemsOf({ ...base, rules: twice });
    expect(paths(problems)).toEqual(['/rules/1']);
    expect(problems[0]?.message).toMatch(/"informed" is also in force from 2022-01-01 at \/rules\/0/);
  });

  test('a generated document the compiler refuses is reported at the path in the source it comes from', () => {
    const base = source();
    const rule = {
      ...base.rules[0],
      when: {
        all: [
          {
            fact: { $dated: [{ validity: { from: '2022-01-01', to: null }, value: 'undeclared.fact' }] },
            operator: 'equal',
            value: true,
          },
        ],
      },
    };
    const problems = problemsOf({ ...base, rules: [{ ...rule, $validity: { from: '2022-01-01', to: null } }] });
    expect(paths(problems)).toContain('/rules/0/when/all/0/fact');
    expect(problems.find((problem) => formatPath(problem.path) === '/rules/0/when/all/0/fact')?.message).toMatch(
      /in release 2\.0\.0 \(at \/rules\/0\/when\/all\/0\/fact of 2\.0\.0\.json\)/,
    );
  });

  test('the source is data: unknown $-keys, __proto__ and malformed dated values are refused by its schema', () => {
    expect(paths(problemsOf({ ...source(), fallback: { ...source().fallback, $when: 'now' } }))).toContain('/fallback');
    expect(paths(problemsOf({ ...source(), facts: JSON.parse('{ "__proto__": { "title": "x" } }') }))).toContain(
      '/facts',
    );
    expect(paths(problemsOf({ ...source(), undecided: { $dated: [{ value: 'no_obligation' }] } }))).toContain(
      '/undecided/$dated/0',
    );
    expect(
      paths(problemsOf({ ...source(), releases: [{ version: '1.0.0', validity: { from: '2021-02-30', to: null } }] })),
    ).toEqual(['/releases/0/validity/from']);
  });

  test('a release may only replace a release listed before it', () => {
    const base = source();
    const releases = [{ ...base.releases[0], replaces: ['2.0.0'] }, base.releases[1]];
    expect(paths(problemsOf({ ...base, releases }))).toEqual(['/releases/0/replaces']);
  });
});

describe('law packages: the invariants a package declares', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(invariantsSchema);
  const files = lawPackages().filter((id) =>
    existsSync(new URL(`../../rulesets/${id}/invariants.json`, import.meta.url)),
  );

  test.each(files)(
    'rulesets/%s/invariants.json follows schemas/invariants.schema.json and names its own package',
    (id) => {
      const file = readJsonFile(`rulesets/${id}/invariants.json`);
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
      expect(parseInvariants(file).ruleset).toBe(id);
      expect(declaredInvariants(id)).toEqual(parseInvariants(file).invariants);
    },
  );

  test('defaultInvariants reads them by the ruleset id, not by a list in the code: a copy under another id gets the general ones only', () => {
    const shipped = loadRuleset(DEFAULT_RULESET_ID, { asOf: '2025-01-10' });
    expect(declaredInvariants(DEFAULT_RULESET_ID).length).toBeGreaterThan(0);
    expect(defaultInvariants(shipped)).toEqual([...GENERAL_INVARIANTS, ...declaredInvariants(DEFAULT_RULESET_ID)]);
    const renamed = compileRuleset({
      ...(readJsonFile(`rulesets/${DEFAULT_RULESET_ID}/2.1.0.json`) as object),
      id: 'acme-art5',
    });
    expect(defaultInvariants(renamed)).toEqual(GENERAL_INVARIANTS);
  });

  test('the deprecated Article 5 exports are derived from the data', () => {
    expect(ARTICLE_5_RULESET_IDS).toEqual([DEFAULT_RULESET_ID]);
    expect(ARTICLE_5_INVARIANTS).toEqual(declaredInvariants(DEFAULT_RULESET_ID));
  });

  test('an invariants file is untrusted data: edits may only name transaction fields and record fields', () => {
    const invariant = (edit: unknown) => ({
      ruleset: 'x',
      invariants: [{ kind: 'neverChanges', name: 'n', description: 'd', edit }],
    });
    const problems = (value: unknown) => {
      try {
        parseInvariants(value);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problems(invariant({ set: { activity: { oneOf: ['export'] } } }))).toBe('');
    expect(problems(invariant({ set: { '__proto__.polluted': { oneOf: [true] } } }))).toMatch(
      /\/invariants\/0\/edit\/set\/__proto__\.polluted: not a transaction field/,
    );
    expect(problems(invariant({ append: 'activity', record: { concern: { oneOf: ['x'] } } }))).toMatch(
      /\/invariants\/0\/edit\/append: a list of records/,
    );
    expect(problems(invariant({ append: 'findings', record: { constructor: { oneOf: ['x'] } } }))).toMatch(
      /edit\/record\/constructor: not a field of findings records/,
    );
    expect(problems(invariant({ set: { activity: { oneOf: [] } } }))).toMatch(/edit\/set\/activity: \{ "oneOf"/);
    expect(
      problems({
        ruleset: 'x',
        invariants: [
          { kind: 'fixedOutcome', name: 'n', description: 'd', edit: { set: { activity: { oneOf: ['export'] } } } },
        ],
      }),
    ).toMatch(/\/invariants\/0\/outcome/);
    expect(problems({ ruleset: 'x', invariants: [], extra: 1 })).toMatch(/\/extra: unknown key/);
  });
});
