import { describe, expect, test } from 'vitest';
import { createRulesetRegistry } from '../../../src/createRulesetRegistry';
import { assess, compileRuleset } from '../../../src/index';
import { lintRuleset } from '../../../src/lintRuleset';
import { throwingProxy } from '../../support/hostileValues';
import { minimalRuleset } from '../../support/minimalRuleset';

const cite = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' } as const;
type Editable = Record<string, unknown> & {
  rules: Record<string, unknown>[];
  facts: Record<string, unknown>;
  outcomes: Record<string, unknown>;
};
const editable = () => minimalRuleset() as unknown as Editable;
const codes = (document: unknown) =>
  compileRuleset(document).warnings.map((warning) => `${warning.code} ${warning.path.join('/')}`);

describe('ruleset lint', () => {
  test('the shipped compositions have no rule that can never decide and no outcome nothing produces', () => {
    for (const composition of createRulesetRegistry().compositions()) {
      const blocking = composition
        .load()
        .warnings.filter((warning) => warning.code === 'unreachable_rule' || warning.code === 'unproducible_outcome');
      expect(blocking, `${composition.version} ${JSON.stringify(composition.overlays)}`).toEqual([]);
    }
  });

  test('a clean ruleset has no findings', () => {
    expect(codes(minimalRuleset())).toEqual([]);
  });

  test(
    'a rule always covered by a higher-precedence rule is unreachable, and the finding names the rule ' +
      'that covers it',
    () => {
      const document = editable();
      document.rules.push({
        id: 'shadowed',
        title: 'Shadowed',
        summary: 'Never decides.',
        outcome: 'no_obligation',
        citation: cite,
        when: {
          all: [
            { fact: 'exporter.informedByAuthority', operator: 'equal', value: true },
            { fact: 'item.speciallyDesigned', operator: 'equal', value: true },
          ],
        },
      });
      const ruleset = compileRuleset(document);
      expect(ruleset.warnings).toEqual([
        expect.objectContaining({
          code: 'unreachable_rule',
          path: ['rules', 2],
          message: expect.stringContaining('"informed"'),
        }),
      ]);
      // Advice only: the ruleset compiled and assesses as before.
      return assess(
        {
          exporter: { country: 'DE', informedByAuthority: true },
          destination: { country: 'US' },
          item: { speciallyDesigned: true },
        },
        { ruleset },
      ).then((assessment) => expect(assessment.outcome).toBe('authorisation_required'));
    },
  );

  test(
    'a rule whose condition contradicts itself can never hold, and an outcome only it decides is ' + 'unproducible',
    () => {
      const document = editable();
      document.outcomes['notification_required'] = { precedence: 80, title: 'Notify', nextSteps: 'Notify.' };
      document.outcomes['enhanced_due_diligence'] = { precedence: 60, title: 'EDD', nextSteps: 'Look closer.' };
      document.rules.push({
        id: 'contradiction',
        title: 'Never',
        summary: 'Never holds.',
        outcome: 'notification_required',
        citation: cite,
        when: {
          all: [
            { fact: 'item.speciallyDesigned', operator: 'equal', value: true },
            { not: { fact: 'item.speciallyDesigned', operator: 'equal', value: true } },
          ],
        },
      });
      expect(codes(document).sort()).toEqual([
        'unproducible_outcome outcomes/enhanced_due_diligence',
        'unproducible_outcome outcomes/notification_required',
        'unreachable_rule rules/2',
      ]);
    },
  );

  test('facts, catalogues and catalogue entries nothing uses are reported with their paths', () => {
    const document = editable();
    document.facts['item.covertSurveillance'] = { title: 'Covert', prompt: 'Covert?', type: 'boolean', citation: cite };
    document.facts['endUser.type'] = {
      title: 'End user',
      prompt: 'Which?',
      type: 'string',
      answers: { catalogue: 'endUserTypes' },
      citation: cite,
    };
    document['catalogues'] = {
      colours: { title: 'Colours', citation: cite, entries: [{ id: 'red', label: 'Red', citation: cite }] },
      endUserTypes: {
        title: 'End users',
        citation: cite,
        entries: [
          { id: 'police', label: 'Police', citation: cite },
          { id: 'retail', label: 'Retail', citation: cite },
        ],
      },
    };
    document.rules.push({
      id: 'police',
      title: 'Police',
      summary: 'Police.',
      outcome: 'authorisation_required',
      citation: cite,
      when: { fact: 'endUser.type', operator: 'equal', value: 'police' },
    });
    expect(codes(document).sort()).toEqual([
      'unreferenced_catalogue_entry catalogues/endUserTypes/entries/1',
      'unused_catalogue catalogues/colours',
      'unused_fact facts/item.covertSurveillance',
    ]);
  });

  test('a finding in an overlay has the overlay’s path', () => {
    // An overlay rule must test the base's competent member state (issue 19, D11), so the base names one.
    const base = {
      ...minimalRuleset(),
      facts: {
        ...minimalRuleset().facts,
        'exporter.country': { title: 'Country', prompt: 'Where?', type: 'string', citation: cite },
      },
      authority: { memberStateFact: 'exporter.country', catalogue: 'memberStates', nameAttribute: 'authority' },
      catalogues: {
        memberStates: {
          title: 'Member states',
          citation: cite,
          entries: [{ id: 'DE', label: 'Germany', citation: cite, attributes: { authority: 'BAFA' } }],
        },
      },
    };
    const overlay = {
      id: 'test-overlay',
      version: '1.0.0',
      kind: 'overlay',
      extends: 'test-minimal',
      appliesTo: { memberStates: ['DE'] },
      title: 'Overlay',
      validity: { from: '2021-09-09', to: null },
      sources: { reg: { title: 'Test regulation', instrument: 'Regulation (EU) 2021/821', binding: true } },
      rules: [
        {
          id: 'overlay-shadowed',
          title: 'Shadowed',
          summary: 'Never decides.',
          outcome: 'insufficient_information',
          citation: cite,
          when: {
            all: [
              { fact: 'exporter.country', operator: 'equal', value: 'DE' },
              { fact: 'exporter.informedByAuthority', operator: 'equal', value: true, ask: true },
            ],
          },
        },
      ],
    };
    expect(
      compileRuleset(base, { overlays: [overlay] }).warnings.map((warning) => [warning.code, warning.path]),
    ).toEqual([['unreachable_rule', ['overlays', 0, 'rules', 0]]]);
  });

  test('with scenarios, every rule that holds in none of those written for this version is reported', () => {
    const ruleset = compileRuleset(minimalRuleset());
    const informed = {
      name: 'informed',
      transaction: { exporter: { country: 'DE', informedByAuthority: true }, destination: { country: 'US' } },
    };
    const otherVersion = {
      name: 'other',
      ruleset: { version: '9.9.9' },
      transaction: {
        exporter: { country: 'DE', informedByAuthority: false },
        destination: { country: 'US' },
        item: { speciallyDesigned: false },
      },
    };
    const findings = lintRuleset(ruleset, { scenarios: [informed, otherVersion] });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'rule_without_scenario',
        path: ['rules', 1],
        message: expect.stringContaining('none of the 1 scenarios'),
      }),
    ]);
    expect(lintRuleset(ruleset, { scenarios: [informed, { ...otherVersion, ruleset: { version: '1.0.0' } }] })).toEqual(
      [],
    );
  });

  test('scenarios that cannot be read are refused with their path, never read past (CI, deep tier seed -1250510806)', () => {
    const ruleset = compileRuleset(minimalRuleset());
    const refusal = (scenarios: unknown) => {
      try {
        lintRuleset(ruleset, { scenarios } as never);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal([throwingProxy({}, 'all')])).toMatchObject({
      code: 'invalid_option',
      issues: [{ path: ['options', 'scenarios', 0] }],
    });
    expect(refusal(throwingProxy([], 'all'))).toMatchObject({
      code: 'invalid_option',
      message: 'options.scenarios is a list whose items cannot be read.',
      issues: [{ path: ['options', 'scenarios'] }],
    });
  });
});
