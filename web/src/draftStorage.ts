import { answeredPaths, type Draft } from './answers';

/**
 * The draft kept in the browser between visits: the answers, the ruleset picked, and when it was saved. It lives in
 * the browser's local storage for this page only; nothing is sent anywhere.
 */
export interface StoredDraft {
  readonly draft: Draft;
  /** The ruleset picker's value (`id|auto` or `id|version`), when one was saved. */
  readonly ruleset?: string;
  /** When it was saved (ISO 8601). */
  readonly savedAt: string;
}

/** The part of the Web Storage API the draft needs (`window.localStorage` has it); a test passes a stand-in. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key. The version suffix lets a later format be read, or ignored, without mistaking it for this one. */
export const DRAFT_KEY = 'dual-use-rules.questionnaire.draft.v1';

/** The fields that identify rather than answer: a draft holding nothing else has nothing to lose. */
const NOT_ANSWERS = new Set(['date']);

/** How many fields of the draft hold an answer (the export date alone does not count). */
export function answerCount(draft: Draft): number {
  return answeredPaths(draft).filter((path) => !NOT_ANSWERS.has(path)).length;
}

/** Whether discarding the draft would lose anything the officer entered. */
export function hasAnswers(draft: Draft): boolean {
  return answerCount(draft) > 0;
}

/**
 * Keeps the draft; a draft without answers removes the kept one instead, so "Start over" leaves nothing behind.
 * Returns false when the browser refuses (storage disabled, full, or blocked by policy): the caller says so.
 */
export function saveDraft(
  store: KeyValueStore | undefined,
  draft: Draft,
  ruleset: string | undefined,
  now: Date,
): boolean {
  if (store === undefined) return false;
  try {
    if (!hasAnswers(draft)) store.removeItem(DRAFT_KEY);
    else
      store.setItem(
        DRAFT_KEY,
        JSON.stringify({
          draft,
          ...(ruleset === undefined ? {} : { ruleset }),
          savedAt: now.toISOString(),
        } satisfies StoredDraft),
      );
    return true;
  } catch {
    return false;
  }
}

/** The kept draft, or `undefined` when there is none, it holds no answers, or it cannot be read (it is then ignored, not guessed at). */
export function readDraft(store: KeyValueStore | undefined): StoredDraft | undefined {
  let text: string | null;
  try {
    text = store?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || !isObject(parsed.draft) || typeof parsed.savedAt !== 'string') return undefined;
  const draft = parsed.draft as Draft;
  if (!hasAnswers(draft)) return undefined;
  return { draft, savedAt: parsed.savedAt, ...(typeof parsed.ruleset === 'string' ? { ruleset: parsed.ruleset } : {}) };
}

/** Removes the kept draft. */
export function discardDraft(store: KeyValueStore | undefined): void {
  try {
    store?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing was kept, or the browser forbids storage: either way nothing is left to remove.
  }
}

/** One line naming a kept draft for the restore offer: its reference, how many answers, and when it was saved. */
export function describeDraft(stored: StoredDraft, locale?: string): string {
  const count = answerCount(stored.draft);
  const reference =
    typeof stored.draft.id === 'string' && stored.draft.id.trim() !== '' ? `“${stored.draft.id.trim()}”, ` : '';
  const saved = new Date(stored.savedAt);
  const when = Number.isNaN(saved.getTime())
    ? ''
    : `, last changed ${saved.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}`;
  return `${reference}${count} ${count === 1 ? 'answer' : 'answers'}${when}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
