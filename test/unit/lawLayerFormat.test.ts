import { describe, expect, test } from 'vitest';
import { assess, assessMany, compileRuleset, RulesetError, type RulesetDocument } from '../../src/index';
import { minimalRuleset } from '../support/minimalRuleset';

/**
 * The ruleset-format additions of issue 17 on a small ruleset: duties and the assessment's certain duties, the
 * competent authority under uncertainty, a national position recorded as not known (null) and answered by the
 * exporter's statement (firstKnown), overlays that state such attributes, and overlays that cannot defeat the base
 * (issue 19, D11).
 */
const cite = { source: 'reg', pinpoint: 'Art. 5(3)', confidence: 'verified' } as const;

function base(): RulesetDocument & Record<string, unknown> {
  const document = minimalRuleset();
  return {
    ...document,
    outcomes: {
      authorisation_required: {
        precedence: 90,
        title: 'Authorisation',
        nextSteps: 'Apply.',
        involvesAuthority: true,
        duties: ['apply', 'keep-records'],
      },
      insufficient_information: {
        precedence: 50,
        title: 'Unknown',
        nextSteps: 'Find out.',
        duties: ['find-out', 'keep-records'],
      },
      no_obligation: { precedence: 10, title: 'Nothing', nextSteps: 'Keep records.', duties: ['keep-records'] },
    },
    authority: {
      memberStateFact: 'competentMemberState',
      catalogue: 'memberStates',
      nameAttribute: 'authority',
      whenUndecided: true,
    },
    duties: {
      apply: { title: 'Apply for an authorisation', text: 'Apply before exporting.', citation: cite },
      'find-out': { title: 'Find out', text: 'Answer the questions.', citation: cite },
      'keep-records': { title: 'Keep records', text: 'Keep the file.', citation: cite },
    },
    catalogues: {
      memberStates: {
        title: 'Member states',
        citation: cite,
        attributeValues: { art5_3: ['applies', 'none'] },
        entries: [
          { id: 'DE', label: 'Germany', citation: cite, attributes: { authority: 'BAFA', art5_3: null } },
          {
            id: 'FR',
            label: 'France',
            citation: cite,
            attributes: { authority: 'SBDU', art5_3: 'none' },
            attributeCitations: { art5_3: { source: 'reg', pinpoint: 'Art. 5(3)', confidence: 'interpretation' } },
          },
        ],
      },
    },
    facts: {
      ...document.facts,
      'exporter.country': { title: 'Country', prompt: 'Where?', type: 'string', citation: cite },
      'nationalLaw.suspicionRule.position': {
        title: 'National rule as stated',
        prompt: 'Does your member state have an Art. 5(3) rule?',
        type: 'string',
        citation: cite,
      },
      competentMemberState: {
        title: 'Competent member state',
        prompt: 'Which member state?',
        type: 'string',
        citation: cite,
        derive: { kind: 'firstMemberOf', of: ['exporter.country'], catalogue: 'memberStates' },
      },
      ruleOnRecord: {
        title: 'National rule on record',
        prompt: 'Recorded national rule',
        type: 'string',
        citation: cite,
        derive: { kind: 'lookup', key: 'competentMemberState', catalogue: 'memberStates', attribute: 'art5_3' },
      },
      nationalRule: {
        title: 'National rule',
        prompt: 'National rule',
        type: 'string',
        citation: cite,
        derive: { kind: 'firstKnown', of: ['ruleOnRecord', 'nationalLaw.suspicionRule.position'] },
      },
    },
    rules: [
      {
        id: 'national-rule',
        title: 'National rule',
        summary: 'The member state requires an authorisation.',
        outcome: 'authorisation_required',
        citation: cite,
        when: { fact: 'nationalRule', operator: 'equal', value: 'applies' },
      },
    ],
  };
}

