import { compileRuleset, validateRulesetDocument, type CompiledRuleset } from '../compileRuleset';
import { scanDocument } from '../compile/scanDocument';
import { AssessmentError } from '../errors/AssessmentError';
import { RulesetError } from '../errors/RulesetError';
import { TransactionError } from '../errors/TransactionError';
import type { Issue } from '../errors/issue';
import { canonicalSha256 } from '../integrity/canonicalJson';
import { verifySignatures } from '../integrity/signatures';
import { describeWindow, isCalendarDate, isInForce, peekDate, today } from '../time/dates';
import { parseTransaction } from '../transaction/parseTransaction';
import { transactionSchema } from '../transaction/transactionSchema';
import type { RulesetReference } from '../types/assessment';
import type { RulesetDocument, ValidityWindow } from '../types/ruleset';
import { BUNDLED_RELEASES, DEFAULT_RULESET_ID } from './bundled';

/** A ruleset document known to a registry, as `list()` describes it. */
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
  /** sha256 of the document's canonical JSON, as assessments record it. */
  readonly sha256: string;
  /** Whether a date can select it; `false` once a later registration replaced it (it can still be replayed). */
  readonly selectable: boolean;
  /** The version that replaced it (a correction of the same legal time); absent while it is current. */
  readonly replacedBy?: string;
  /** The earlier versions of the same id that it replaced. */
  readonly replaces?: readonly string[];
}

/** Options for `loadRuleset` and `RulesetRegistry.load`. */
export interface LoadOptions {
  /** The date (`YYYY-MM-DD`) whose law to load: the base version and the overlays in force on it. Default: today (UTC). */
  readonly asOf?: string;
  /** A specific base version. Without `asOf`, it is loaded alone, without overlays. */
  readonly version?: string;
}

/** Options for `RulesetRegistry.register`. */
export interface RegisterOptions {
  /** Detached signatures of the document; required when the registry has `publicKeys`. */
  readonly signatures?: readonly unknown[];
  /**
   * Versions of the same id that this document takes over from (e.g. a corrected encoding of the same legal period).
   * They stop being selected by date but stay available to `find` and `replay`.
   */
  readonly replaces?: readonly string[];
}

/** Options for `createRulesetRegistry`. */
export interface RegistryOptions {
  /** Start with the rulesets bundled with the package. Default `true`. */
  readonly bundled?: boolean;
  /**
   * Ed25519 public keys (PEM). When present, every document registered must carry a valid signature by one of them.
   * The bundled rulesets are part of the installed package and are not signed.
   */
  readonly publicKeys?: readonly string[];
}

/** The ruleset a date selects over a stretch of legal time: one base version with the overlays in force. */
export interface RulesetComposition {
  readonly id: string;
  readonly version: string;
  readonly overlays: readonly { readonly id: string; readonly version: string }[];
  /** The days on which a date selects exactly this composition. */
  readonly validity: ValidityWindow;
  /** Compiles the composition (cached). */
  readonly load: () => CompiledRuleset;
}

/** Rulesets by id and legal time: selects the version in force on a date, and finds the exact one an assessment used. */
export interface RulesetRegistry {
  /**
   * Adds a document. It is validated (and its signature checked when the registry has keys); versions of one id
   * must tile legal time, so a window that overlaps another version's, or leaves a gap between versions, is refused.
   * Registering the identical document again does nothing.
   * @throws {RulesetError} listing every problem, windows included (`overlapping_validity`, `validity_gap`).
   */
  register(document: unknown, options?: RegisterOptions): RulesetSummary;
  /** Every document registered, in registration order. */
  list(): RulesetSummary[];
  /**
   * The base version in force on `asOf` (default today) with the overlays in force on that date, compiled once and cached.
   * @throws {AssessmentError} `unknown_ruleset`, `ruleset_not_in_force` (naming every version's window) or `invalid_option`.
   */
  load(id?: string, options?: LoadOptions): CompiledRuleset;
  /**
   * The ruleset for a transaction: the one in force on its `date`, else on `asOf`, else today.
   * @throws {TransactionError} when no version is in force on the transaction's date (the issue at `/date` names
   * every window), with the transaction's other problems; {AssessmentError} when `asOf` is the problem.
   */
  select(transaction: unknown, options?: { readonly id?: string; readonly asOf?: string }): CompiledRuleset;
  /** Every composition a date can select for a base id, in date order. */
  compositions(id?: string): RulesetComposition[];
  /**
   * The exact ruleset an assessment names: base and overlays found by sha256, replaced versions included.
   * @throws {AssessmentError} `unknown_ruleset` when a document with that hash is not registered.
   */
  find(reference: RulesetReference): CompiledRuleset;
}

