import { describe, expect, test } from 'vitest';
import { formatText } from '../../src/format/formatText';
import { assess, formatReport, loadRuleset, type Transaction } from '../../src/index';
import { scenarioTransaction } from '../support/scenarios';

// Issue 20, point 2: "No" on a due-diligence step is an answer, shown as an outstanding step, not as an open question,
// and "Why" shows the rule that holds. The law (Guidelines, Sections 3.1 to 3.4; brief section 5, precedence 3): for a
// cyber-surveillance item, a due-diligence step not done means the exporter cannot conclude yet and must not ship.

/** A Dutch exporter of a cyber-surveillance item who has not checked it against the definition: step 3.1 answered "No". */
const itemNotReviewed = scenarioTransaction(
  'rulesets/eu-2021-821-art5/scenarios/guidelines-due-diligence.json',
  'step 3.1 outstanding',
);
/** The same, and whether the authority has informed the exporter (Art. 5(1)) is not known: a licence stays possible. */
const itemNotReviewedUndecided = {
  ...itemNotReviewed,
  exporter: { country: itemNotReviewed.exporter.country },
} satisfies Transaction;

const STEP = 'dueDiligence.itemReview';
const RULE = 'guidelines-3.due-diligence-outstanding';
const htmlSection = (report: string, id: string) =>
  new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(report)?.[0] ?? '';
const markdownSection = (report: string, heading: string) =>
  new RegExp(`\\n## ${heading}\\n[\\s\\S]*?(?=\\n## |$)`).exec(report)?.[0] ?? '';
const textSection = (text: string, heading: string) =>
  new RegExp(`\\n${heading}[^\\n]*\\n(?: .*\\n)*`).exec(text)?.[0] ?? '';
/** The text output, with the ruleset in force as `assess` gives it. */
const text = async (transaction: Transaction) => {
  const ruleset = loadRuleset('eu-2021-821-art5', { asOf: transaction.date as string });
  return formatText(await assess(transaction), {
    transaction,
    ruleset: ruleset.document,
    overlayScopes: ruleset.overlayScopes,
  });
};

describe('a due-diligence step answered "No" is an outstanding step, not an open question', () => {
  test('decided: the report shows the step with its citation, and the rule it keeps holding decides', async () => {
    const assessment = await assess(itemNotReviewed);
    // The law: a step outstanding for a cyber-surveillance item, so the exporter cannot conclude yet.
    expect(assessment.outcome).toBe('insufficient_information');
    expect(assessment.obligations.map((obligation) => obligation.rule)).toEqual([RULE]);

    const html = formatReport(assessment, itemNotReviewed, { format: 'html' });
    const steps = htmlSection(html, 'outstanding-steps');
    expect(steps).toContain(`<li data-fact="${STEP}"><strong>Item review done</strong>: answered “No”.`);
    expect(steps).toContain('Recommendation (EU) 2024/2659, Section 3.1');
    expect(steps).toContain(`keeps <code>${RULE}</code> holding`);
    expect(htmlSection(html, 'questions')).not.toContain(STEP);
    expect(htmlSection(html, 'obligations')).toContain(`data-rule="${RULE}"`);

    const markdown = formatReport(assessment, itemNotReviewed, { format: 'md' });
    expect(markdownSection(markdown, 'Outstanding steps')).toContain('1. **Item review done**: answered “No”.');
    expect(markdownSection(markdown, 'Outstanding steps')).toContain('Recommendation (EU) 2024/2659, Section 3.1');
    expect(markdownSection(markdown, 'Open questions')).not.toContain(STEP);
    expect(markdownSection(markdown, 'Why: the deciding provisions')).toContain(`\`${RULE}\``);

    const plain = await text(itemNotReviewed);
    expect(textSection(plain, 'Outstanding steps')).toContain('1. Item review done: answered "No".');
    expect(textSection(plain, 'Outstanding steps')).toContain('Recommendation (EU) 2024/2659, Section 3.1');
    expect(textSection(plain, 'Questions to answer')).not.toContain(STEP);
    expect(textSection(plain, 'Why')).toContain(RULE);
  });

  test('undecided: "Why" shows the rule that already holds, and the step is still outstanding, not a question', async () => {
    const assessment = await assess(itemNotReviewedUndecided);
    expect(assessment.possibleOutcomes).toContain('authorisation_required');
    expect(assessment.obligations).toEqual([]);
    expect(assessment.trace.find((step) => step.rule === RULE)?.result).toBe('true');

    const html = formatReport(assessment, itemNotReviewedUndecided, { format: 'html' });
    const why = htmlSection(html, 'obligations');
    expect(why).toContain('These rules already hold:');
    expect(why).toContain(`data-holding-rule="${RULE}"`);
    expect(why).toContain('<strong>Authorisation required</strong>');
    expect(htmlSection(html, 'outstanding-steps')).toContain(`data-fact="${STEP}"`);
    expect(htmlSection(html, 'questions')).toContain('data-fact="exporter.informedByAuthority"');
    expect(htmlSection(html, 'questions')).not.toContain(STEP);

    const markdown = formatReport(assessment, itemNotReviewedUndecided, { format: 'md' });
    expect(markdownSection(markdown, 'Why: the deciding provisions')).toContain('These rules already hold:');
    expect(markdownSection(markdown, 'Why: the deciding provisions')).toContain(`\`${RULE}\``);
    expect(markdownSection(markdown, 'Outstanding steps')).toContain(`\`${STEP}\``);

    const plain = await text(itemNotReviewedUndecided);
    expect(textSection(plain, 'Why')).toContain(`${RULE} → insufficient_information`);
    expect(textSection(plain, 'Outstanding steps')).toContain(STEP);
  });

  test('without the ruleset to read its marks, the step stays listed among the questions: nothing is hidden', async () => {
    const assessment = await assess(itemNotReviewed);
    const plain = formatText(assessment, { transaction: itemNotReviewed });
    expect(textSection(plain, 'Questions to answer')).toContain(STEP);
    expect(plain).not.toContain('Outstanding steps');
  });
});
