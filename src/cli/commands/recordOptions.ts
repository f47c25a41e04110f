import { Option } from 'commander';

/** The options of `assess` that write a decision record. */
export interface RecordFlags {
  readonly record?: string;
  readonly signingKey?: string;
  readonly assessedBy?: string;
}

/** `--record FILE`, `--signing-key KEY`, `--assessed-by NAME`, in the order `assess --help` lists them. */
export const RECORD_OPTIONS = [
  new Option(
    '--record <file>',
    'also write a decision record to this file (JSON: the transaction, the assessment, the exact ruleset, who and ' +
      'when, and their sha256), to keep for Art. 27 and check later with verify-record',
  ),
  new Option('--signing-key <file>', 'sign the decision record with this Ed25519 private key (PEM, e.g. from keygen)'),
  new Option('--assessed-by <name>', 'who assessed, for the decision record (a person, a role or a system)'),
] as const;
