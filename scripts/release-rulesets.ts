// Writes each release of a law package, rulesets/<id>/<version>.json, from the package's one authoring source,
// rulesets/<id>/source.json (format: schemas/ruleset-source.schema.json; guide: docs/writing-rulesets.md, "Law
// packages"). test/unit/lawPackages.test.ts fails when a committed snapshot differs from what its source generates.
//
// In the source, any item or single value may carry its own legal validity, as OpenFisca's dated parameters do:
// - `"$validity": { "from": …, "to": … }` on an object (a rule, a note, a fact, a catalogue entry, a source …): the
//   object is part of the releases whose window lies inside that window, and absent from the others;
// - `{ "$dated": [{ "validity": { … }, "value": … }, …] }` in place of any value (a whole item, one summary, one
//   attribute, one list): the variant whose window holds the release's window is used; none, and the value is absent.
// A window that only partly overlaps a release's window is an error: the release would state two laws at once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import sourceSchema from '../schemas/ruleset-source.schema.json';
import { validateRulesetDocument } from '../src/compile/validateDocument';
import { compileRuleset } from '../src/compileRuleset';
import { formatPath, type Issue, type IssuePath } from '../src/errors/issue';
import { RulesetError } from '../src/errors/RulesetError';
import { describeWindow, isCalendarDate } from '../src/time/dates';
import type { ValidityWindow } from '../src/types/ruleset';

/** One release the source lists: an encoding version for a window of legal time. */
export interface SourceRelease {
  readonly version: string;
  readonly validity: ValidityWindow;
  /** Earlier releases of the same id, for the same legal time, that this one corrects. */
  readonly replaces?: readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly lastVerifiedOn?: string;
  /**
   * Set once the release is published: the sha256 of its snapshot file's bytes. A published snapshot is never
   * written again; the generator only checks that the file still has these bytes.
   */
  readonly fileSha256?: string;
}

/** A problem in a source, with its path in the source (or in the release it generates). */
export interface SourceProblem {
  readonly path: IssuePath;
  readonly message: string;
}

/** Thrown with every problem found in a source. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly SourceProblem[],
  ) {
    super(
      `${file} cannot be released:\n${problems.map((problem) => `  ${formatPath(problem.path)}: ${problem.message}`).join('\n')}`,
    );
    this.name = 'SourceError';
  }
}

/** A release with the document the source generates for it. */
export interface GeneratedRelease {
  readonly release: SourceRelease;
  readonly document: Record<string, unknown>;
  /** The snapshot's bytes: the document as `JSON.stringify(document, null, 2)` with a final newline. */
  readonly text: string;
}

const root = new URL('../rulesets/', import.meta.url);

/** The document fields the generator writes before the source's sections, in this order. */
const HEADER = [
  '$schema',
  'id',
  'version',
  'kind',
  'extends',
  'appliesTo',
  'title',
  'description',
  'validity',
  'lastVerifiedOn',
] as const;
/** Source fields that are not part of a release's document, or are written in the header. */
const SOURCE_ONLY = new Set<string>([...HEADER, 'releases']);

const ABSENT = Symbol('absent');
type Resolved = unknown | typeof ABSENT;

const validateSource = new Ajv2020({ strict: true, allErrors: true }).compile(sourceSchema);

