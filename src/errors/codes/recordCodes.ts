import type { IssueArea } from './area';

/**
 * The codes of `DecisionRecordError`: what made a decision record fail to be made, signed or verified. Each code's
 * fields beyond `path`, `code` and `message`; the path is in the record (or names the argument, e.g. `transaction`).
 */
export interface RecordIssuePayloads {
  invalid_record: Record<never, never>;
  record_changed: { readonly recorded: string; readonly actual: string };
  signature_missing: Record<never, never>;
  untrusted_key: { readonly keyId: string };
  signature_invalid: Record<never, never>;
  ruleset_not_found: { readonly id: string; readonly version: string; readonly sha256: string };
  ruleset_changed: { readonly id: string; readonly version: string; readonly sha256: string } & {
    readonly found: string;
  };
  replay_mismatch: { readonly recorded: string; readonly replayed?: string };
}

const VERIFY = 'verifyDecisionRecord';

/** How the codes of `DecisionRecordError` are documented. */
export const RECORD_ISSUES: IssueArea<RecordIssuePayloads> = {
  title: 'Decision records',
  reportedBy:
    '`DecisionRecordError` from `createDecisionRecord`, `signDecisionRecord`, `verifyDecisionRecord` and ' +
    '`formatReport` (its `record` option), and `dual-use-rules verify-record`.',
  codes: {
    invalid_record: {
      means: 'Not a decision record: a field is missing or of the wrong type, or it is not plain JSON data.',
      raisedIn: ['integrity/recordContent', 'createDecisionRecord'],
      example: ['assessedAt'],
      fix: 'Pass the record as `createDecisionRecord` made it and as it was filed (parsed JSON).',
    },
    record_changed: {
      means: "The record's content no longer hashes to its `sha256` (`recorded`; `actual` is the content's).",
      raisedIn: ['integrity/recordContent'],
      example: ['sha256'],
      fix: 'The record was altered after it was made: restore the original from the archive.',
    },
    signature_missing: {
      means: 'Public keys were given, so a signature is required, and the record has none.',
      raisedIn: [VERIFY],
      example: ['signature'],
      fix: 'Sign records with `signDecisionRecord` when they are made, or verify without `publicKeys`.',
    },
    untrusted_key: {
      means: 'The record is signed with key `keyId`, which is not among the public keys given.',
      raisedIn: ['integrity/recordSignature'],
      example: ['signature'],
      fix: "Add the signer's public key if it is trusted.",
    },
    signature_invalid: {
      means: 'The signature does not verify: it was altered, or not made over this content.',
      raisedIn: ['integrity/recordSignature'],
      example: ['signature'],
      fix: 'The record or its signature was altered: restore the original.',
    },
    ruleset_not_found: {
      means: 'The ruleset the record names (`id`, `version`, `sha256`) is neither bundled nor given.',
      raisedIn: [VERIFY],
      example: ['ruleset'],
      fix: 'Pass that exact ruleset document (and its overlays) in a registry to replay the record.',
    },
    ruleset_changed: {
      means:
        'A ruleset with the recorded id and version is available, but its content differs (`found` is its sha256).',
      raisedIn: [VERIFY],
      example: ['ruleset'],
      fix: 'Register the exact document the record was made with; released law must not change in place.',
    },
    replay_mismatch: {
      means: "Re-running the assessment gives another outcome (`replayed`) than the record's (`recorded`), or fails.",
      raisedIn: [VERIFY],
      example: ['assessment', 'outcome'],
      fix: 'Find what changed since (library version, ruleset); the record stays the evidence of what was decided.',
    },
  },
};
