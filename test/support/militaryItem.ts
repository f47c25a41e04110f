/**
 * An export of an item on a military list (a police department in Saudi Arabia, misuse known from due diligence),
 * dated so that version 2.2.0 of the Article 5 ruleset assesses it. Such an item is not a dual-use item (Reg 2021/821
 * Art. 2(1), Annex I, General Note 1), so Article 5 does not apply and the outcome is `no_obligation`; only the note
 * `note.military-item` says that a licence under national arms-export law is needed. The transaction of the scenario
 * "An item on a military list is not a dual-use item" (rulesets/eu-2021-821-art5/scenarios/dual-use-item.json).
 */
export const MILITARY_ITEM_EXPORT = {
  id: 'order-military-1',
  date: '2025-03-03',
  exporter: { country: 'FR', informedByAuthority: false },
  destination: { country: 'SA' },
  item: {
    annexIEntries: [],
    speciallyDesigned: true,
    covertSurveillance: true,
    naturalPersons: true,
    dataProcessing: true,
    ictSystems: true,
    militaryList: true,
  },
  endUser: { name: 'Provincial police department', type: 'law-enforcement' },
  parties: [],
  redFlags: [],
  findings: [{ concern: 'internal-repression', knowledge: 'positive-knowledge', source: 'due-diligence' }],
  dueDiligence: { itemReview: true, capabilityReview: true, stakeholderReview: true, mitigationPlan: true },
} as const;
