import { describe, expect, test } from 'vitest';
import { conditionRange } from '../../src/compile/conditionRange';
import { createRulesetContext } from '../../src/compile/rulesetContext';
import type { ConditionDefinition, RulesetDocument } from '../../src/index';
import { readJsonFile } from '../support/rulesets';

const document = readJsonFile('rulesets/eu-2021-821-art5/2.3.2.json') as RulesetDocument;
const highest = (context: ReturnType<typeof createRulesetContext>, when: ConditionDefinition) =>
  conditionRange(context, when, { askFalse: false }).highest;

describe('conditionRange: which conditions can hold', () => {
  const context = createRulesetContext(document);
  const endUserTypes = (document.catalogues?.endUserTypes?.entries ?? []).map((entry) => entry.id);

  test('"not one of every value" on a transaction field cannot hold: it is unknown until answered, then false', () => {
    expect(endUserTypes.length).toBeGreaterThan(0);
    expect(highest(context, { not: { fact: 'endUser.type', operator: 'in', value: endUserTypes } })).toBe('unknown');
    expect(highest(context, { not: { fact: 'item.speciallyDesigned', operator: 'in', value: [true, false] } })).toBe(
      'unknown',
    );
    expect(highest(context, { not: { fact: 'endUser.name', operator: 'notEqual', value: '' } })).toBe('unknown');
  });

  test('the same on a derived boolean (true, false or unknown, nothing else) cannot hold either', () => {
    expect(highest(context, { not: { fact: 'partiesIdentified', operator: 'in', value: [true, false] } })).toBe(
      'unknown',
    );
  });

  test('on a derived string, "every value its catalogue has" is not every value: data recorded as not known may be another', () => {
    // The member state's Art. 5(3) position, read from the catalogue: Germany's recorded ("none"), every other member
    // state's not known (null). Completing the data may give another one "applies", so "not none" can hold.
    const recorded = structuredClone(document) as RulesetDocument & { facts: Record<string, unknown> };
    const germany = recorded.catalogues?.memberStates?.entries.find((entry) => entry.id === 'DE');
    if (germany?.attributes === undefined) throw new Error('2.3.2 has no member-state entry for DE');
    (germany.attributes as Record<string, unknown>).art5_3 = 'none';
    recorded.facts.exporterStatePosition = {
      title: "The exporter's member state's Art. 5(3) position",
      prompt: 'Where is the exporter established?',
      type: 'string',
      citation: { source: 'reg', pinpoint: 'Art. 5(3)', confidence: 'verified' },
      derive: { kind: 'firstMemberOf', of: ['exporter.country'], catalogue: 'memberStates', attribute: 'art5_3' },
    };
    const when: ConditionDefinition = { not: { fact: 'exporterStatePosition', operator: 'in', value: ['none'] } };
    expect(highest(createRulesetContext(recorded), when)).toBe('true');
  });
});