/** The ids of the law packages: the folders of `rulesets/` that hold a `source.json`. */
export function lawPackages(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/source.json`, root)))
    .map((entry) => entry.name)
    .sort();
}

/** The parsed `rulesets/<id>/source.json`. */
export function readSource(id: string): unknown {
  return JSON.parse(readFileSync(new URL(`${id}/source.json`, root), 'utf8')) as unknown;
}

/**
 * The releases of a source that are not yet published, each with its generated document and snapshot text.
 * @throws {SourceError} naming every problem with its path in the source.
 */
export function generateReleases(source: unknown, file = 'source.json'): GeneratedRelease[] {
  if (!validateSource(source)) {
    throw new SourceError(
      file,
      (validateSource.errors ?? []).map((error) => ({
        path: pointerPath(error.instancePath),
        message: `${error.message ?? 'is not valid'}${error.params === undefined ? '' : ` (${JSON.stringify(error.params)})`}`,
      })),
    );
  }
  const body = source as Record<string, unknown> & { releases: readonly SourceRelease[] };
  const problems: SourceProblem[] = [...checkReleases(body.releases), ...checkVariants(body, [])];
  if (problems.length > 0) throw new SourceError(file, problems);
  const generated: GeneratedRelease[] = [];
  for (const release of body.releases) {
    if (release.fileSha256 !== undefined) continue;
    const context: ReleaseContext = { release, problems, paths: new Map() };
    const document = buildDocument(body, context);
    if (problems.length === 0) problems.push(...validateDocument(document, context));
    if (problems.length === 0) generated.push({ release, document, text: `${JSON.stringify(document, null, 2)}\n` });
  }
  if (problems.length > 0) throw new SourceError(file, problems);
  return generated;
}

/** Every release's version and window: unique versions, real windows; what a release replaces must be listed before it. */
function checkReleases(releases: readonly SourceRelease[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  releases.forEach((release, index) => {
    const path = ['releases', index];
    problems.push(...checkWindow(release.validity, [...path, 'validity']));
    if (releases.findIndex((other) => other.version === release.version) !== index)
      problems.push({ path: [...path, 'version'], message: `Version ${release.version} is listed twice.` });
    for (const version of release.replaces ?? []) {
      const replaced = releases.findIndex((other) => other.version === version);
      if (replaced === -1 || replaced >= index)
        problems.push({
          path: [...path, 'replaces'],
          message: `Replaces ${version}, which is not a release listed before ${release.version}.`,
        });
    }
  });
  return problems;
}

/**
 * Checks every dated item once, whatever the release: windows are real days, the variants of one value do not
 * overlap, and no id of a list has two variants in force on the same day.
 */
function checkVariants(node: unknown, path: IssuePath): SourceProblem[] {
  const problems: SourceProblem[] = [];
  if (Array.isArray(node)) {
    const byId = new Map<string, { window: ValidityWindow; path: IssuePath }[]>();
    node.forEach((element, index) => {
      for (const variant of variantsOf(element, [...path, index])) {
        const id = isObject(variant.value) && typeof variant.value['id'] === 'string' ? variant.value['id'] : undefined;
        if (id === undefined) continue;
        const earlier = byId.get(id) ?? [];
        for (const other of earlier) {
          if (overlaps(other.window, variant.window)) {
            problems.push({
              path: variant.path,
              message: `"${id}" is also in force ${describeWindow(overlap(other.window, variant.window))} at ${formatPath(other.path)}; the variants of one id must not overlap.`,
            });
          }
        }
        byId.set(id, [...earlier, { window: variant.window, path: variant.path }]);
      }
    });
  }
  if (isObject(node)) {
    if ('$validity' in node) problems.push(...checkWindow(node['$validity'], [...path, '$validity']));
    if ('$dated' in node) {
      const variants = node['$dated'] as readonly { validity: ValidityWindow }[];
      variants.forEach((variant, index) => {
        problems.push(...checkWindow(variant.validity, [...path, '$dated', index, 'validity']));
        variants.slice(0, index).forEach((other, otherIndex) => {
          if (overlaps(other.validity, variant.validity)) {
            problems.push({
              path: [...path, '$dated', index, 'validity'],
              message: `Overlaps variant ${otherIndex} (${describeWindow(other.validity)}); a value has one variant per day.`,
            });
          }
        });
      });
    }
  }
  if (Array.isArray(node)) node.forEach((child, index) => problems.push(...checkVariants(child, [...path, index])));
  else if (isObject(node))
    for (const [key, child] of Object.entries(node)) problems.push(...checkVariants(child, [...path, key]));
  return problems;
}

/** The variants an element of a list stands for, each with its window (an undated element is in force throughout). */
function variantsOf(element: unknown, path: IssuePath): { value: unknown; window: ValidityWindow; path: IssuePath }[] {
  if (isObject(element) && '$dated' in element) {
    return (element['$dated'] as readonly { validity: ValidityWindow; value: unknown }[]).flatMap((variant, index) =>
      variantsOf(variant.value, [...path, '$dated', index, 'value']).map((inner) => ({
        ...inner,
        window: overlap(variant.validity, inner.window),
      })),
    );
  }
  const window =
    isObject(element) && '$validity' in element
      ? (element['$validity'] as ValidityWindow)
      : { from: '0000-01-01', to: null };
  return [{ value: element, window, path }];
}

interface ReleaseContext {
  readonly release: SourceRelease;
  readonly problems: SourceProblem[];
  /** Where each object or list of the document comes from in the source, by its path in the document. */
  readonly paths: Map<string, IssuePath>;
}

/** The document the source states for one release: the header, then the source's sections as in force then. */
function buildDocument(source: Record<string, unknown>, context: ReleaseContext): Record<string, unknown> {
  const { release } = context;
  const releasePath = ['releases', (source['releases'] as readonly SourceRelease[]).indexOf(release)];
  const own = (key: 'title' | 'description' | 'lastVerifiedOn'): [unknown, IssuePath] =>
    release[key] === undefined ? [source[key], [key]] : [release[key], [...releasePath, key]];
  const header: Record<(typeof HEADER)[number], [unknown, IssuePath]> = {
    // The snapshot names the ruleset schema that sits beside the source schema the source names.
    $schema: [
      typeof source['$schema'] === 'string' ? source['$schema'].replace(/[^/]*$/, 'ruleset.schema.json') : undefined,
      ['$schema'],
    ],
    id: [source['id'], ['id']],
    version: [release.version, [...releasePath, 'version']],
    kind: [source['kind'], ['kind']],
    extends: [source['extends'], ['extends']],
    appliesTo: [source['appliesTo'], ['appliesTo']],
    title: own('title'),
    description: own('description'),
    validity: [{ from: release.validity.from, to: release.validity.to }, [...releasePath, 'validity']],
    lastVerifiedOn: own('lastVerifiedOn'),
  };
  const document: Record<string, unknown> = {};
  context.paths.set('', []);
  for (const key of HEADER) {
    const [value, path] = header[key];
    const resolved = value === undefined ? ABSENT : resolveMember(value, path, [key], context);
    if (resolved !== ABSENT) document[key] = resolved;
  }
  for (const [key, child] of Object.entries(source)) {
    if (SOURCE_ONLY.has(key)) continue;
    const value = resolveMember(child, [key], [key], context);
    if (value !== ABSENT) document[key] = value;
  }
  return document;
}

/** A value in the position of a list element or an object's property: dated, limited to a window, or plain. */
function resolveMember(
  value: unknown,
  sourcePath: IssuePath,
  documentPath: IssuePath,
  context: ReleaseContext,
): Resolved {
  if (isObject(value) && '$dated' in value) {
    const variants = value['$dated'] as readonly { validity: ValidityWindow; value: unknown }[];
    const index = variants.findIndex((variant, position) =>
      applies(variant.validity, [...sourcePath, '$dated', position, 'validity'], context),
    );
    return index === -1
      ? ABSENT
      : resolveMember(
          (variants[index] as { value: unknown }).value,
          [...sourcePath, '$dated', index, 'value'],
          documentPath,
          context,
        );
  }
  if (
    isObject(value) &&
    '$validity' in value &&
    !applies(value['$validity'] as ValidityWindow, [...sourcePath, '$validity'], context)
  )
    return ABSENT;
  return resolve(value, sourcePath, documentPath, context);
}

function resolve(value: unknown, sourcePath: IssuePath, documentPath: IssuePath, context: ReleaseContext): unknown {
  if (Array.isArray(value)) {
    context.paths.set(formatPath(documentPath), sourcePath);
    const list: unknown[] = [];
    value.forEach((element, index) => {
      const resolved = resolveMember(element, [...sourcePath, index], [...documentPath, list.length], context);
      if (resolved !== ABSENT) list.push(resolved);
    });
    return list;
  }
  if (isObject(value)) {
    context.paths.set(formatPath(documentPath), sourcePath);
    const object: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$validity') continue;
      const resolved = resolveMember(child, [...sourcePath, key], [...documentPath, key], context);
      if (resolved !== ABSENT) object[key] = resolved;
    }
    return object;
  }
  return value;
}

/** Whether a dated window holds the release's window; a window that only partly overlaps it is a problem. */
function applies(window: ValidityWindow, path: IssuePath, context: ReleaseContext): boolean {
  const { release } = context;
  if (!overlaps(window, release.validity)) return false;
  if (contains(window, release.validity)) return true;
  context.problems.push({
    path,
    message: `In force ${describeWindow(window)}, which covers only part of release ${release.version} (${describeWindow(release.validity)}): a release states one law for its whole window. Split the release, or date the item so that its window holds the release's or misses it.`,
  });
  return false;
}

