import { plainDataIssues } from '../document/plainData';
import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
import type { IssuePath } from '../errors/issue';
import { readOptions, type Refuse } from '../errors/readArguments';
import { RulesetError } from '../errors/RulesetError';
import type { RulesetReference } from '../types/assessment';
import type { LoadOptions, RegisterOptions, RulesetRegistry } from '../types/registry';

/** How the registry refuses a malformed argument that is not a document: an `AssessmentError`. */
export const refuseCall: Refuse = (issue, cause) => new AssessmentError(issue, { cause });

/** A ruleset id argument: a string, or `invalid_argument`. */
export function readId(id: unknown, path: IssuePath = ['id']): string {
  if (typeof id === 'string') return id;
  throw refuseCall({
    path,
    code: 'invalid_argument',
    message: `${path.join('.')} must be a ruleset id (a string), not ${describeValue(id)}.`,
  });
}

/** The options of `load` and `loadRuleset`, each read once (`asOf` is checked where it is used). */
export function readLoadOptions(options: unknown): LoadOptions {
  return readOptions<LoadOptions>(options, { asOf: 'any', version: 'string' }, refuseCall);
}

/** The options of `select`, each read once. */
export function readSelectOptions(options: unknown): { readonly id?: string; readonly asOf?: string } {
  return readOptions<{ id?: string; asOf?: string }>(options, { id: 'string', asOf: 'any' }, refuseCall);
}

/** The options of `register`, each read once; a malformed one is a `RulesetError`, as anything wrong there is. */
export function readRegisterOptions(options: unknown): RegisterOptions {
  return readOptions<RegisterOptions>(
    options,
    { signatures: 'list', replaces: 'strings' },
    (issue) => new RulesetError([issue]),
  );
}

/** A registry option (`options.registry` of `replay` and `verifyDecisionRecord`): one `createRulesetRegistry` made. */
export function readRegistry(
  value: unknown,
  refuse: Refuse = refuseCall,
  path: IssuePath = ['options', 'registry'],
): RulesetRegistry | undefined {
  if (value === undefined) return undefined;
  const { find, list } = (typeof value === 'object' && value !== null ? value : {}) as Partial<RulesetRegistry>;
  if (typeof find === 'function' && typeof list === 'function') return value as RulesetRegistry;
  throw refuse({
    path,
    code: 'invalid_option',
    message: `${path.join('.')} must be a registry from createRulesetRegistry(), not ${describeValue(value)}.`,
  });
}

/**
 * A reference to the exact ruleset an assessment was made with, as `find` and `replay` read it (at `path`): plain
 * JSON data with `id`, `version`, `sha256` and `overlays` of the same, or `invalid_argument` saying what is wrong.
 */
export function readReference(value: unknown, path: IssuePath = ['reference']): RulesetReference {
  const details = plainDataIssues(value, path);
  if (details.length > 0 || !isReference(value))
    throw new AssessmentError(
      {
        path,
        code: 'invalid_argument',
        message:
          `${path.join('.')} must name a ruleset: { id, version, sha256, overlays: [{ id, version, sha256 }] }` +
          `${details.length > 0 ? ', as plain JSON data:' : '.'}`,
      },
      { details },
    );
  return value;
}

function isReference(value: unknown): value is RulesetReference {
  const named = (part: unknown) => {
    const { id, version, sha256 } = (part ?? {}) as Partial<RulesetReference>;
    return typeof id === 'string' && typeof version === 'string' && typeof sha256 === 'string';
  };
  const overlays = (value as Partial<RulesetReference> | null)?.overlays;
  return named(value) && Array.isArray(overlays) && overlays.every(named);
}
