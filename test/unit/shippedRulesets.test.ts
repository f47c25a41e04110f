import { describe, expect, test } from 'vitest';
import { assess, compileRuleset, listRulesets, TransactionError } from '../../src/index';
import { bundledDocuments } from '../../src/rulesets/bundled';
import type { CitationDefinition, ConditionDefinition, RulesetDocument } from '../../src/types/ruleset';

/** The project's bar for the rulesets it ships, beyond what compiling checks. */
const documents = bundledDocuments() as readonly RulesetDocument[];
const bases = documents.filter((document) => document.kind === 'base');
const overlays = documents.filter((document) => document.kind === 'overlay');
const art5 = (version: string) =>
  bases.find((document) => document.id === 'eu-2021-821-art5' && document.version === version) as RulesetDocument;
/** The current (not replaced) Article 5 version whose legal time starts on `from`. */
const currentArt5 = (from: string) =>
  art5(
    listRulesets().find(
      (summary) => summary.id === 'eu-2021-821-art5' && summary.selectable && summary.validity.from === from,
    )?.version ?? '',
  );

const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];
const GUIDELINES_CELEX = '32024H2659';

/** Every citation in a document with the path where it sits. */
function citations(value: unknown, path: string): { path: string; citation: CitationDefinition }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => citations(item, `${path}/${index}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key === 'citation') return [{ path: `${path}/citation`, citation: child as CitationDefinition }];
    if (key === 'seeAlso')
      return (child as CitationDefinition[]).map((citation, index) => ({ path: `${path}/seeAlso/${index}`, citation }));
    if (key === 'attributeCitations')
      return Object.entries(child as Record<string, CitationDefinition>).map(([attribute, citation]) => ({
        path: `${path}/attributeCitations/${attribute}`,
        citation,
      }));
    return citations(child, `${path}/${key}`);
  });
}

/** The facts a condition tree reads, following named conditions. */
function factsRead(condition: ConditionDefinition, named: RulesetDocument['conditions']): string[] {
  if ('all' in condition) return condition.all.flatMap((child) => factsRead(child, named));
  if ('any' in condition) return condition.any.flatMap((child) => factsRead(child, named));
  if ('not' in condition) return factsRead(condition.not, named);
  if ('condition' in condition) return [];
  return [condition.fact];
}

function derivationInputs(document: RulesetDocument): string[] {
  return Object.values(document.facts ?? {}).flatMap((fact) => {
    const derive = fact.derive;
    if (derive === undefined) return [];
    if (derive.kind === 'lookup') return [derive.key];
    return Array.isArray(derive.of) ? [...derive.of] : [derive.of as string];
  });
}

function conditionTrees(document: RulesetDocument): ConditionDefinition[] {
  return [
    ...(document.rules ?? []).map((rule) => rule.when),
    ...(document.notes ?? []).map((note) => note.when),
    ...Object.values(document.conditions ?? {}).map((condition) => condition.when),
  ];
}

describe.each(documents.map((document) => [`${document.id} ${document.version}`, document] as const))(
  '%s meets the bar',
  (_, document) => {
    test('compiles, alone (bases) and with every overlay that extends it', () => {
      if (document.kind === 'base') {
        expect(() => compileRuleset(document)).not.toThrow();
        for (const overlay of overlays.filter((candidate) => candidate.extends === document.id))
          expect(() => compileRuleset(document, { overlays: [overlay] })).not.toThrow();
      } else {
        for (const base of bases.filter((candidate) => candidate.id === document.extends))
          expect(() => compileRuleset(base, { overlays: [document] })).not.toThrow();
      }
    });

    test('states when it was last checked against the official texts', () => {
      expect(document.lastVerifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(document.lastVerifiedOn! <= new Date().toISOString().slice(0, 10)).toBe(true);
      expect(document.lastVerifiedOn! >= document.validity.from).toBe(true);
    });

    test('every citation has a confidence, and every unverified or interpretive one says why in a note', () => {
      const all = citations(document, '');
      expect(all.length).toBeGreaterThan(0);
      const missing = all
        .filter(({ citation }) => !['verified', 'unverified', 'interpretation'].includes(citation.confidence))
        .map(({ path }) => path);
      const unexplained = all
        .filter(({ citation }) => citation.confidence !== 'verified' && (citation.note ?? '').trim().length < 10)
        .map(({ path }) => path);
      expect(missing).toEqual([]);
      expect(unexplained).toEqual([]);
    });

    test('every rule, note, fact, named condition, threshold, scale, catalogue and catalogue entry is cited', () => {
      const cited = (things: Record<string, { citation?: unknown }> | undefined) =>
        Object.entries(things ?? {})
          .filter(([, thing]) => thing.citation === undefined)
          .map(([id]) => id);
      expect((document.rules ?? []).filter((rule) => rule.citation === undefined)).toEqual([]);
      expect((document.notes ?? []).filter((note) => note.citation === undefined)).toEqual([]);
      expect(cited(document.facts)).toEqual([]);
      expect(cited(document.conditions)).toEqual([]);
      expect(cited(document.thresholds)).toEqual([]);
      expect(cited(document.scales)).toEqual([]);
      expect(cited(document.catalogues)).toEqual([]);
      for (const catalogue of Object.values(document.catalogues ?? {}))
        expect(catalogue.entries.filter((entry) => entry.citation === undefined)).toEqual([]);
    });

    test('every declared source is cited, and non-binding instruments are marked as such', () => {
      const used = new Set(citations(document, '').map(({ citation }) => citation.source));
      expect(Object.keys(document.sources).filter((source) => !used.has(source))).toEqual([]);
      for (const source of Object.values(document.sources)) {
        if (source.celex === GUIDELINES_CELEX || source.instrument.startsWith('Council Common Position'))
          expect(source.binding, source.title).toBe(false);
      }
    });

    test(
      'every fact is read by a rule, a note, a named condition, a derivation or the authority settings, ' +
        'and asks a question',
      () => {
        const read = new Set([
          ...conditionTrees(document).flatMap((tree) => factsRead(tree, document.conditions)),
          ...derivationInputs(document),
        ]);
        if (document.authority !== undefined) read.add(document.authority.memberStateFact);
        expect(Object.keys(document.facts ?? {}).filter((fact) => !read.has(fact))).toEqual([]);
        for (const [id, fact] of Object.entries(document.facts ?? {}))
          expect(fact.prompt.length, id).toBeGreaterThan(10);
      },
    );

    test('rules explain themselves in plain words', () => {
      for (const rule of document.rules ?? []) expect(rule.summary.length, rule.id).toBeGreaterThan(60);
    });
  },
);

describe('the Article 5 versions', () => {
  const v1 = currentArt5('2021-09-09');
  const v2 = currentArt5('2024-10-16');

  test(
    'follow each other in legal time: the Regulation from 9 September 2021, the guidelines from 16 ' + 'October 2024',
    () => {
      expect(v1.validity).toEqual({ from: '2021-09-09', to: '2024-10-15' });
      expect(v2.validity).toEqual({ from: '2024-10-16', to: null });
      const summaries = listRulesets().filter((summary) => summary.id === 'eu-2021-821-art5');
      expect(summaries.filter((summary) => summary.selectable).map((summary) => summary.version)).toEqual([
        '1.2.0',
        '2.3.2',
      ]);
      // Each correction replaces the previous release of the same legal period (a chain), which stays for replay.
      expect(
        summaries.filter((summary) => !summary.selectable).map((summary) => [summary.version, summary.replacedBy]),
      ).toEqual([
        ['1.0.0', '1.1.0'],
        ['1.1.0', '1.2.0'],
        ['2.0.0', '2.1.0'],
        ['2.1.0', '2.2.0'],
        ['2.2.0', '2.3.0'],
        ['2.3.0', '2.3.1'],
        ['2.3.1', '2.3.2'],
      ]);
      expect(art5('1.0.0').validity).toEqual(v1.validity);
      expect(art5('2.0.0').validity).toEqual(v2.validity);
    },
  );

  test(
    'a transaction dated before the Regulation applied is refused with an error that names the first ' + 'day',
    async () => {
      const early = assess({ date: '2021-09-08', exporter: { country: 'DE' }, destination: { country: 'US' } });
      await expect(early).rejects.toBeInstanceOf(TransactionError);
      await expect(early).rejects.toThrow(/2021-09-09/);
      expect(
        (await assess({ date: '2021-09-09', exporter: { country: 'DE' }, destination: { country: 'US' } })).ruleset
          .version,
      ).toBe(v1.version);
    },
  );

  test(
    'the current version before the guidelines (v1) carries only the statutory rules: it never cites ' +
      'the guidelines',
    () => {
      expect(Object.values(v1.sources).some((source) => source.celex === GUIDELINES_CELEX)).toBe(false);
      expect(v1.outcomes?.enhanced_due_diligence).toBeUndefined();
      expect(Object.values(v2.sources).some((source) => source.celex === GUIDELINES_CELEX)).toBe(true);
    },
  );

  test('the current version with the guidelines (v2) keeps every rule, fact and note id of v1', () => {
    const ids = (document: RulesetDocument) => [
      ...(document.rules ?? []).map((rule) => rule.id),
      ...Object.keys(document.facts ?? {}),
      ...(document.notes ?? []).map((note) => note.id),
    ];
    expect(ids(v1).filter((id) => !ids(v2).includes(id))).toEqual([]);
  });

  test.each([v1, v2])(
    'version $version: the member-state catalogue lists the 27 member states with an authority and an Art. 5(3) status',
    (document) => {
      const entries = document.catalogues?.['memberStates']?.entries ?? [];
      expect(entries.map((entry) => entry.id).sort()).toEqual(EU_MEMBER_STATES);
      for (const entry of entries) {
        const authority = entry.attributes?.['authority'];
        expect(authority === null || (typeof authority === 'string' && authority.length > 3), entry.id).toBe(true);
        if (authority === null)
          expect(entry.citation.confidence, `${entry.id}: an unnamed authority cannot be verified`).toBe('unverified');
        // The position is 'applies' or 'none' only with a source read; null (not known) otherwise, and the entry's
        // attribute citation says what was read either way (issue 17, points 5 and 8).
        expect(['applies', 'none', null], entry.id).toContain(entry.attributes?.['art5_3']);
        const position = entry.attributeCitations?.['art5_3'];
        expect(position?.note?.length ?? 0, `${entry.id}: the position's source`).toBeGreaterThan(20);
        if (entry.attributes?.['art5_3'] !== null) expect(position?.confidence, entry.id).toBe('verified');
        // The name's citation is the national source; Art. 12(2) only says which member state is competent.
        expect(entry.citation.pinpoint, entry.id).not.toBe('Art. 12(2)');
        expect(
          entry.seeAlso?.map((citation) => citation.pinpoint),
          entry.id,
        ).toContain('Art. 12(2)');
      }
      expect(document.catalogues?.['memberStates']?.attributeValues?.['art5_3']).toEqual(['applies', 'none']);
      expect(document.catalogues?.['memberStates']).toEqual(v1.catalogues?.['memberStates']);
    },
  );

  test('v2: every red flag has a weight and a mitigation measure, and every measure is read through a note', () => {
    const catalogues = v2.catalogues ?? {};
    const measures = (catalogues['mitigationMeasures']?.entries ?? []).map((entry) => entry.id);
    const flags = catalogues['redFlags']?.entries ?? [];
    expect(measures.length).toBeGreaterThan(3);
    for (const flag of flags) {
      expect(flag.attributes?.['weight'], flag.id).toBeGreaterThan(0);
      expect(measures, flag.id).toContain(flag.attributes?.['mitigation']);
    }
    const noteIds = (v2.notes ?? []).map((note) => note.id);
    for (const measure of measures) {
      expect(
        flags.some((flag) => flag.attributes?.['mitigation'] === measure),
        `${measure} answers some red flag`,
      ).toBe(true);
      expect(noteIds, measure).toContain(`note.mitigation.${measure}`);
    }
    const thresholds = v2.thresholds ?? {};
    expect(thresholds['guidelines.red-flag-score']?.value).toBeLessThanOrEqual(
      Math.min(...flags.map((flag) => flag.attributes?.['weight'] as number)),
    );
  });

  test('v2: every capability says what the guidelines imply for it, and the three element families are present', () => {
    const entries = v2.catalogues?.['capabilities']?.entries ?? [];
    for (const entry of entries)
      expect(['particular-vigilance', 'often-listed', 'generally-out-of-scope'], entry.id).toContain(
        entry.attributes?.['implies'],
      );
    const vigilance = entries
      .filter((entry) => entry.attributes?.['implies'] === 'particular-vigilance')
      .map((entry) => entry.citation.pinpoint);
    expect(new Set(vigilance)).toEqual(new Set(['Section 2.2.1', 'Section 2.2.2', 'Section 2.2.3']));
  });

  test("v2: each definition element carries the guidelines' reading as help and a citation of its section", () => {
    const sections: Record<string, string> = {
      'item.speciallyDesigned': 'Section 1.2.1',
      'item.covertSurveillance': 'Section 1.2.2',
      'item.naturalPersons': 'Section 1.2.3',
      'item.dataProcessing': 'Section 1.2.4',
      'item.ictSystems': 'Section 1.2.5',
    };
    for (const [fact, section] of Object.entries(sections)) {
      const definition = v2.facts?.[fact];
      expect(definition?.help, fact).toContain(section);
      expect(
        definition?.seeAlso?.map((citation) => citation.pinpoint),
        fact,
      ).toContain(section);
      expect(v1.facts?.[fact]?.help, fact).not.toContain('guidelines');
    }
  });
});

describe.each(overlays.map((overlay) => [`${overlay.id} ${overlay.version}`, overlay] as const))(
  'overlay %s',
  (_, overlay) => {
    test('names its member states and only adds rules that test the competent member state', () => {
      expect(overlay.appliesTo?.memberStates.length).toBeGreaterThan(0);
      for (const rule of overlay.rules ?? []) {
        const when = rule.when as { all?: ConditionDefinition[] };
        const gate = (when.all ?? []).find(
          (condition) => 'fact' in condition && condition.fact === 'competentMemberState',
        );
        expect(gate, rule.id).toMatchObject({
          operator: overlay.appliesTo!.memberStates.length === 1 ? 'equal' : 'in',
        });
        const value = (gate as { value: unknown }).value;
        expect(Array.isArray(value) ? value : [value], rule.id).toEqual(overlay.appliesTo?.memberStates);
      }
    });

    test("restates the base ruleset's sources unchanged", () => {
      for (const base of bases.filter((candidate) => candidate.id === overlay.extends)) {
        for (const [key, source] of Object.entries(overlay.sources))
          if (key in base.sources) expect(source, key).toEqual(base.sources[key]);
      }
    });
  },
);