const overlay = (extra: Record<string, unknown>) => ({
  id: 'test-overlay',
  version: '1.0.0',
  kind: 'overlay',
  extends: 'test-minimal',
  title: 'Overlay',
  validity: { from: '2021-09-09', to: null },
  sources: { reg: { title: 'Test regulation', instrument: 'Regulation (EU) 2021/821', binding: true } },
  appliesTo: { memberStates: ['DE'] },
  ...extra,
});

function issuesOf(document: unknown, overlays: unknown[] = []) {
  try {
    compileRuleset(document, { overlays });
  } catch (error) {
    expect(error).toBeInstanceOf(RulesetError);
    return (error as RulesetError).issues.map((issue) => [issue.code, issue.path.join('/')]);
  }
  throw new Error('expected compileRuleset to throw');
}

const transaction = (country: string, statement?: 'applies' | 'none') => ({
  exporter: { country },
  destination: { country: 'US' },
  ...(statement === undefined
    ? {}
    : { nationalLaw: { suspicionRule: { position: statement, source: 'BAFA, 1.2.2025' } } }),
});

describe('a national position the ruleset does not know', () => {
  test('is asked through the transaction field that states it, never through the derived facts', async () => {
    const assessment = await assess(transaction('DE'), { ruleset: compileRuleset(base()) });
    expect(assessment.outcome).toBe('insufficient_information');
    expect(assessment.possibleOutcomes).toEqual(['authorisation_required', 'no_obligation']);
    expect(assessment.questions.map((question) => question.fact)).toEqual(['nationalLaw.suspicionRule.position']);
  });

  test('an undecided assessment states its certain duties and, with whenUndecided, the competent authority', async () => {
    const assessment = await assess(transaction('DE'), { ruleset: compileRuleset(base()) });
    expect(assessment.certainDuties?.map((duty) => duty.id)).toEqual(['keep-records']);
    expect(assessment.competentAuthority).toMatchObject({ memberState: 'DE', name: 'BAFA' });
    const without = compileRuleset({ ...base(), authority: { ...base().authority!, whenUndecided: false } });
    expect((await assess(transaction('DE'), { ruleset: without })).competentAuthority).toBeUndefined();
  });

  test("the exporter's statement decides; a decided assessment's certain duties are its outcome's", async () => {
    const ruleset = compileRuleset(base());
    const applies = await assess(transaction('DE', 'applies'), { ruleset });
    expect(applies.outcome).toBe('authorisation_required');
    expect(applies.certainDuties?.map((duty) => duty.id)).toEqual(['apply', 'keep-records']);
    expect((await assess(transaction('DE', 'none'), { ruleset })).outcome).toBe('no_obligation');
  });

  test("the ruleset's record wins over the exporter's statement", async () => {
    const assessment = await assess(transaction('FR', 'applies'), { ruleset: compileRuleset(base()) });
    expect(assessment.outcome).toBe('no_obligation');
  });

  test('a ruleset without duties gives assessments without certainDuties', async () => {
    const document: Record<string, unknown> = { ...base() };
    delete document['duties'];
    const outcomes = structuredClone(base().outcomes) as Record<string, Record<string, unknown>>;
    for (const definition of Object.values(outcomes)) delete definition['duties'];
    const assessment = await assess(transaction('DE', 'none'), { ruleset: compileRuleset({ ...document, outcomes }) });
    expect('certainDuties' in assessment).toBe(false);
  });
});

