import { AssessmentError } from '../errors/AssessmentError';
import { checkAsOf, isInForce, today } from '../time/dates';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { LoadOptions } from '../types/registry';
import { DEFAULT_RULESET_ID } from './bundled';
import { compose } from './compose';
import { basesOf, overlaysOn, type Entry } from './entries';
import { describeWindows } from './windows';

/**
 * `RulesetRegistry.load` over a registry's entries: the base version asked for or in force on the date, with the
 * overlays in force on that date. `sealed` registries (the bundled one) word their errors as "bundled".
 */
export function loadFrom(
  entries: readonly Entry[],
  sealed: boolean,
  id: string = DEFAULT_RULESET_ID,
  options: LoadOptions = {},
): CompiledRuleset {
  checkAsOf(options.asOf);
  if (basesOf(entries, id, true).length === 0) {
    const known = [
      ...new Set(entries.filter((entry) => entry.document.kind === 'base').map((entry) => entry.document.id)),
    ];
    throw new AssessmentError({
      path: ['id'],
      code: 'unknown_ruleset',
      id,
      message:
        `No ruleset with the id "${id}" is ${sealed ? 'bundled' : 'registered'}. ` +
        `${sealed ? 'Bundled' : 'Registered'}: ${known.join(', ') || 'none'}.`,
    });
  }
  const date = options.asOf ?? (options.version === undefined ? today() : undefined);
  const base = selectBase(id, basesOf(entries, id), basesOf(entries, id, true), options.version, date);
  return compose(base, date === undefined ? [] : overlaysOn(entries, id, date));
}

function selectBase(
  id: string,
  selectable: readonly Entry[],
  all: readonly Entry[],
  version: string | undefined,
  date: string | undefined,
): Entry {
  const windows = describeWindows(selectable.map((entry) => entry.document));
  if (version !== undefined) {
    const chosen = all.find((entry) => entry.document.version === version);
    if (chosen === undefined)
      throw new AssessmentError({
        path: ['options', 'version'],
        code: 'unknown_ruleset',
        id,
        message: `Ruleset "${id}" has no version ${version} (versions ${windows}).`,
      });
    if (date !== undefined && !isInForce(chosen.document.validity, date)) {
      throw new AssessmentError({
        path: ['options', 'asOf'],
        code: 'ruleset_not_in_force',
        date,
        message: `Version ${version} of "${id}" is not in force on ${date} (versions ${windows}).`,
      });
    }
    return chosen;
  }
  const chosen = selectable.find((entry) => isInForce(entry.document.validity, date as string));
  if (chosen === undefined)
    throw new AssessmentError({
      path: ['options', 'asOf'],
      code: 'ruleset_not_in_force',
      date: date as string,
      message: `No version of "${id}" is in force on ${date as string}; versions ${windows}.`,
    });
  return chosen;
}
