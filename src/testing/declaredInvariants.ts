import { plainDataIssues } from '../document/plainData';
import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
import type { Issue, IssuePath } from '../errors/issue';
import { BUNDLED_INVARIANTS } from '../rulesets/bundled';
import { INPUT_FACTS } from '../transaction/inputFacts';
import { OUTCOMES } from '../types/outcome';
import { at, checkFile, unknownKey } from './fileIssues';
import type { Invariant } from './invariants';

/** The invariants a ruleset package declares: `rulesets/<id>/invariants.json` (schema `schemas/invariants.schema.json`). */
export interface InvariantsFile {
  /** The id of the rulesets they are written for. */
  readonly ruleset: string;
  readonly description?: string;
  readonly invariants: readonly Invariant[];
}

/** The kinds an invariants file may declare: those written in a ruleset's vocabulary. */
const FILE_KINDS = ['fixedOutcome', 'neverLowers', 'neverChanges', 'questionsAnswerable'] as const;
/** Every kind `checkInvariants` checks: those, and the general ones any ruleset keeps. */
const KINDS = [...FILE_KINDS, 'possibleOutcomesSound', 'deterministic', 'coherent'] as const;
/** The kinds that change a transaction to check it (`edit`). */
const EDITING: readonly unknown[] = ['fixedOutcome', 'neverLowers', 'neverChanges'];

/**
 * Reads an invariants file (parsed JSON), checking its shape: the kinds written in a ruleset's vocabulary, edits that
 * name transaction fields (`set`) or record lists (`append`) and their record fields, and outcomes that exist. A file
 * is data from a ruleset package, so nothing in it is trusted further than that.
 * @throws {AssessmentError} `invalid_argument`, its issues naming each problem with its path in the file.
 *
 * @example
 * const declared = parseInvariants(JSON.parse(readFileSync('node_modules/dual-use-rules/rulesets/eu-2021-821-art5/invariants.json', 'utf8')));
 * checkInvariants(myRevision, { invariants: [...GENERAL_INVARIANTS, ...declared.invariants] });
 */
export function parseInvariants(value: unknown): InvariantsFile {
  checkFile('invariants file', value, fileProblems);
  return value as InvariantsFile;
}

function fileProblems(value: unknown): Issue[] {
  const problems: Issue[] = [];
  const file = record(value);
  if (typeof file['ruleset'] !== 'string' || !/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(file['ruleset']))
    problems.push(at('/ruleset', 'the id of the rulesets the invariants are for'));
  if (file['description'] !== undefined && typeof file['description'] !== 'string')
    problems.push(at('/description', 'text'));
  unknownKeys(file, ['$schema', 'ruleset', 'description', 'invariants'], '', problems);
  const invariants = file['invariants'];
  if (!Array.isArray(invariants)) problems.push(at('/invariants', 'a list of invariants'));
  else
    invariants.forEach((invariant: unknown, index) =>
      problems.push(...invariantProblems(record(invariant), `/invariants/${index}`, FILE_KINDS)),
    );
  return problems;
}

/** What is wrong with invariants given to `checkInvariants` (at `path`): not plain data, or not invariants. */
export function invariantIssues(invariants: readonly unknown[], path: IssuePath): Issue[] {
  const unsafe = plainDataIssues(invariants, path);
  if (unsafe.length > 0) return unsafe;
  return invariants.flatMap((invariant, index) =>
    invariantProblems(record(invariant), `/${[...path, index].join('/')}`, KINDS),
  );
}

function invariantProblems(invariant: Record<string, unknown>, path: string, kinds: readonly string[]): Issue[] {
  const problems: Issue[] = [];
  const kind = invariant['kind'];
  if (!(kinds as readonly unknown[]).includes(kind))
    problems.push(at(`${path}/kind`, `one of ${kinds.join(', ')}, not ${describeValue(kind)}`, kinds));
  for (const key of ['name', 'description'])
    if (typeof invariant[key] !== 'string' || invariant[key] === '') problems.push(at(`${path}/${key}`, 'text'));
  if (kind === 'fixedOutcome' && !(OUTCOMES as readonly unknown[]).includes(invariant['outcome']))
    problems.push(at(`${path}/outcome`, `one of ${OUTCOMES.join(', ')}`, OUTCOMES));
  unknownKeys(
    invariant,
    ['kind', 'name', 'description', 'edit', ...(kind === 'fixedOutcome' ? ['outcome'] : [])],
    path,
    problems,
  );
  if (!EDITING.includes(kind)) return problems;
  const edit = record(invariant['edit']);
  if ('set' in edit) {
    unknownKeys(edit, ['set'], `${path}/edit`, problems);
    const fields = Object.entries(record(edit['set']));
    if (fields.length === 0) problems.push(at(`${path}/edit/set`, 'at least one transaction field'));
    for (const [field, choice] of fields) {
      if (!INPUT_FACTS.has(field))
        problems.push(
          at(`${path}/edit/set/${field}`, `not a transaction field (${[...INPUT_FACTS.keys()].join(', ')})`),
        );
      problems.push(...choiceProblems(choice, `${path}/edit/set/${field}`));
    }
  } else if ('append' in edit) {
    unknownKeys(edit, ['append', 'record'], `${path}/edit`, problems);
    const list = typeof edit['append'] === 'string' ? INPUT_FACTS.get(edit['append']) : undefined;
    if (list?.fields === undefined)
      problems.push(
        at(
          `${path}/edit/append`,
          `a list of records of the transaction (${[...INPUT_FACTS]
            .filter(([, fact]) => fact.fields !== undefined)
            .map(([field]) => field)
            .join(', ')})`,
        ),
      );
    for (const [field, choice] of Object.entries(record(edit['record']))) {
      if (list?.fields !== undefined && !Object.hasOwn(list.fields, field))
        problems.push(at(`${path}/edit/record/${field}`, `not a field of ${String(edit['append'])} records`));
      problems.push(...choiceProblems(choice, `${path}/edit/record/${field}`));
    }
  } else problems.push(at(`${path}/edit`, '{ "set": { … } } or { "append": "…", "record": { … } }'));
  return problems;
}

function choiceProblems(choice: unknown, path: string): Issue[] {
  const values = record(choice)['oneOf'];
  return Array.isArray(values) && values.length > 0 && Object.keys(record(choice)).length === 1
    ? []
    : [at(path, '{ "oneOf": [at least one value] }')];
}

function unknownKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: Issue[],
): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) problems.push(unknownKey(path, key));
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

let declared: readonly InvariantsFile[] | undefined;

/** The invariants files of the ruleset packages shipped with the package, read once. */
export function bundledInvariantFiles(): readonly InvariantsFile[] {
  declared ??= BUNDLED_INVARIANTS.map(parseInvariants);
  return declared;
}

/** The invariants the shipped packages declare for rulesets with this id (none for an id no package declares any for). */
export function declaredInvariants(id: string): readonly Invariant[] {
  if (typeof id !== 'string')
    throw new AssessmentError({
      path: ['id'],
      code: 'invalid_argument',
      message: `id must be a ruleset id (a string), not ${describeValue(id)}.`,
    });
  return bundledInvariantFiles().flatMap((file) => (file.ruleset === id ? file.invariants : []));
}