interface Entry {
  readonly document: RulesetDocument;
  readonly sha256: string;
  readonly replaces: readonly string[];
  /** The version that replaced this one; while it is `undefined`, dates can select the entry. */
  replacedBy: string | undefined;
}

const isCurrent = (entry: Entry) => entry.replacedBy === undefined;

/** Compiled compositions, by the hashes of their documents: the same content compiles once, whichever registry asks. */
const compiledByContent = new Map<string, CompiledRuleset>();

/**
 * Creates a registry of rulesets: by default the bundled ones, to which you add your own (revised or national)
 * documents; dates then select among all of them.
 *
 * @example
 * const registry = createRulesetRegistry({ publicKeys: [readFileSync('approvers.pub', 'utf8')] });
 * registry.register(revised, { signatures: [signature], replaces: ['2.1.0'] });
 * const assessment = await assess(transaction, { ruleset: registry.select(transaction) });
 */
export function createRulesetRegistry(options: RegistryOptions = {}): RulesetRegistry {
  const entries: Entry[] = [];
  if (options.bundled ?? true) for (const entry of bundledEntries()) entries.push({ ...entry });
  return registryOver(entries, options.publicKeys);
}

let bundled: RulesetRegistry | undefined;
let bundledList: readonly Entry[] | undefined;

/** The bundled rulesets, checked like any registration (windows and replacements) except for the (already tested) semantic validation. */
function bundledEntries(): readonly Entry[] {
  if (bundledList === undefined) {
    const entries: Entry[] = [];
    for (const release of BUNDLED_RELEASES) {
      const document = release.document as RulesetDocument;
      const replaces = release.replaces ?? [];
      const issues = replacementIssues(entries, document, replaces);
      if (issues.length > 0) throw new RulesetError(issues, document.id);
      entries.push(replace(entries, { document, sha256: canonicalSha256(document), replaces, replacedBy: undefined }));
    }
    bundledList = entries;
  }
  return bundledList;
}

/** The registry behind `loadRuleset`, `listRulesets` and `assess` without a ruleset: the bundled rulesets only. */
export function bundledRegistry(): RulesetRegistry {
  bundled ??= registryOver(bundledEntries().map((entry) => ({ ...entry })), undefined, true);
  return bundled;
}