/** The generated document checked as the package's compiler checks it, each problem traced back to the source. */
function validateDocument(document: Record<string, unknown>, context: ReleaseContext): SourceProblem[] {
  const kind = document['kind'] === 'overlay' ? 'overlay' : 'base';
  let issues: readonly Issue[] = validateRulesetDocument(document, kind);
  if (issues.length === 0 && kind === 'base') {
    try {
      compileRuleset(document);
    } catch (error) {
      if (!(error instanceof RulesetError)) throw error;
      issues = error.issues;
    }
  }
  return issues.map((issue) => {
    let depth = issue.path.length;
    while (depth > 0 && !context.paths.has(formatPath(issue.path.slice(0, depth)))) depth--;
    const origin = [...(context.paths.get(formatPath(issue.path.slice(0, depth))) ?? []), ...issue.path.slice(depth)];
    return {
      path: origin,
      message: `in release ${context.release.version} (at ${formatPath(issue.path)} of ${String(document['version'])}.json): ${issue.message} [${issue.code}]`,
    };
  });
}

function checkWindow(window: unknown, path: IssuePath): SourceProblem[] {
  const { from, to } = window as ValidityWindow;
  const problems: SourceProblem[] = [];
  if (!isCalendarDate(from))
    problems.push({ path: [...path, 'from'], message: `${JSON.stringify(from)} is not a calendar day (YYYY-MM-DD).` });
  if (to !== null && !isCalendarDate(to))
    problems.push({
      path: [...path, 'to'],
      message: `${JSON.stringify(to)} is not a calendar day (YYYY-MM-DD) or null.`,
    });
  if (problems.length === 0 && to !== null && to < from)
    problems.push({ path, message: `Ends (${to}) before it starts (${from}).` });
  return problems;
}

