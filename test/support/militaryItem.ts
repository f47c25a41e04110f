import { readJsonFile } from './rulesets';

const SCENARIO = 'An item on a military list is not a dual-use item: Article 5 does not apply';

/**
 * An export of an item on a military list (a police department in Saudi Arabia, misuse known from due diligence): the
 * transaction of the scenario "An item on a military list is not a dual-use item"
 * (rulesets/eu-2021-821-art5/scenarios/dual-use-item.json), with an id for the output lines to carry. Such an item is
 * not a dual-use item (Reg 2021/821 Art. 2(1), Annex I, General Note 1), so Article 5 does not apply and the outcome
 * is `no_obligation`; only the note `note.military-item` says that a licence under national arms-export law is needed.
 */
export const MILITARY_ITEM_EXPORT: Record<string, unknown> = {
  id: 'order-military-1',
  ...scenarioTransaction(),
};

function scenarioTransaction(): Record<string, unknown> {
  const file = readJsonFile('rulesets/eu-2021-821-art5/scenarios/dual-use-item.json') as {
    scenarios: { name: string; transaction: Record<string, unknown> }[];
  };
  const scenario = file.scenarios.find(({ name }) => name === SCENARIO);
  if (scenario === undefined) throw new Error(`No scenario "${SCENARIO}" in dual-use-item.json`);
  return scenario.transaction;
}
