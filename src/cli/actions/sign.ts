import { validateRulesetDocument } from '../../compile/validateDocument';
import { compileRuleset } from '../../compileRuleset';
import { RulesetError } from '../../errors/RulesetError';
import { signRuleset } from '../../signRuleset';
import { readRulesetJson, readText } from '../io';
import { escapeControls } from '../output/safeText';
import { print, writeOutput } from '../output/sink';
import { signaturePath } from './rulesetFiles';

/** The options of `sign` as commander parses them. */
export interface SignFlags {
  readonly key: string;
  readonly base?: string;
  readonly out?: string;
  readonly replaces?: string[];
}

/** Runs `sign`: validates a ruleset or overlay document and writes its detached signature. */
export function signAction(file: string, flags: SignFlags): void {
  const document = readRulesetJson(file);
  const kind = (document as { kind?: unknown } | null)?.kind;
  // Only a valid document is signed: a base is compiled; an overlay is compiled with its base when given.
  if (kind === 'overlay') {
    if (flags.base === undefined) {
      const issues = validateRulesetDocument(document, 'overlay');
      if (issues.length > 0) throw new RulesetError(issues, (document as { id?: string }).id);
    } else compileRuleset(readRulesetJson(flags.base), { overlays: [document] });
  } else compileRuleset(document);
  const signature = signRuleset(document, readText(flags.key, `private key ${flags.key}`), {
    replaces: flags.replaces ?? [],
  });
  const out = flags.out ?? signaturePath(file);
  writeOutput(`${JSON.stringify(signature, null, 2)}\n`, out);
  print(
    `${escapeControls(
      `Signed ${signature.ruleset.id} ${signature.ruleset.version} (sha256 ` +
        `${signature.ruleset.sha256}` +
        `${(signature.ruleset.replaces ?? []).length === 0 ? '' : `, replacing ${(signature.ruleset.replaces ?? []).join(', ')}`}) ` +
        `with key ${signature.keyId}: ${out}`,
    )}\n`,
  );
}
