import type { IssueArea } from './area';

/** The codes of ruleset signatures that do not verify: each code's fields beyond `path`, `code` and `message`. */
export interface SignatureIssuePayloads {
  signature_unverifiable: Record<never, never>;
  invalid_public_key: { readonly index: number };
  no_public_keys: Record<never, never>;
  malformed_signature: { readonly index: number };
  unsigned_ruleset: Record<never, never>;
  ruleset_modified: { readonly signed: string; readonly actual: string };
  invalid_signature: { readonly keyIds: readonly string[] };
  untrusted_signature: { readonly keyIds: readonly string[] };
}

const VERIFY = 'integrity/verifySignatures';

/** How the codes of ruleset signatures are documented. */
export const SIGNATURE_ISSUES: IssueArea<SignatureIssuePayloads> = {
  title: 'Ruleset signatures',
  reportedBy:
    '`RulesetError` from `compileRuleset(document, { publicKeys, signatures })` and from a registry created with ' +
    '`publicKeys`: once keys are configured, every document must be signed by one of them. The path is the ' +
    "document's (`[]` for the base, `overlays/<index>` for an overlay).",
  codes: {
    signature_unverifiable: {
      means: 'Public keys are configured but this environment has no Ed25519 verification (no `node:crypto`).',
      raisedIn: [VERIFY],
      example: [],
      fix: 'Verify on Node.js, or compile without `publicKeys` where signatures cannot be checked.',
    },
    invalid_public_key: {
      means: 'The `publicKeys` entry at `index` is not a PEM Ed25519 public key (a private key is refused too).',
      raisedIn: [VERIFY],
      example: [],
      fix: 'Pass the `.pub` file `dual-use-rules keygen` wrote, never the private key.',
    },
    no_public_keys: {
      means: '`publicKeys` is given but empty, so nothing could ever verify.',
      raisedIn: [VERIFY],
      example: [],
      fix: 'Configure at least one key, or leave the option out to compile without verification.',
    },
    malformed_signature: {
      means: 'The `signatures` entry at `index` is not a ruleset signature.',
      raisedIn: [VERIFY],
      example: [],
      fix: 'Pass the parsed `.sig` files (`parseRulesetSignature`), as `signRuleset` or `dual-use-rules sign` wrote them.',
    },
    unsigned_ruleset: {
      means: 'No signature covers the document.',
      raisedIn: [VERIFY],
      example: ['overlays', 0],
      fix: 'Have an approver sign it (`dual-use-rules sign`) and pass the signature.',
    },
    ruleset_modified: {
      means: 'A signature names this ruleset, but its content changed after signing (`signed` and `actual` sha256).',
      raisedIn: [VERIFY],
      example: [],
      fix: 'Use the document as signed, or have the changed one signed again.',
    },
    invalid_signature: {
      means: 'A signature by the key(s) `keyIds` does not match the document: one of them was altered.',
      raisedIn: [VERIFY],
      example: [],
      fix: 'Obtain the document and its signature again from the approver.',
    },
    untrusted_signature: {
      means: 'The document is signed only by keys (`keyIds`) that are not among the configured ones.',
      raisedIn: [VERIFY],
      example: [],
      fix: "Add the signer's public key to `publicKeys` if it is an approver, or have an approver sign.",
    },
  },
};
