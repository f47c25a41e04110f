import { describe, expect, test } from 'vitest';
import { formatText } from '../../src/format/formatText';
import { overlaysInReport } from '../../src/format/overlayConcerns';
import { assess, formatReport, loadRuleset, type Assessment, type Transaction } from '../../src/index';
import { scenarioTransaction } from '../support/scenarios';

// Issue 20, point 7: the report names only the overlays that apply to this exporter. The German overlay (AWV § 9(4))
// concerns exporters whose competent authority is German (Art. 12(2) of Regulation (EU) 2021/821): every one of its
// rules tests the competent member state against DE. On a French exporter's report it is composed (and must be named
// where the composition is identified for replay), but it is not applied law for that exporter.

const scenario = (name: string) =>
  scenarioTransaction('rulesets/eu-2021-821-art5/scenarios/brief-worked-examples.json', name);
/** Brief W20: a French exporter learns from a press report of the intended repression. */
const french = scenario('W20 ');
/** Brief W19: the same facts for a German exporter. */
const german = scenario('W19 ');
/** An exporter established outside the EU whose items' location is not given: no competent member state yet. */
const undecidedMemberState = {
  ...french,
  exporter: { country: 'US', informedByAuthority: false },
} satisfies Transaction;

const inForce = (transaction: Transaction) => loadRuleset('eu-2021-821-art5', { asOf: transaction.date as string });

/** The text of an HTML report up to its ruleset section (the headline, findings, trace and transaction). */
const beforeRulesetSection = (report: string) => report.slice(0, report.indexOf('<section id="ruleset">'));
const markdownBeforeRulesetSection = (report: string) => report.slice(0, report.indexOf('\n## Ruleset\n'));
const headlineRuleset = (report: string) => /<dt>Ruleset<\/dt><dd[^>]*>(.*?)<\/dd>/.exec(report)?.[1] ?? '';
const markdownRulesetRow = (report: string) => /^\| Ruleset \| (.*) \|$/m.exec(report)?.[1] ?? '';
const textRulesetLine = (text: string) => /^ {2}Ruleset: (.*)$/m.exec(text)?.[1] ?? '';
const text = (assessment: Assessment, transaction: Transaction) => {
  const ruleset = inForce(transaction);
  return formatText(assessment, { transaction, ruleset: ruleset.document, overlayScopes: ruleset.overlayScopes });
};

describe('reports name only the overlays that concern the exporter', () => {
  test("a French exporter's report composes de-awv-9-4 for replay, and names it as applied nowhere", async () => {
    const assessment = await assess(french);
    expect(assessment.competentAuthority?.memberState).toBe('FR');
    const overlay = assessment.ruleset.overlays.find((entry) => entry.id === 'de-awv-9-4');
    expect(overlay).toBeDefined();

    const html = formatReport(assessment, french, { format: 'html' });
    expect(headlineRuleset(html)).toContain('eu-2021-821-art5');
    expect(beforeRulesetSection(html)).not.toContain('de-awv-9-4');
    // The ruleset section keeps the exact composition: the overlay with its sha256, labelled.
    expect(html).toContain(
      `<dd data-overlay="de-awv-9-4" data-concerns="no"><code>de-awv-9-4</code> ${overlay?.version}, sha256 ` +
        `<code>${overlay?.sha256}</code>; composed for replay; concerns exporters in DE, not FR</dd>`,
    );

    const markdown = formatReport(assessment, french, { format: 'md' });
    expect(markdownRulesetRow(markdown)).toContain('eu-2021-821-art5');
    expect(markdownBeforeRulesetSection(markdown)).not.toContain('de-awv-9-4');
    expect(markdown).toContain(
      `- Overlay: \`de-awv-9-4\` ${overlay?.version}, sha256 \`${overlay?.sha256}\`; composed for replay; ` +
        'concerns exporters in DE, not FR',
    );

    const plain = text(assessment, french);
    expect(textRulesetLine(plain)).toContain('eu-2021-821-art5');
    expect(textRulesetLine(plain)).not.toContain('de-awv-9-4');
    expect(plain).toContain(
      `\n  Overlay de-awv-9-4 ${overlay?.version}: composed for replay; concerns exporters in DE, not FR\n`,
    );
    expect(plain.match(/de-awv-9-4/g)).toHaveLength(1);
  });

  test("a German exporter's report names de-awv-9-4 as applied", async () => {
    const assessment = await assess(german);
    expect(assessment.competentAuthority?.memberState).toBe('DE');
    const overlay = assessment.ruleset.overlays.find((entry) => entry.id === 'de-awv-9-4');

    const html = formatReport(assessment, german, { format: 'html' });
    expect(headlineRuleset(html)).toContain(` + <code>de-awv-9-4</code> ${overlay?.version}`);
    expect(html).toContain(
      `<dd data-overlay="de-awv-9-4" data-concerns="yes"><code>de-awv-9-4</code> ${overlay?.version}, sha256 ` +
        `<code>${overlay?.sha256}</code>; concerns exporters in DE</dd>`,
    );
    const markdown = formatReport(assessment, german, { format: 'md' });
    expect(markdownRulesetRow(markdown)).toContain(` + \`de-awv-9-4\` ${overlay?.version}`);
    expect(textRulesetLine(text(assessment, german))).toContain(` + de-awv-9-4 ${overlay?.version} (sha256 `);
  });

  test('while the competent member state is not known, the overlay is named as one that may concern the exporter', async () => {
    const assessment = await assess(undecidedMemberState);
    expect(assessment.competentAuthority).toBeUndefined();
    const may = 'may concern this exporter: concerns exporters in DE, and the competent member state is not known yet';

    const html = formatReport(assessment, undecidedMemberState, { format: 'html' });
    expect(headlineRuleset(html)).toContain(`<code>de-awv-9-4</code> 1.1.0 (${may})`);
    expect(html).toContain(`data-overlay="de-awv-9-4" data-concerns="may"`);
    const markdown = formatReport(assessment, undecidedMemberState, { format: 'md' });
    expect(markdownRulesetRow(markdown)).toContain(`\`de-awv-9-4\` 1.1.0 (${may})`);
    expect(textRulesetLine(text(assessment, undecidedMemberState))).toContain(` + de-awv-9-4 1.1.0 (${may})`);
  });

  test('without the ruleset it was made with, every overlay is named as composed and as one that may concern the exporter', async () => {
    const assessment = await assess(french);
    const plain = formatText(assessment, { transaction: french });
    expect(textRulesetLine(plain)).toContain(' + de-awv-9-4 1.1.0 (may concern this exporter: ');
    // A ruleset the bundle does not have: formatReport has no scopes either.
    const unknown = { ...assessment, ruleset: { ...assessment.ruleset, sha256: '0'.repeat(64) } };
    expect(headlineRuleset(formatReport(unknown, french, { format: 'html' }))).toContain(
      '<code>de-awv-9-4</code> 1.1.0 (may concern this exporter: whose exporters it concerns is not known',
    );
  });
});