function overlaps(a: ValidityWindow, b: ValidityWindow): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function contains(outer: ValidityWindow, inner: ValidityWindow): boolean {
  return outer.from <= inner.from && (outer.to === null || (inner.to !== null && inner.to <= outer.to));
}

function overlap(a: ValidityWindow, b: ValidityWindow): ValidityWindow {
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  return { from: a.from > b.from ? a.from : b.from, to };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerPath(pointer: string): IssuePath {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** sha256 of a file's bytes, as `sha256sum` prints it. */
export function fileSha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Writes the unpublished releases of every law package (or of the ids given), and checks that each published one
 * still has its recorded bytes. Returns what it did, one line per release.
 * @throws {SourceError} for the first package whose source has problems; nothing of that package is written.
 */
export function releaseRulesets(ids: readonly string[] = lawPackages()): string[] {
  const report: string[] = [];
  for (const id of ids) {
    const file = `rulesets/${id}/source.json`;
    const source = readSource(id);
    const generated = generateReleases(source, file);
    const published = ((source as { releases: readonly SourceRelease[] }).releases ?? []).filter(
      (release) => release.fileSha256 !== undefined,
    );
    const stale = published.flatMap((release) => {
      const path = new URL(`${id}/${release.version}.json`, root);
      const actual = existsSync(path) ? fileSha256(readFileSync(path)) : 'missing';
      return actual === release.fileSha256
        ? []
        : [
            `rulesets/${id}/${release.version}.json is published with sha256 ${release.fileSha256} but its bytes now hash to ${actual}: a released snapshot never changes. Restore it (git checkout) and release a correction as a new version.`,
          ];
    });
    if (stale.length > 0) throw new Error(stale.join('\n'));
    for (const release of (source as { releases: readonly SourceRelease[] }).releases) {
      const text = generated.find((candidate) => candidate.release === release)?.text;
      if (text === undefined) {
        report.push(`rulesets/${id}/${release.version}.json published, unchanged (sha256 ${release.fileSha256 ?? ''})`);
        continue;
      }
      const path = new URL(`${id}/${release.version}.json`, root);
      const unchanged = existsSync(path) && readFileSync(path, 'utf8') === text;
      if (!unchanged) writeFileSync(path, text);
      report.push(
        `rulesets/${id}/${release.version}.json ${unchanged ? 'unchanged' : 'written'} (sha256 ${fileSha256(text)})`,
      );
    }
  }
  return report;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    for (const line of releaseRulesets(process.argv.slice(2).length > 0 ? process.argv.slice(2) : undefined))
      console.log(line);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
