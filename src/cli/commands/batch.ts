import type { Command } from 'commander';
import type { BatchFlags } from '../actions/batch';
import { addTrustOptions, repeatable } from './trustOptions';

/** `dual-use-rules batch <in.jsonl>`: many transactions, one per line, assessed with the compiled evaluator. */
export function registerBatch(program: Command): void {
  const command = program
    .command('batch')
    .description(
      'Assess transactions in JSON Lines (one JSON transaction per line): one output line per input ' +
        "line (blank lines are skipped), the Assessment or the line's error, in input order.",
    )
    .argument('<file>', 'JSON Lines file of transactions, or - to read standard input')
    .option('--out <file>', 'write the output lines to this file (its folder is created) instead of standard output')
    .option('--workers <n>', 'worker threads to assess in, for machines with more cores', '1')
    .option(
      '--ruleset <file>',
      "use this ruleset document instead of the bundled one in force on each transaction's date",
    )
    .option(
      '--overlay <file>',
      'a national overlay document to compose into --ruleset (repeat for several)',
      repeatable,
      [] as string[],
    )
    .option('--as-of <date>', 'assessment date (YYYY-MM-DD) for transactions without a date')
    .option(
      '--detail <level>',
      'decision: per line the outcome, questions, duties, deciding citations, authority, notes and ruleset (no trace); ' +
        'full: the whole Assessment with its trace',
      'decision',
    )
    .option('--format <format>', 'jsonl: one JSON record a line; csv: a header row, then one row a line', 'jsonl');
  addTrustOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules batch open-orders.jsonl --out assessments.jsonl
  $ dual-use-rules batch open-orders.jsonl --workers 4 --out assessments.jsonl
  $ dual-use-rules batch --ruleset my-ruleset.json --as-of 2025-06-30 orders.jsonl > assessments.jsonl
  $ dual-use-rules batch --ruleset my-ruleset.json --public-key compliance.pub orders.jsonl --out assessed.jsonl
  $ dual-use-rules batch open-orders.jsonl --format csv --out decisions.csv
  $ dual-use-rules batch open-orders.jsonl --detail full --out assessments.jsonl
  $ cat orders.jsonl | dual-use-rules batch - | grep notification_required

Each output line is the decision (schemas/decision-line.schema.json; --detail full: the whole Assessment) as
JSON, or {"line": n, "transactionId"?: id, "error": {name, message, issues}} for a line that is not JSON, not
UTF-8, far larger than any transaction, or not a valid transaction; such lines are also reported on stderr and
the run goes on. Read each line's notes (id and citation) as well as its outcome: for an item on a military list,
e.g., the outcome is no_obligation under Article 5 and only the note note.military-item says a national arms-export
licence is needed.
--format csv writes RFC 4180 CSV: a header row, then one row per line (an error row has only line, transactionId
and error); lists in a cell are joined with " | ", an item's own | written \\| and \\ written
\\\\; a cell that would start a spreadsheet formula (=, +, -, @, tab, CR) or starts with ' is prefixed with ';
control characters are shown as escapes (\\n). Blank lines are skipped and counted. Memory stays flat whatever the
input's size. --out is written under a temporary name and takes its own when complete. A progress bar is
shown when stderr is a terminal; a summary of outcomes ends the run. Ctrl-C or SIGTERM: the lines in hand are
finished and written, and the summary says where the run stopped. Colours are used on a terminal only; set
NO_COLOR=1 to turn them off.
Exit codes: 0 every line assessed (or the reader of the output stopped early); 2 some lines could not be
assessed, the output could not be written, or invalid arguments; 130/143 interrupted; 1 internal error.`,
    )
    .action(async (file: string, flags: BatchFlags) => (await import('../actions/batch')).batchAction(file, flags));
}