describe('duties and catalogue attributes are checked', () => {
  test('an outcome naming an undeclared duty, and a duty no outcome carries', () => {
    const document = base();
    (document.outcomes!.no_obligation!.duties as string[]).push('undeclared');
    (document.duties as Record<string, unknown>)['spare'] = { title: 'Spare', text: 'Nothing.', citation: cite };
    expect(issuesOf(document)).toEqual(
      expect.arrayContaining([
        ['undeclared_duty', 'outcomes/no_obligation/duties/1'],
        ['unused_duty', 'duties/spare'],
      ]),
    );
  });

  test('an attribute outside its declared values, and a citation of an attribute the entry lacks', () => {
    const document = base();
    const entries = document.catalogues!['memberStates']!.entries as unknown as Record<string, unknown>[];
    entries[0]!['attributes'] = { authority: 'BAFA', art5_3: 'unknown' };
    entries[0]!['attributeCitations'] = { colour: cite };
    expect(issuesOf(document)).toEqual(
      expect.arrayContaining([
        ['invalid_value', 'catalogues/memberStates/entries/0/attributes/art5_3'],
        ['undeclared_attribute', 'catalogues/memberStates/entries/0/attributeCitations/colour'],
      ]),
    );
  });
});

describe('an overlay states a catalogue attribute the base does not know', () => {
  const statement = (entry: string, value: string) => ({
    catalogue: 'memberStates',
    entry,
    attribute: 'art5_3',
    value,
    citation: { source: 'reg', pinpoint: 'Art. 5(3)', confidence: 'verified', note: 'Our legal department, 2025.' },
  });

  test('fills the null attribute, with its citation, and decides with it', async () => {
    const ruleset = compileRuleset(base(), { overlays: [overlay({ attributes: [statement('DE', 'applies')] })] });
    const entry = ruleset.document.catalogues?.['memberStates']?.entries.find((candidate) => candidate.id === 'DE');
    expect(entry?.attributes?.['art5_3']).toBe('applies');
    expect(entry?.attributeCitations?.['art5_3']?.note).toBe('Our legal department, 2025.');
    expect((await assess(transaction('DE'), { ruleset })).outcome).toBe('authorisation_required');
    // Exporters elsewhere are unaffected.
    expect((await assess(transaction('FR', 'none'), { ruleset })).outcome).toBe('no_obligation');
  });

  test('refuses a known value changed, a value outside the declared ones, an unknown entry, another member state', () => {
    expect(
      issuesOf(base(), [overlay({ appliesTo: { memberStates: ['FR'] }, attributes: [statement('FR', 'applies')] })]),
    ).toEqual([['overlay_conflict', 'overlays/0/attributes/0/value']]);
    expect(issuesOf(base(), [overlay({ attributes: [statement('DE', 'apply')] })])).toEqual([
      ['invalid_value', 'overlays/0/attributes/0/value'],
    ]);
    expect(
      issuesOf(base(), [overlay({ appliesTo: { memberStates: ['AT'] }, attributes: [statement('AT', 'none')] })]),
    ).toEqual([['undeclared_catalogue_entry', 'overlays/0/attributes/0/entry']]);
    expect(
      issuesOf(base(), [overlay({ appliesTo: { memberStates: ['FR'] }, attributes: [statement('DE', 'none')] })]),
    ).toEqual([['overlay_not_gated', 'overlays/0/attributes/0/entry']]);
  });

  test('restating a known value unchanged is allowed; two overlays contradicting each other are not', () => {
    expect(() =>
      compileRuleset(base(), {
        overlays: [overlay({ appliesTo: { memberStates: ['FR'] }, attributes: [statement('FR', 'none')] })],
      }),
    ).not.toThrow();
    const second = { ...overlay({ attributes: [statement('DE', 'none')] }), id: 'second-overlay' };
    expect(issuesOf(base(), [overlay({ attributes: [statement('DE', 'applies')] }), second])).toEqual([
      ['overlay_conflict', 'overlays/1/attributes/0/value'],
    ]);
  });
});