function registryOver(entries: Entry[], publicKeys: readonly string[] | undefined, sealed = false): RulesetRegistry {
  const bases = (id: string, all = false) => entries.filter((entry) => entry.document.kind === 'base' && entry.document.id === id && (all || isCurrent(entry)));
  const overlaysOn = (id: string, date: string) =>
    entries.filter((entry) => isCurrent(entry) && entry.document.kind === 'overlay' && entry.document.extends === id && isInForce(entry.document.validity, date));

  const load = (id: string = DEFAULT_RULESET_ID, options: LoadOptions = {}): CompiledRuleset => {
    if (options.asOf !== undefined && !(typeof options.asOf === 'string' && isCalendarDate(options.asOf))) {
      throw new AssessmentError('invalid_option', `asOf must be a date written YYYY-MM-DD, not ${JSON.stringify(options.asOf)}.`);
    }
    if (bases(id, true).length === 0) {
      const known = [...new Set(entries.filter((entry) => entry.document.kind === 'base').map((entry) => entry.document.id))];
      throw new AssessmentError('unknown_ruleset', `No ruleset with the id "${id}" is ${sealed ? 'bundled' : 'registered'}. ${sealed ? 'Bundled' : 'Registered'}: ${known.join(', ') || 'none'}.`);
    }
    const date = options.asOf ?? (options.version === undefined ? today() : undefined);
    const base = selectBase(id, bases(id), bases(id, true), options.version, date);
    return compose(base, date === undefined ? [] : overlaysOn(id, date));
  };

  return {
    register(document, registerOptions = {}) {
      if (sealed) throw new AssessmentError('invalid_option', 'The bundled rulesets cannot be changed; create a registry with createRulesetRegistry() and register documents there.');
      const scanned = scanDocument(document);
      if (scanned.length > 0) throw new RulesetError(scanned, idOf(document));
      // Everything below reads this private copy, so what was verified is what is used.
      const copy = deepFreeze(structuredClone(document)) as RulesetDocument;
      const issues: Issue[] = [...validateRulesetDocument(copy, kindOf(copy))];
      if (issues.length === 0 && publicKeys !== undefined) issues.push(...verifySignatures([{ document: copy, path: [] }], registerOptions.signatures ?? [], publicKeys));
      if (issues.length > 0) throw new RulesetError(issues, idOf(copy));
      const sha256 = canonicalSha256(copy);
      const same = entries.find((entry) => entry.document.id === copy.id && entry.document.version === copy.version);
      if (same !== undefined) {
        if (same.sha256 === sha256) return summarise(same);
        throw new RulesetError([{ path: ['version'], code: 'duplicate_version', message: `Version ${copy.version} of "${copy.id}" is already registered with different content (sha256 ${same.sha256}); give the revision a new version.` }], copy.id);
      }
      const clash = entries.find((entry) => entry.document.id === copy.id && entry.document.kind !== copy.kind);
      if (clash !== undefined) throw new RulesetError([{ path: ['kind'], code: 'kind_mismatch', message: `"${copy.id}" is already registered as ${clash.document.kind === 'base' ? 'a base ruleset' : 'an overlay'}.` }], copy.id);
      const entry: Entry = { document: copy, sha256, replaces: Object.freeze([...(registerOptions.replaces ?? [])]), replacedBy: undefined };
      issues.push(...replacementIssues(entries, copy, entry.replaces));
      if (issues.length > 0) throw new RulesetError(issues, copy.id);
      // Semantic validation: a base alone, an overlay with every registered base version it can be composed with.
      if (copy.kind === 'base') compose(entry, []);
      else for (const base of bases(copy.extends ?? '').filter((candidate) => overlaps(candidate.document.validity, copy.validity))) compose(base, [entry]);
      entries.push(replace(entries, entry));
      return summarise(entry);
    },
    list: () => entries.map(summarise),
    load,
    select(transaction, selectOptions = {}) {
      const transactionDate = peekDate(transaction);
      try {
        return load(selectOptions.id, { asOf: transactionDate ?? selectOptions.asOf ?? today() });
      } catch (error) {
        if (!(error instanceof AssessmentError && error.code === 'ruleset_not_in_force' && transactionDate !== undefined)) throw error;
        const issues: Issue[] = [{ path: ['date'], code: 'ruleset_not_in_force', message: error.message }];
        try {
          parseTransaction(transaction, transactionSchema);
        } catch (invalid) {
          if (!(invalid instanceof TransactionError)) throw invalid;
          issues.push(...invalid.issues);
        }
        throw new TransactionError(issues);
      }
    },
    compositions(id = DEFAULT_RULESET_ID) {
      const related = entries.filter((entry) => isCurrent(entry) && (entry.document.id === id || entry.document.extends === id));
      const starts = [...new Set(related.flatMap(({ document: { validity } }) => (validity.to === null ? [validity.from] : [validity.from, nextDay(validity.to)])))].sort();
      const found: { base: Entry; overlays: Entry[]; from: string; to: string | null }[] = [];
      starts.forEach((date, index) => {
        const base = bases(id).find((entry) => isInForce(entry.document.validity, date));
        if (base === undefined) return;
        const overlays = overlaysOn(id, date);
        const next = starts[index + 1];
        const to = next === undefined ? null : previousDay(next);
        const previous = found.at(-1);
        if (previous !== undefined && previous.base === base && sameEntries(previous.overlays, overlays) && previous.to === previousDay(date)) previous.to = to;
        else found.push({ base, overlays, from: date, to });
      });
      return found.map(({ base, overlays, from, to }) => ({
        id,
        version: base.document.version,
        overlays: overlays.map((overlay) => ({ id: overlay.document.id, version: overlay.document.version })),
        validity: { from, to },
        load: () => compose(base, overlays),
      }));
    },
    find(reference) {
      const byHash = (sha256: string, kind: 'base' | 'overlay', id: string) => entries.find((entry) => entry.sha256 === sha256 && entry.document.kind === kind && entry.document.id === id);
      const base = byHash(reference.sha256, 'base', reference.id);
      const overlays = reference.overlays.map((overlay) => byHash(overlay.sha256, 'overlay', overlay.id));
      const missing = [
        ...(base === undefined ? [`"${reference.id}" ${reference.version} (sha256 ${reference.sha256})`] : []),
        ...reference.overlays.filter((_, index) => overlays[index] === undefined).map((overlay) => `overlay "${overlay.id}" ${overlay.version} (sha256 ${overlay.sha256})`),
      ];
      if (base === undefined || missing.length > 0) {
        throw new AssessmentError('unknown_ruleset', `The exact ruleset is not ${sealed ? 'bundled' : 'registered'}: ${missing.join(', ')}. Register the document it was made with to replay it.`);
      }
      return compose(base, overlays as Entry[]);
    },
  };
}

/** Compiles a base with overlays, once per distinct content. */
function compose(base: Entry, overlays: readonly Entry[]): CompiledRuleset {
  const key = [base, ...overlays].map((entry) => entry.sha256).join('+');
  let ruleset = compiledByContent.get(key);
  if (ruleset === undefined) {
    ruleset = compileRuleset(base.document, { overlays: overlays.map((overlay) => overlay.document) });
    compiledByContent.set(key, ruleset);
  }
  return ruleset;
}

