import { answeredPaths, getAnswer, type Draft } from './answers';
import type { Problem } from './problems';
import type { QuestionSpec } from './questions';

/**
 * The fields the officer has acted on, so that "Required, but missing." appears next to a field only after the
 * officer changed it (or loaded a file that gives it), never on a form just opened or an entry just added. A wrong
 * value is shown at once: it was typed or loaded, so the officer has acted on it.
 */
export class TouchedFields {
  readonly #keys = new Set<string>();

  /** A question, or one field of an entry of a repeatable question, was changed. */
  touch(fact: string, entry?: { readonly index: number; readonly field: string }): void {
    this.#keys.add(entry === undefined ? fact : `${fact}#${entry.index}.${entry.field}`);
  }

  /** A field outside the questions (the export date) was changed. */
  touchDetail(path: string): void {
    this.#keys.add(`detail:${path}`);
  }

  /** A loaded or restored draft: every question it answers, and every field of each entry it gives, counts as acted on. */
  touchDraft(draft: Draft, questions: readonly QuestionSpec[]): void {
    for (const path of answeredPaths(draft)) this.#keys.add(`detail:${path}`);
    for (const spec of questions) {
      const value = getAnswer(draft, spec.fact);
      if (value === undefined) continue;
      this.#keys.add(spec.fact);
      if (!Array.isArray(value)) continue;
      value.forEach((_, index) => {
        for (const field of spec.fields ?? []) this.#keys.add(`${spec.fact}#${index}.${field.name}`);
      });
    }
  }

  /** An entry was removed: its fields are forgotten and the later entries move up by one. */
  removeEntry(fact: string, index: number): void {
    const prefix = `${fact}#`;
    const moved: string[] = [];
    for (const key of [...this.#keys]) {
      if (!key.startsWith(prefix)) continue;
      const [position, field] = key.slice(prefix.length).split('.', 2) as [string, string];
      const at = Number(position);
      this.#keys.delete(key);
      if (at > index) moved.push(`${prefix}${at - 1}.${field}`);
      else if (at < index) moved.push(key);
    }
    for (const key of moved) this.#keys.add(key);
  }

  clear(): void {
    this.#keys.clear();
  }

  /** Whether a problem is shown next to its field: a missing answer only once the field was acted on, anything else always. */
  shows(problem: Problem): boolean {
    if (problem.code !== 'required') return true;
    if (problem.detail !== undefined && problem.fact === undefined) return this.#keys.has(`detail:${problem.detail}`);
    if (problem.fact === undefined) return false;
    if (problem.entry?.field !== undefined)
      return this.#keys.has(`${problem.fact}#${problem.entry.index}.${problem.entry.field}`);
    return this.#keys.has(problem.fact);
  }
}