// Issue 19, D11: an overlay may add obligations, never silently defeat the base.
describe('an overlay rule', () => {
  const rule = (extra: Record<string, unknown>) => ({
    id: 'overlay-rule',
    title: 'Overlay rule',
    summary: 'A national rule.',
    outcome: 'authorisation_required',
    citation: cite,
    when: {
      all: [
        { fact: 'competentMemberState', operator: 'equal', value: 'DE' },
        { fact: 'item.speciallyDesigned', operator: 'equal', value: true },
      ],
    },
    ...extra,
  });

  test('that tests the competent member state against appliesTo and adds an obligation compiles', () => {
    expect(() => compileRuleset(base(), { overlays: [overlay({ rules: [rule({})] })] })).not.toThrow();
  });

  test('must be gated on the member states it concerns, and the overlay must name them', () => {
    expect(
      issuesOf(base(), [
        overlay({ rules: [rule({ when: { fact: 'item.speciallyDesigned', operator: 'equal', value: true } })] }),
      ]),
    ).toEqual([['overlay_not_gated', 'overlays/0/rules/0/when']]);
    expect(
      issuesOf(base(), [
        overlay({ rules: [rule({ when: { fact: 'competentMemberState', operator: 'in', value: ['DE', 'FR'] } })] }),
      ]),
    ).toEqual([['overlay_not_gated', 'overlays/0/rules/0/when']]);
    const unnamed: Record<string, unknown> = overlay({ rules: [rule({})] });
    delete unnamed['appliesTo'];
    expect(issuesOf(base(), [unnamed])).toEqual([['missing_property', 'overlays/0/appliesTo']]);
  });

  test('may not decide an outcome that imposes nothing, unless the base declares an extension point for it', async () => {
    expect(issuesOf(base(), [overlay({ rules: [rule({ outcome: 'no_obligation' })] })])).toEqual([
      ['overlay_lowers_base', 'overlays/0/rules/0/outcome'],
    ]);
    expect(
      issuesOf(base(), [overlay({ rules: [rule({ outcome: 'no_obligation', extensionPoint: 'missing' })] })]),
    ).toEqual([['undeclared_extension_point', 'overlays/0/rules/0/extensionPoint']]);
    const open = {
      ...base(),
      extensionPoints: {
        'national-exemption': { title: 'National exemptions', outcomes: ['no_obligation'], citation: cite },
      },
    };
    const ruleset = compileRuleset(open, {
      overlays: [overlay({ rules: [rule({ outcome: 'no_obligation', extensionPoint: 'national-exemption' })] })],
    });
    const exempted = { ...transaction('DE', 'none'), item: { speciallyDesigned: true } };
    const assessment = await assess(exempted, { ruleset });
    expect(assessment.trace.find((step) => step.rule === 'overlay-rule')).toMatchObject({
      extensionPoint: 'national-exemption',
      result: 'true',
    });
    expect(assessment.trace.find((step) => step.rule === 'national-rule')).not.toHaveProperty('extensionPoint');
    // The compiled evaluator (assessMany) writes the same trace steps.
    expect(assessMany([exempted], { ruleset })[0]).toEqual(assessment);
  });

  test('an overlay may not declare what belongs to the base', () => {
    expect(issuesOf(base(), [overlay({ duties: base().duties })])).toEqual([['invalid_section', 'overlays/0/duties']]);
  });
});

describe('catalogue-bound fields of records', () => {
  test("a finding's indicators and factors must come from the ruleset's catalogues, with the path of the wrong id", async () => {
    const { loadRuleset, TransactionError } = await import('../../src/index');
    const ruleset = loadRuleset('eu-2021-821-art5', { version: '2.1.0' });
    const transaction = {
      exporter: { country: 'FR' },
      destination: { country: 'EG' },
      findings: [{ concern: 'internal-repression', indicators: ['ir-torture-cidt', 'torture'], factors: ['sf-scale'] }],
    };
    await expect(assess(transaction, { ruleset })).rejects.toBeInstanceOf(TransactionError);
    await expect(assess(transaction, { ruleset })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['findings', 0, 'indicators', 1] })],
    });
    const valid = { ...transaction, findings: [{ ...transaction.findings[0], indicators: ['ir-torture-cidt'] }] };
    expect((await assess(valid, { ruleset })).questions.map((question) => question.fact)).toContain('findings');
  });
});
