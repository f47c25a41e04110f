import { describe, expect, test } from 'vitest';
import { assess, loadRuleset } from '../../src/index';

// What an exporter reads in an assessment about EU sanctions must point to the provision that restricts monitoring
// equipment. Up to 2.3.1 every citation of the Iran regime named Art. 1a and Annex IV, but Art. 1a concerns
// equipment for internal repression (Annex III); the monitoring-equipment provision is Art. 1b with Annex IV,
// inserted by Regulation (EU) No 264/2012 (read in an unofficial reproduction of the EUR-Lex text). Correction 2.3.2.
const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });

/** A cyber-surveillance item, screened, nothing found, whose destination and end user are in the given country. */
function exportTo(country: string) {
  return {
    date: '2025-03-03',
    exporter: { country: 'NL', informedByAuthority: false },
    destination: { country },
    item: {
      annexIEntries: [],
      speciallyDesigned: true,
      covertSurveillance: true,
      naturalPersons: true,
      dataProcessing: true,
      ictSystems: true,
      militaryList: false,
    },
    endUser: { name: 'Ministry of the Interior', type: 'government-security', country },
    parties: [],
    redFlags: [],
    findings: [],
    dueDiligence: { itemReview: true, capabilityReview: true, stakeholderReview: true, mitigationPlan: true },
  };
}

/** Every citation anywhere in an assessment as it is serialised (rules, notes, duties, the trace), as "instrument pinpoint". */
function citations(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citations);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record['instrument'] === 'string' && typeof record['pinpoint'] === 'string'
      ? [`${record['instrument']} ${record['pinpoint']}`]
      : [];
  return [...own, ...Object.values(record).flatMap(citations)];
}

describe('the sanctions citations an assessment shows', () => {
  test('an export to Iran cites the monitoring-equipment provision, Art. 1b and Annex IV, and never Art. 1a', async () => {
    const assessment = await assess(exportTo('IR'), { ruleset });
    expect(assessment.outcome).toBe('enhanced_due_diligence');
    const iran = citations(JSON.parse(JSON.stringify(assessment))).filter((citation) =>
      citation.startsWith('Council Regulation (EU) No 359/2011 '),
    );
    expect(iran.length).toBeGreaterThan(0);
    expect(new Set(iran)).toEqual(new Set(['Council Regulation (EU) No 359/2011 Art. 1b and Annex IV']));
  });

  test('an export to Russia points to the catch-all of Regulation (EU) 2024/1485 for unlisted items', async () => {
    const assessment = await assess(exportTo('RU'), { ruleset });
    expect(citations(JSON.parse(JSON.stringify(assessment)))).toContain('Council Regulation (EU) 2024/1485 Art. 5');
  });
});
