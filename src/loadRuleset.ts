import { compileRuleset, type CompiledRuleset } from './compileRuleset';
import { AssessmentError } from './errors/AssessmentError';
import { BUNDLED_DOCUMENTS, DEFAULT_RULESET_ID } from './rulesets/bundled';
import { describeWindow, isCalendarDate, isInForce, today } from './time/dates';
import type { RulesetDocument, ValidityWindow } from './types/ruleset';

/** A bundled ruleset document, as `listRulesets` describes it. */
export interface RulesetSummary {
  readonly id: string;
  readonly version: string;
  readonly kind: 'base' | 'overlay';
  /** For overlays: the base ruleset they add to. */
  readonly extends?: string;
  /** For overlays: the member states whose exporters they concern. */
  readonly memberStates?: readonly string[];
  readonly title: string;
  readonly validity: ValidityWindow;
}

/** Options for `loadRuleset`. */
export interface LoadOptions {
  /** The date (`YYYY-MM-DD`) whose law to load: the base version and the overlays in force on it. Default: today (UTC). */
  readonly asOf?: string;
  /** A specific base version. Without `asOf`, it is loaded alone, without overlays. */
  readonly version?: string;
}

const documents = BUNDLED_DOCUMENTS as readonly RulesetDocument[];
const compiled = new Map<string, CompiledRuleset>();

/**
 * Lists the rulesets bundled with the package: every version of every base ruleset, and the national overlays.
 *
 * @example
 * for (const r of listRulesets()) console.log(r.id, r.version, r.validity.from, r.validity.to ?? 'open');
 */
export function listRulesets(): RulesetSummary[] {
  return documents.map((document) => ({
    id: document.id,
    version: document.version,
    kind: document.kind,
    ...(document.extends === undefined ? {} : { extends: document.extends }),
    ...(document.appliesTo === undefined ? {} : { memberStates: document.appliesTo.memberStates }),
    title: document.title,
    validity: document.validity,
  }));
}

/**
 * Loads a bundled ruleset, compiled once and cached: by default the version in force on `asOf` (default today),
 * with the national overlays in force on that date composed in. Each overlay's rules test the member state they
 * concern, so composing them never changes the answer for exporters elsewhere.
 *
 * @param id - Ruleset id; default `eu-2021-821-art5`.
 * @throws {AssessmentError} `unknown_ruleset` when no such id or version is bundled; `ruleset_not_in_force` when no
 * version is in force on the date (the message names every version's window); `invalid_option` for a malformed date.
 *
 * @example
 * const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
 * ruleset.version; // '2.0.0'
 */
export function loadRuleset(id: string = DEFAULT_RULESET_ID, options: LoadOptions = {}): CompiledRuleset {
  if (options.asOf !== undefined && !(typeof options.asOf === 'string' && isCalendarDate(options.asOf))) {
    throw new AssessmentError('invalid_option', `asOf must be a date written YYYY-MM-DD, not ${JSON.stringify(options.asOf)}.`);
  }
  const versions = documents.filter((document) => document.id === id && document.kind === 'base');
  if (versions.length === 0) {
    const known = [...new Set(documents.filter((document) => document.kind === 'base').map((document) => document.id))];
    throw new AssessmentError('unknown_ruleset', `No bundled ruleset has the id "${id}". Bundled: ${known.join(', ')}.`);
  }
  const date = options.asOf ?? (options.version === undefined ? today() : undefined);
  const base = selectBase(id, versions, options.version, date);
  const overlays = date === undefined ? [] : documents.filter((document) => document.kind === 'overlay' && document.extends === id && isInForce(document.validity, date));
  const key = [base, ...overlays].map((document) => `${document.id}@${document.version}`).join('+');
  let ruleset = compiled.get(key);
  if (ruleset === undefined) {
    ruleset = compileRuleset(base, { overlays });
    compiled.set(key, ruleset);
  }
  return ruleset;
}

function selectBase(id: string, versions: readonly RulesetDocument[], version: string | undefined, date: string | undefined): RulesetDocument {
  const windows = versions.map((document) => `${document.version}: ${describeWindow(document.validity)}`).join('; ');
  if (version !== undefined) {
    const chosen = versions.find((document) => document.version === version);
    if (chosen === undefined) throw new AssessmentError('unknown_ruleset', `Ruleset "${id}" has no bundled version ${version} (versions ${windows}).`);
    if (date !== undefined && !isInForce(chosen.validity, date)) {
      throw new AssessmentError('ruleset_not_in_force', `Version ${version} of "${id}" is not in force on ${date} (versions ${windows}).`);
    }
    return chosen;
  }
  const chosen = versions.find((document) => isInForce(document.validity, date as string));
  if (chosen === undefined) throw new AssessmentError('ruleset_not_in_force', notInForceMessage(id, date as string, windows));
  return chosen;
}

/** Why no version of a ruleset applies on a date, naming every version's window. */
function notInForceMessage(id: string, date: string, windows: string): string {
  return `No version of "${id}" is in force on ${date}; versions ${windows}.`;
}
