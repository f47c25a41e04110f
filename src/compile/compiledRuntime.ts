import { version } from '../../package.json';
import { AssessmentError } from '../errors/AssessmentError';
import type { IssuePath } from '../errors/issue';
import { ownRuntime, RULESET_SOURCES, type RulesetRuntime, type RulesetSources } from '../evaluate/rulesetRuntime';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { compileComposition } from './compileComposition';

/** Runtimes compiled here for rulesets compiled by this package's other build, by the ruleset they stand for. */
const adopted = new WeakMap<object, RulesetRuntime>();

/**
 * The runtime of a compiled ruleset given as an argument (at `path`). One this copy of the package compiled has its
 * own. One the package's other build compiled (a ruleset from `require('dual-use-rules')` given to the ES module,
 * or the other way round) is accepted when that build is of this very version: this copy compiles the same validated
 * documents itself, once, and the result must have the ruleset's public identity (id, versions, hashes, validity),
 * so an object that names one ruleset and gives the documents of another is refused. Anything else is refused with
 * `not_a_compiled_ruleset` and a message that names the cause: a document, a copy or proxy of a compiled ruleset,
 * or one compiled by another version of the package.
 */
export function compiledRuntime(ruleset: unknown, path: IssuePath = ['options', 'ruleset']): RulesetRuntime {
  const own = ownRuntime(ruleset);
  if (own !== undefined) return own;
  if (typeof ruleset !== 'object' || ruleset === null) throw refuse(path, notCompiled(path));
  const known = adopted.get(ruleset);
  if (known !== undefined) return known;
  const runtime = adopt(ruleset, path);
  adopted.set(ruleset, runtime);
  return runtime;
}

function adopt(ruleset: object, path: IssuePath): RulesetRuntime {
  const name = path.join('.');
  const sources = sourcesOf(ruleset);
  if (sources === 'none') throw refuse(path, notCompiled(path));
  if (sources === 'copy')
    throw refuse(
      path,
      `${name} is a copy or a proxy of a compiled ruleset, not the ruleset itself: pass the object ` +
        'compileRuleset() or loadRuleset() returned.',
    );
  if (sources.format !== 1 || sources.version !== version)
    throw refuse(
      path,
      `${name} was compiled by another copy of dual-use-rules, version ${String(sources.version)}; this is ` +
        `${version}. Two versions of the package are loaded: compile the ruleset with the compileRuleset() of the ` +
        'copy that assesses, or install one version.',
    );
  let compiled: CompiledRuleset;
  try {
    compiled = compileComposition(sources.base, { overlays: sources.overlays });
  } catch (cause) {
    throw refuse(path, `${name} claims to be a compiled ruleset, but its documents do not compile.`, cause);
  }
  if (!sameIdentity(compiled, ruleset))
    throw refuse(path, `${name} claims to be a compiled ruleset, but is not what its documents compile to.`);
  return ownRuntime(compiled) as RulesetRuntime;
}

/**
 * The sources a compiled ruleset of any copy of this package gives (read once, each field), `'copy'` when it has the
 * method but gives none (a copy or proxy of one), `'none'` when it is not a compiled ruleset at all.
 */
function sourcesOf(ruleset: object): RulesetSources | 'copy' | 'none' {
  try {
    const method: unknown = Reflect.get(ruleset, RULESET_SOURCES);
    if (typeof method !== 'function') return 'none';
    const given: unknown = Reflect.apply(method, ruleset, []);
    if (typeof given !== 'object' || given === null) return 'copy';
    const { format, version: made, base, overlays } = given as RulesetSources;
    return { format, version: made, base, overlays: Array.isArray(overlays) ? [...overlays] : [] };
  } catch {
    return 'none';
  }
}

/** Whether the ruleset compiled here from the sources is what the given one says it is. */
function sameIdentity(compiled: CompiledRuleset, given: object): boolean {
  try {
    const claimed = given as CompiledRuleset;
    const overlays = (list: CompiledRuleset['overlays']) =>
      list.map(({ id, version: made, sha256 }) => `${id}\u0000${made}\u0000${sha256}`).join('\u0001');
    return (
      claimed.id === compiled.id &&
      claimed.version === compiled.version &&
      claimed.sha256 === compiled.sha256 &&
      claimed.validity.from === compiled.validity.from &&
      claimed.validity.to === compiled.validity.to &&
      overlays(claimed.overlays) === overlays(compiled.overlays)
    );
  } catch {
    return false;
  }
}

function notCompiled(path: IssuePath): string {
  return (
    `${path.join('.')} must be a CompiledRuleset from compileRuleset() or loadRuleset(), not a ruleset document or ` +
    'a copy of one.'
  );
}

function refuse(path: IssuePath, message: string, cause?: unknown): AssessmentError {
  return new AssessmentError({ path, code: 'not_a_compiled_ruleset', message }, { cause });
}
