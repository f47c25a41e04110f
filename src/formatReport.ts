import { compiledRuntime } from './compile/compiledRuntime';
import { canonicalJson } from './document/canonicalJson';
import { readingUntrusted } from './document/plainData';
import { AssessmentError } from './errors/AssessmentError';
import { describeValue } from './errors/describeValue';
import { readOptions } from './errors/readArguments';
import { assessmentIssues } from './evaluate/assessment/givenAssessments';
import { createReportContext, type RecordSummary } from './format/reportContext';
import { renderHtmlReport } from './format/reportHtml';
import { renderMarkdownReport } from './format/reportMarkdown';
import { readDecisionRecord, signingKeyIdOf } from './integrity/recordContent';
import { bundledRegistry } from './rulesets/bundledRegistry';
import type { Assessment } from './types/assessment';
import type { CompiledRuleset } from './types/compiledRuleset';
import type { DecisionRecord } from './types/decisionRecord';

/** The formats `formatReport` writes. */
export type ReportFormat = 'html' | 'md';

/** Options for `formatReport`. */
export interface ReportOptions {
  /** `html`: one self-contained page for the compliance file; `md`: Markdown for tickets and pull requests. */
  readonly format: ReportFormat;
  /** When the report was made (e.g. `new Date().toISOString()`), shown in the header. Left out, the report does not depend on the clock. */
  readonly generatedAt?: string;
  /**
   * The decision record of this assessment (`createDecisionRecord`): the report shows its id and sha256, and whether it
   * is signed, so the printed report points at the record that can be verified.
   */
  readonly record?: DecisionRecord;
  /**
   * The ruleset the assessment was made with, for the titles and labels of what the transaction states (the exporter's
   * statements of law, the indicators a finding names) and for whose exporters its overlays concern
   * (`overlayScopes`). Left out, the bundled ruleset the assessment names is used; for a ruleset of your own, pass it,
   * or the report shows ids instead of labels and names every overlay as one that may concern the exporter.
   */
  readonly ruleset?: CompiledRuleset;
}

/**
 * Writes the decision report for one assessment: the record of the decision for the exporter's files (Art. 27 of
 * Regulation (EU) 2021/821). It shows the outcome with what to do next, the duties that are certain whatever the open
 * questions turn out to be ("What is already certain"), the competent authority, the open questions, the exporter's
 * statements of law with their sources, the deciding provisions with links to the official texts, the indicators and
 * factors the findings name, the full three-valued trace as a collapsible tree, the transaction as assessed, and the
 * ruleset's id, version and sha256 (and overlays).
 *
 * The headline names only the national overlays that concern this exporter: those whose member states
 * (`appliesTo`) include the competent member state, or that may, while that member state is not known. The ruleset
 * section lists every overlay composed, so the exact composition can be replayed, and labels one that does not
 * concern this exporter as composed for replay only (e.g. "concerns exporters in DE, not FR").
 *
 * The HTML is a single file with inline styles and no scripts or external assets: it works offline and prints with
 * the trace expanded. Every text from the transaction or the ruleset is escaped, in both formats, so a description
 * containing markup is shown, never run.
 *
 * @param assessment - The result of `assess` or `assessMany` for `transaction`.
 * @param transaction - The transaction that was assessed, as passed to `assess` (shown as given, every text escaped).
 * @param options - The format, and optionally when the report was generated, the ruleset the assessment was made with
 * and the decision record it belongs to.
 * @returns The report as a string (an HTML document or Markdown text).
 * @throws {AssessmentError} `invalid_option` for a format other than `html` or `md`, or a record that is not the
 * record of this assessment. {DecisionRecordError} `invalid_record` when `record` is not a decision record.
 *
 * @example
 * import { writeFileSync } from 'node:fs';
 * import { assess, formatReport } from 'dual-use-rules';
 *
 * const assessment = await assess(transaction);
 * writeFileSync('decision.html', formatReport(assessment, transaction, { format: 'html', generatedAt: new Date().toISOString() }));
 * const forTicket = formatReport(assessment, transaction, { format: 'md' });
 */
export function formatReport(assessment: Assessment, transaction: unknown, options: ReportOptions): string {
  const { format, generatedAt, record, ruleset } = readOptions<ReportOptions>(
    options,
    { format: 'any', generatedAt: 'string', record: 'any', ruleset: 'any' },
    (issue, cause) => new AssessmentError(issue, { cause }),
  );
  if (format !== 'html' && format !== 'md')
    throw new AssessmentError({
      path: ['options', 'format'],
      code: 'invalid_option',
      message: `format must be "html" or "md", not ${describeValue(format)}.`,
    });
  const details = assessmentIssues(assessment, ['assessment']);
  if (details.length > 0)
    throw new AssessmentError(
      { path: ['assessment'], code: 'invalid_argument', message: 'The assessment is not one assess() returned:' },
      { details },
    );
  // Only a compiled ruleset, whose document was validated, names what the report labels.
  if (ruleset !== undefined) compiledRuntime(ruleset);
  // The transaction is shown as given, so it is read as given (a getter runs); where reading it fails, it is refused
  // with the place that is not plain data.
  return readingUntrusted(
    { transaction },
    () => {
      const context = createReportContext(
        assessment,
        transaction,
        generatedAt,
        rulesetUsed(assessment, ruleset),
        record === undefined ? undefined : summariseRecord(record, assessment),
      );
      return format === 'html' ? renderHtmlReport(assessment, context) : renderMarkdownReport(assessment, context);
    },
    (issues, cause) =>
      new AssessmentError(
        { path: ['transaction'], code: 'invalid_argument', message: 'The transaction is not plain JSON data:' },
        { details: issues, cause },
      ),
  );
}

/** What the report shows of a decision record, once it is known to be the record of this assessment. */
function summariseRecord(value: DecisionRecord, assessment: Assessment): RecordSummary {
  const record = readDecisionRecord(value);
  if (canonicalJson(record.assessment) !== canonicalJson(assessment))
    throw new AssessmentError({
      path: ['options', 'record'],
      code: 'invalid_option',
      message: `The decision record ${record.id} is not the record of this assessment.`,
    });
  const keyId = signingKeyIdOf(record);
  return {
    id: record.id,
    sha256: record.sha256,
    signed: record.signature !== undefined,
    ...(keyId === undefined ? {} : { keyId }),
  };
}

/** The ruleset an assessment was made with: the one given, else the bundled one with its hashes, if any. */
function rulesetUsed(assessment: Assessment, given: CompiledRuleset | undefined): CompiledRuleset | undefined {
  if (given !== undefined) return given;
  try {
    return bundledRegistry().find(assessment.ruleset);
  } catch {
    return undefined;
  }
}
