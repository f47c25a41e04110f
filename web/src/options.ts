import type { AnswerOption } from './questions';

/** From this many options on, a pick-list is a search field with suggestions (countries, member states) rather than a dropdown. */
export const SEARCHABLE_FROM = 15;

/** Options in the order a person looks for them by name ("Austria (AT)" before "Belgium (BE)"), whatever the data's order. */
export function sortedByLabel(options: readonly AnswerOption[]): AnswerOption[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...options].sort((a, b) => collator.compare(a.label, b.label));
}

/** A label without a trailing code in brackets: "Egypt (EG)" → "Egypt". */
function nameOf(label: string): string {
  return label.replace(/\s*\([^()]*\)\s*$/, '');
}

/**
 * The option a person typed into a search field: its label as suggested ("Egypt (EG)"), its name alone ("egypt"), or
 * its value ("EG"), ignoring case and surrounding spaces. `undefined` when nothing matches exactly: a search field
 * never guesses, so a half-typed name stays unanswered until a suggestion is taken.
 */
export function matchOption(options: readonly AnswerOption[], text: string): AnswerOption | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return undefined;
  return (
    options.find((option) => option.label.toLowerCase() === wanted) ??
    options.find((option) => option.value.toLowerCase() === wanted) ??
    options.find((option) => nameOf(option.label).toLowerCase() === wanted)
  );
}
