import * as z from 'zod';
import { COUNTRY_CODES } from './countryCodes';

/** The activities a transaction can describe; the ruleset decides which of them it reaches. */
export const ACTIVITIES = ['export', 'intra-eu-transfer', 'brokering', 'technical-assistance', 'transit'] as const;
/** The kinds of concern a due-diligence finding can be about (Regulation (EU) 2021/821, Art. 5(1)). */
export const CONCERNS = ['internal-repression', 'serious-human-rights-violations', 'serious-ihl-violations'] as const;
/** How strongly a finding is known, weakest first. */
export const KNOWLEDGE_LEVELS = ['mere-possibility', 'grounds-for-suspicion', 'positive-knowledge'] as const;
/** Where a finding comes from. */
export const FINDING_SOURCES = ['due-diligence', 'other'] as const;
/** The roles of other parties to the transaction. */
export const PARTY_ROLES = ['consignee', 'distributor', 'reseller', 'purchaser', 'intermediary'] as const;
/** The positions an exporter can state on the competent member state's national rule under Art. 5(3). */
export const NATIONAL_RULE_POSITIONS = ['applies', 'none'] as const;

/**
 * The transaction fields whose allowed values come from a ruleset catalogue, by path. A path through a list of records
 * (`findings.indicators`) names a field of each record: a ruleset binds it on the records fact (`answers.fields`).
 */
export const CATALOGUE_FIELDS = [
  'exporter.itemsLocatedIn',
  'item.capabilities',
  'endUser.type',
  'redFlags',
  'findings.indicators',
  'findings.factors',
] as const;
export type CatalogueField = (typeof CATALOGUE_FIELDS)[number];

/** For each catalogue-bound field, the ids a ruleset allows; a field left out accepts any well-formed id. */
export type CatalogueIds = Partial<Record<CatalogueField, readonly [string, ...string[]]>>;

// A text is never blank: a name of spaces alone (as padded fields of a CSV or ERP export give) would count as given,
// so an end user "named" that way would pass for identified.
const text = (max: number) =>
  z.string().min(1).max(max).regex(/\S/, 'Must contain a character other than white space.');
const tri = () => z.boolean().nullable().optional();
const country = () => z.enum(COUNTRY_CODES);
const catalogueId = () =>
  z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, 'Expected a catalogue id such as "facial-recognition"');
const annexIEntry = () =>
  z
    .string()
    .max(40)
    .regex(/^[0-9][A-E][0-9]{3}(?:\.[a-z0-9]{1,3})*$/, 'Expected an Annex I entry such as "5A001.j"');

/**
 * Builds the zod schema of a transaction. With `ids`, catalogue-bound fields accept only that ruleset's ids,
 * so one parse reports every problem, structural or catalogue.
 */
