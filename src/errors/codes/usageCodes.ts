import type { IssueArea } from './area';

/**
 * The codes of `UsageError`, a problem the user of the command line can fix (exit code 2): fields beyond `path`,
 * `code` and `message`. The path names the option (`--as-of`) or the file.
 */
export interface UsageIssuePayloads {
  unreadable_file: { readonly file: string };
  unwritable_file: { readonly file: string };
  file_exists: { readonly file: string };
  invalid_file: { readonly file: string };
  unverified_file: { readonly file: string };
  missing_dependency: { readonly install: string };
  cannot_listen: Record<never, never>;
}

/** How the codes of `UsageError` are documented. */
export const USAGE_ISSUES: IssueArea<UsageIssuePayloads> = {
  title: 'The command line',
  reportedBy:
    '`dual-use-rules` prints these without a stack trace and exits with 2 (with `invalid_argument` for an option ' +
    'value that does not work, see above).',
  codes: {
    unreadable_file: {
      means: 'A file or folder cannot be read (missing, a folder, no permission …).',
      raisedIn: ['cli/io', 'cli/batch/input', 'cli/actions/validate'],
      example: ['rules.json'],
      fix: 'Check the path and its permissions.',
    },
    unwritable_file: {
      means: 'An output file cannot be written.',
      raisedIn: ['cli/output/sink'],
      example: ['--out'],
      fix: 'Check the folder exists or can be made, and that you may write there.',
    },
    file_exists: {
      means: 'A key file already exists.',
      raisedIn: ['cli/actions/keygen'],
      example: ['signing.key'],
      fix: 'Choose another name, or pass `--force` to replace it.',
    },
    invalid_file: {
      means: 'A file holds something other than what the option takes (not a scenario file, not a usable key …).',
      raisedIn: [
        'cli/io',
        'cli/actions/validate',
        'cli/actions/diff',
        'cli/actions/rulesetFiles',
        'cli/actions/verifyRecord',
        'cli/actions/writeRecord',
      ],
      example: ['scenarios/a.json'],
      fix: 'Pass a file of the kind the option describes (`dual-use-rules <command> --help`).',
    },
    unverified_file: {
      means:
        'With trusted public keys given, a ruleset or overlay file is not signed by one of them, or was altered ' +
        'since (the message lists the signature issues).',
      raisedIn: ['cli/actions/rulesetFiles'],
      example: ['rules.json'],
      fix: 'Have an approver sign the file (`dual-use-rules sign`), keep its `.sig` beside it, or give their key.',
    },
    missing_dependency: {
      means: 'An optional dependency is not installed (`install` is the command that installs it).',
      raisedIn: ['server/loadFastify'],
      example: [],
      fix: 'Run the `install` command next to dual-use-rules.',
    },
    cannot_listen: {
      means: 'The server cannot listen on the host and port given.',
      raisedIn: ['cli/actions/serve'],
      example: ['--port'],
      fix: 'Choose a free port, or a host name this machine has.',
    },
  },
};
