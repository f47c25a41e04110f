import { compileComposition } from './compile/compileComposition';
import type { CompiledRuleset, CompileOptions } from './types/compiledRuleset';

/**
 * Validates a ruleset document (JSON Schema, then semantic checks) and compiles it, with any overlays, for evaluation.
 * Every problem is collected before anything is thrown.
 *
 * @param input - A base ruleset document, as parsed from JSON. Treated as untrusted data.
 * @param options - Overlays to compose into it; public keys and signatures when rulesets must be signed.
 * @returns The compiled ruleset, frozen.
 * @throws {RulesetError} listing every issue with its path; issues in an overlay have paths starting `['overlays', index]`.
 * With `publicKeys`, an unsigned, altered or untrusted document is such an issue (`unsigned_ruleset`, `ruleset_modified`,
 * `invalid_signature`, `untrusted_signature`).
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * import { assess, compileRuleset } from 'dual-use-rules';
 *
 * const ruleset = compileRuleset(JSON.parse(readFileSync('my-ruleset.json', 'utf8')));
 * const assessment = await assess(transaction, { ruleset });
 * ruleset.warnings; // lint findings, e.g. [{ path: ['rules', 3], code: 'unreachable_rule', message: '…' }]
 *
 * // Only a ruleset signed by an approver (its detached signature in my-ruleset.json.sig):
 * const signed = compileRuleset(JSON.parse(readFileSync('my-ruleset.json', 'utf8')), {
 *   publicKeys: [readFileSync('compliance.pub', 'utf8')],
 *   signatures: [JSON.parse(readFileSync('my-ruleset.json.sig', 'utf8'))],
 * });
 */
export function compileRuleset(input: unknown, options: CompileOptions = {}): CompiledRuleset {
  return compileComposition(input, options);
}