describe('overlaysInReport', () => {
  const scopesOf = (assessment: Assessment) =>
    assessment.ruleset.overlays.map((overlay) => ({ ...overlay, appliesTo: { memberStates: ['DE'] } }));

  test('reads the competent member state from the trace when the assessment names no authority', async () => {
    const assessment = await assess(french);
    const { competentAuthority, ...withoutAuthority } = assessment;
    expect(competentAuthority?.memberState).toBe('FR');
    expect(overlaysInReport(withoutAuthority, scopesOf(assessment), 'competentMemberState')).toEqual([
      expect.objectContaining({ concerns: 'no', note: 'composed for replay; concerns exporters in DE, not FR' }),
    ]);
    // Without the fact that names it, the member state is not known: the overlay may concern the exporter.
    expect(overlaysInReport(withoutAuthority, scopesOf(assessment), undefined)).toEqual([
      expect.objectContaining({ concerns: 'may' }),
    ]);
  });

  test('an overlay without appliesTo concerns every exporter; one the scopes do not name (by sha256) may', async () => {
    const assessment = await assess(french);
    const [overlay] = assessment.ruleset.overlays;
    expect(overlaysInReport(assessment, [{ ...overlay! }], 'competentMemberState')).toEqual([
      { overlay, concerns: 'yes', note: 'concerns every exporter' },
    ]);
    expect(
      overlaysInReport(
        assessment,
        [{ ...overlay!, sha256: '0'.repeat(64), appliesTo: { memberStates: ['FR'] } }],
        'competentMemberState',
      ),
    ).toEqual([expect.objectContaining({ overlay, concerns: 'may' })]);
  });

  test('a competent member state among several of the overlay is concerned', async () => {
    const assessment = await assess(french);
    const scopes = assessment.ruleset.overlays.map((overlay) => ({
      ...overlay,
      appliesTo: { memberStates: ['DE', 'FR'] },
    }));
    expect(overlaysInReport(assessment, scopes, 'competentMemberState')).toEqual([
      expect.objectContaining({ concerns: 'yes', note: 'concerns exporters in DE, FR' }),
    ]);
  });
});

test('a compiled ruleset gives each overlay its member states, and its overlays stay what assessments record', () => {
  const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
  expect(ruleset.overlays.map((overlay) => Object.keys(overlay).sort())).toEqual([['id', 'sha256', 'version']]);
  expect(ruleset.overlayScopes).toEqual(
    ruleset.overlays.map((overlay) => ({ ...overlay, appliesTo: { memberStates: ['DE'] } })),
  );
  expect(Object.isFrozen(ruleset.overlayScopes[0]?.appliesTo?.memberStates)).toBe(true);
});
