import type { IssueArea } from './area';

/** The codes of `SigningError`: a key, environment or signature file that cannot be used. Fields beyond `path`, `code`, `message`. */
export interface SigningIssuePayloads {
  crypto_unavailable: Record<never, never>;
  invalid_key: Record<never, never>;
  invalid_signature_file: Record<never, never>;
}

/** How the codes of `SigningError` are documented. */
export const SIGNING_ISSUES: IssueArea<SigningIssuePayloads> = {
  title: 'Keys and signature files',
  reportedBy:
    '`SigningError` from `generateSigningKeys`, `signRuleset`, `signingKeyId`, `parseRulesetSignature`, ' +
    '`signDecisionRecord` and `verifyDecisionRecord`; the path names the argument (`privateKey`, `signature` …).',
  codes: {
    crypto_unavailable: {
      means: 'This environment has no Ed25519 (no `node:crypto`), or the CommonJS build cannot load jose.',
      raisedIn: ['integrity/keys', 'integrity/recordSignature'],
      example: [],
      fix: 'Sign and verify on Node.js (20.19 or later for the CommonJS build), or import the package as an ES module.',
    },
    invalid_key: {
      means: 'The key is not a PEM Ed25519 key of the kind needed (a private key where a public one is expected, …).',
      raisedIn: ['integrity/keys', 'integrity/recordSignature', 'verifyDecisionRecord'],
      example: ['privateKey'],
      fix: 'Use the files `dual-use-rules keygen` wrote: the `.key` to sign, the `.pub` to verify.',
    },
    invalid_signature_file: {
      means: 'The value is not a ruleset signature (a field is missing or malformed).',
      raisedIn: ['parseRulesetSignature'],
      example: ['signature', 'keyId'],
      fix: 'Pass the parsed `.sig` file as `signRuleset` or `dual-use-rules sign` wrote it.',
    },
  },
};