function selectBase(id: string, selectable: readonly Entry[], all: readonly Entry[], version: string | undefined, date: string | undefined): Entry {
  const windows = describeWindows(selectable.map((entry) => entry.document));
  if (version !== undefined) {
    const chosen = all.find((entry) => entry.document.version === version);
    if (chosen === undefined) throw new AssessmentError('unknown_ruleset', `Ruleset "${id}" has no version ${version} (versions ${windows}).`);
    if (date !== undefined && !isInForce(chosen.document.validity, date)) {
      throw new AssessmentError('ruleset_not_in_force', `Version ${version} of "${id}" is not in force on ${date} (versions ${windows}).`);
    }
    return chosen;
  }
  const chosen = selectable.find((entry) => isInForce(entry.document.validity, date as string));
  if (chosen === undefined) throw new AssessmentError('ruleset_not_in_force', `No version of "${id}" is in force on ${date as string}; versions ${windows}.`);
  return chosen;
}

/** "1.0.0: 2021-09-09 to 2024-10-15; 2.0.0: from 2024-10-16", in date order. */
function describeWindows(documents: readonly RulesetDocument[]): string {
  return [...documents]
    .sort((a, b) => a.validity.from.localeCompare(b.validity.from))
    .map((document) => `${document.version}: ${describeWindow(document.validity)}`)
    .join('; ');
}

/** What is wrong with adding `document` in place of the versions it `replaces`: versions that are not current, and windows. */
function replacementIssues(entries: readonly Entry[], document: RulesetDocument, replaces: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  for (const version of replaces) {
    if (!entries.some((entry) => isCurrent(entry) && entry.document.id === document.id && entry.document.version === version)) {
      issues.push({ path: [], code: 'unknown_version', message: `replaces names version ${version} of "${document.id}", which is not registered (or already replaced).` });
    }
  }
  issues.push(...windowIssues(entries.filter((entry) => isCurrent(entry) && !replaces.includes(entry.document.version)), document, []));
  return issues;
}

/** Marks the versions `entry` replaces, so dates no longer select them; returns the entry. */
function replace(entries: readonly Entry[], entry: Entry): Entry {
  for (const other of entries) if (other.document.id === entry.document.id && entry.replaces.includes(other.document.version)) other.replacedBy = entry.document.version;
  return entry;
}

/** Versions of one id must tile legal time: no two windows share a day, and none leaves a day uncovered between them. */
function windowIssues(entries: readonly Entry[], document: RulesetDocument, path: Issue['path']): Issue[] {
  const siblings = entries.filter((entry) => entry.document.id === document.id).map((entry) => entry.document);
  if (siblings.length === 0) return [];
  const all = [...siblings, document].sort((a, b) => a.validity.from.localeCompare(b.validity.from));
  const windows = describeWindows(all);
  const issues: Issue[] = [];
  for (let index = 1; index < all.length; index++) {
    const [before, after] = [all[index - 1] as RulesetDocument, all[index] as RulesetDocument];
    if (before !== document && after !== document) continue;
    if (before.validity.to === null || before.validity.to >= after.validity.from) {
      issues.push({ path: [...path, 'validity'], code: 'overlapping_validity', message: `The validity of "${document.id}" ${document.version} overlaps that of version ${before === document ? after.version : before.version}; versions of one ruleset must not overlap (${windows}). Close the earlier window, or register with replaces.` });
    } else if (nextDay(before.validity.to) !== after.validity.from) {
      issues.push({ path: [...path, 'validity'], code: 'validity_gap', message: `Between versions ${before.version} and ${after.version} of "${document.id}" no version is in force from ${nextDay(before.validity.to)} to ${previousDay(after.validity.from)}; versions must follow each other without a gap (${windows}).` });
    }
  }
  return issues;
}

function overlaps(a: ValidityWindow, b: ValidityWindow): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}

function nextDay(date: string): string {
  return shiftDay(date, 1);
}

function previousDay(date: string): string {
  return shiftDay(date, -1);
}

function shiftDay(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function summarise(entry: Entry): RulesetSummary {
  const { document } = entry;
  return {
    id: document.id,
    version: document.version,
    kind: document.kind,
    ...(document.extends === undefined ? {} : { extends: document.extends }),
    ...(document.appliesTo === undefined ? {} : { memberStates: document.appliesTo.memberStates }),
    title: document.title,
    validity: document.validity,
    sha256: entry.sha256,
    selectable: isCurrent(entry),
    ...(entry.replacedBy === undefined ? {} : { replacedBy: entry.replacedBy }),
    ...(entry.replaces.length === 0 ? {} : { replaces: [...entry.replaces] }),
  };
}

function kindOf(document: unknown): 'base' | 'overlay' {
  return typeof document === 'object' && document !== null && (document as { kind?: unknown }).kind === 'overlay' ? 'overlay' : 'base';
}

function idOf(document: unknown): string | undefined {
  const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