export function createTransactionSchema(ids: CatalogueIds = {}) {
  const bound = (field: CatalogueField, fallback: z.ZodType<string>) => {
    const allowed = ids[field];
    return allowed === undefined ? fallback : z.enum(allowed);
  };
  return z.strictObject({
    id: text(200).nullable().optional().describe('Your reference for the transaction; echoed in the assessment.'),
    date: z.iso
      .date()
      .nullable()
      .optional()
      .describe('When the export takes place (YYYY-MM-DD); selects the ruleset version in force.'),
    activity: z.enum(ACTIVITIES).default('export').describe('What is done with the item; Art. 5 reaches exports only.'),
    exporter: z
      .strictObject({
        country: country().describe(
          'Where the exporter is resident or established (ISO 3166-1 alpha-2; EA for Ceuta and Melilla, IC for the ' +
            'Canary Islands).',
        ),
        itemsLocatedIn: bound('exporter.itemsLocatedIn', country())
          .nullable()
          .optional()
          .describe('The member state where the items are, when the exporter is established outside the EU.'),
        informedByAuthority: tri().describe(
          'A competent authority has informed the exporter that the items are or may be intended for ' +
            'internal repression or serious violations of human rights or international humanitarian law.',
        ),
      })
      .describe('Who exports.'),
    destination: z
      .strictObject({
        country: country().describe(
          'Country of final destination (ISO 3166-1 alpha-2; EA for Ceuta and Melilla, IC for the Canary Islands).',
        ),
        outsideCustomsTerritory: tri().describe(
          "The destination lies in a part of the country that is outside the Union's customs territory (Art. 4 of " +
            'the Union Customs Code, Regulation (EU) No 952/2013), although the country code alone would place it ' +
            'inside: Heligoland or Büsingen (DE), Livigno (IT), Ceuta or Melilla (ES; or use EA), the Faroe Islands or ' +
            'Greenland (DK; or use FO, GL), the overseas countries and territories of France and the Netherlands (or ' +
            'their own codes), the areas of Cyprus where its Government has no effective control. false: the ' +
            'destination is in the part that is inside. Asked only for countries with such parts.',
        ),
      })
      .describe('Where the item goes.'),
    item: z
      .strictObject({
        description: text(10_000).nullable().optional().describe('Free text.'),
        annexIEntries: z
          .array(annexIEntry())
          .max(100)
          .nullable()
          .optional()
          .describe(
            'Annex I entries the item is classified under; [] = classified as not listed; absent = not yet classified.',
          ),
        speciallyDesigned: tri().describe(
          'Specially designed (developed or modified) for its surveillance purpose, not merely capable of it.',
        ),
        covertSurveillance: tri().describe(
          'Designed to enable covert surveillance: the persons monitored do not know of it.',
        ),
        naturalPersons: tri().describe('The surveillance targets natural persons.'),
        dataProcessing: tri().describe('It monitors, extracts, collects or analyses data.'),
        ictSystems: tri().describe('The data comes from information and telecommunication systems.'),
        militaryList: tri().describe(
          'The item is on the EU Common Military List or a national military list (specially designed or modified ' +
            'for military use). Such an item is not a "dual-use item", so Article 5 does not apply to it; national ' +
            'arms-export law does.',
        ),
        capabilities: z
          .array(bound('item.capabilities', catalogueId()))
          .max(200)
          .nullable()
          .optional()
          .describe("Ids from the ruleset's capability catalogue."),
      })
      .nullable()
      .optional()
      .describe('The item; absent means nothing about it is known yet.'),
    endUser: z
      .strictObject({
        name: text(500).nullable().optional(),
        type: bound('endUser.type', catalogueId())
          .nullable()
          .optional()
          .describe("Id from the ruleset's end-user type catalogue."),
        country: country().nullable().optional(),
      })
      .nullable()
      .optional()
      .describe('The end user; absent means unidentified.'),
    parties: z
      .array(
        z.strictObject({
          role: z.enum(PARTY_ROLES),
          name: text(500).nullable().optional(),
          country: country().nullable().optional(),
        }),
      )
      .max(1000)
      .nullable()
      .optional()
      .describe('Consignees, distributors, resellers, purchasers and intermediaries.'),
    redFlags: z
      .array(bound('redFlags', catalogueId()))
      .max(200)
      .nullable()
      .optional()
      .describe("Ids from the ruleset's red-flag catalogue observed in this transaction; [] = none observed."),
    findings: z
      .array(
        z.strictObject({
          concern: z.enum(CONCERNS),
          knowledge: z
            .enum(KNOWLEDGE_LEVELS)
            .nullable()
            .optional()
            .describe(
              'How strongly the exporter knows of the use; absent or null = not settled yet (the assessment then ' +
                'asks), for a finding that so far only names indicators.',
            ),
          source: z.enum(FINDING_SOURCES).default('due-diligence'),
          indicators: z
            .array(bound('findings.indicators', catalogueId()))
            .max(100)
            .nullable()
            .optional()
            .describe(
              "Ids from the ruleset's seriousness-indicator catalogue that support the finding (e.g. the kind of " +
                'violation). Shown in the decision report; they never raise the knowledge level on their own.',
            ),
          factors: z
            .array(bound('findings.factors', catalogueId()))
            .max(100)
            .nullable()
            .optional()
            .describe(
              "Ids from the ruleset's seriousness-factor catalogue that the exporter weighed in judging whether the " +
                'violation is serious (nature and gravity, scale, whether systematic, documented by competent ' +
                "bodies). Shown in the decision report; whether a violation is serious stays the exporter's " +
                'case-by-case judgement.',
            ),
          note: text(2000).nullable().optional(),
        }),
      )
      .max(1000)
      .nullable()
      .optional()
      .describe('Findings on intended use; [] = due diligence found nothing; absent = not known.'),
    nationalLaw: z
      .strictObject({
        suspicionRule: z
          .strictObject({
            position: z
              .enum(NATIONAL_RULE_POSITIONS)
              .describe(
                'applies: the competent member state requires an authorisation where the exporter has grounds for ' +
                  'suspecting an Art. 5(1) use (a national rule under Art. 5(3)); none: it has no such rule.',
              ),
            source: text(2000).describe(
              "What the statement relies on: the national provision, or the competent authority's answer (who, when).",
            ),
          })
          .nullable()
          .optional()
          .describe(
            "The exporter's statement of the competent member state's national rule under Art. 5(3) of Regulation " +
              '(EU) 2021/821, with its source. Used where the ruleset does not record the position itself; the ' +
              'decision report shows it as stated by the exporter.',
          ),
      })
      .nullable()
      .optional()
      .describe('National law as the exporter states it, each statement with its source.'),
    dueDiligence: z
      .strictObject({
        itemReview: tri().describe('Whether the item could be a cyber-surveillance item has been reviewed.'),
        capabilityReview: tri().describe('The risk of misuse of its capabilities by the end users has been reviewed.'),
        stakeholderReview: tri().describe('End users, consignees and other parties have been reviewed.'),
        mitigationPlan: tri().describe('Measures to prevent and mitigate misuse have been planned.'),
        endUseStatementObtained: tri().describe(
          'Read together with the red flag refused-end-use-information, and only then: the refused end-use or ' +
            'end-user statement has since been obtained (true; take the refusal off the red flags, and report ' +
            'vague-or-inconsistent-end-use-information instead if the statement is not complete and consistent), ' +
            'or the refusal still stands (false). Without that red flag the answer changes no outcome: report a ' +
            'refused or missing statement as the red flag.',
        ),
      })
      .nullable()
      .optional()
      .describe('The due-diligence steps, done (true) or not (false).'),
  });
}

/**
 * The transaction input contract (v1) as a zod schema, with catalogue fields accepting any well-formed id.
 * `assess` additionally checks catalogue ids against the ruleset it uses.
 */
export const transactionSchema = createTransactionSchema();

/** The zod schema of a transaction, with or without a ruleset's catalogue ids. */
export type TransactionSchema = ReturnType<typeof createTransactionSchema>;

/** A transaction as you pass it to `assess`: absent or `null` means "unknown" for every three-valued fact. */
export type Transaction = z.input<typeof transactionSchema>;

/** A transaction after validation, with defaults applied. */
export type ParsedTransaction = z.output<typeof transactionSchema>;
