import { describe, expect, test } from 'vitest';
import { answeredPaths, getAt, setAt, type Draft } from '../../web/src/answers';
import {
  answerCount,
  describeDraft,
  discardDraft,
  DRAFT_KEY,
  hasAnswers,
  readDraft,
  saveDraft,
  type KeyValueStore,
} from '../../web/src/draftStorage';

/** A stand-in for `window.localStorage`. */
function memoryStore(): KeyValueStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A browser that refuses storage (disabled, full, or blocked by policy). */
const refusingStore: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const now = new Date('2026-12-03T14:05:00Z');
const answered: Draft = {
  id: 'PO-4711',
  date: '2025-03-03',
  exporter: { country: 'FR' },
  item: { speciallyDesigned: true, capabilities: ['facial-recognition'] },
  dueDiligence: { mitigationPlan: false },
};

describe('draft storage', () => {
  test('a saved draft reads back with the ruleset picked and when it was saved', () => {
    const store = memoryStore();
    expect(saveDraft(store, answered, 'eu-2021-821-art5|auto', now)).toBe(true);
    expect(readDraft(store)).toEqual({
      draft: answered,
      ruleset: 'eu-2021-821-art5|auto',
      savedAt: '2026-12-03T14:05:00.000Z',
    });
  });

  test('a draft without answers (only the export date) is not kept, and saving it removes the one kept before', () => {
    const store = memoryStore();
    saveDraft(store, answered, undefined, now);
    expect(saveDraft(store, { date: '2025-03-03' }, undefined, now)).toBe(true);
    expect(store.items.has(DRAFT_KEY)).toBe(false);
    expect(readDraft(store)).toBeUndefined();
  });

  test('what cannot be read as a draft is ignored, not guessed at', () => {
    const store = memoryStore();
    for (const text of [
      'not json',
      '[]',
      '{"draft":[],"savedAt":"x"}',
      '{"draft":{"item":{"speciallyDesigned":true}}}',
      '{"draft":{"date":"2025-03-03"},"savedAt":"2026-12-03T14:05:00Z"}',
    ]) {
      store.setItem(DRAFT_KEY, text);
      expect(readDraft(store), text).toBeUndefined();
    }
    store.setItem(
      DRAFT_KEY,
      JSON.stringify({ draft: { item: { speciallyDesigned: true } }, savedAt: '2026-12-03T14:05:00Z', ruleset: 42 }),
    );
    expect(readDraft(store)).toEqual({ draft: { item: { speciallyDesigned: true } }, savedAt: '2026-12-03T14:05:00Z' });
  });

  test('a browser that refuses storage: saving says so, reading and discarding find nothing, and none of them throws', () => {
    expect(saveDraft(refusingStore, answered, undefined, now)).toBe(false);
    expect(saveDraft(undefined, answered, undefined, now)).toBe(false);
    expect(readDraft(refusingStore)).toBeUndefined();
    expect(() => discardDraft(refusingStore)).not.toThrow();
  });

  test('discarding removes the kept draft', () => {
    const store = memoryStore();
    saveDraft(store, answered, undefined, now);
    discardDraft(store);
    expect(readDraft(store)).toBeUndefined();
  });

  test('answers are counted by field, a list as one answer, the export date not at all', () => {
    expect(answerCount(answered)).toBe(5);
    expect(hasAnswers({ date: '2025-03-03' })).toBe(false);
    expect(hasAnswers({ redFlags: [] })).toBe(true);
    expect(answeredPaths(answered)).toEqual([
      'id',
      'date',
      'exporter.country',
      'item.speciallyDesigned',
      'item.capabilities',
      'dueDiligence.mitigationPlan',
    ]);
  });

  test('the restore offer names the reference, the number of answers and when the draft was last changed', () => {
    const text = describeDraft({ draft: answered, savedAt: now.toISOString() }, 'en-GB');
    expect(text).toMatch(/^“PO-4711”, 5 answers, last changed 3 Dec 2026/);
    expect(describeDraft({ draft: { exporter: { country: 'FR' } }, savedAt: 'not a date' })).toBe('1 answer');
  });
});

describe('setAt / getAt (paths with list indexes, as validation issues give them)', () => {
  test('replaces a value inside a list entry', () => {
    const draft: Draft = { findings: [{ concern: 'internal-repression', knowledge: 'suspicion' }] };
    expect(getAt(draft, ['findings', 0, 'knowledge'])).toBe('suspicion');
    expect(setAt(draft, ['findings', 0, 'knowledge'], 'grounds-for-suspicion')).toEqual({
      findings: [{ concern: 'internal-repression', knowledge: 'grounds-for-suspicion' }],
    });
    expect(draft.findings).toEqual([{ concern: 'internal-repression', knowledge: 'suspicion' }]);
  });

  test('removing never turns into an answer: a list left empty becomes unknown, not "none", and so does an empty section', () => {
    expect(setAt({ redFlags: ['foo', 'prior-misuse'] }, ['redFlags', 0], undefined)).toEqual({
      redFlags: ['prior-misuse'],
    });
    expect(setAt({ date: '2025-03-03', redFlags: ['foo'] }, ['redFlags', 0], undefined)).toEqual({
      date: '2025-03-03',
    });
    expect(
      setAt({ date: '2025-03-03', item: { speciallyDesinged: true } }, ['item', 'speciallyDesinged'], undefined),
    ).toEqual({ date: '2025-03-03' });
  });

  test('a value set where sections are missing creates them; a removal where nothing is leaves the draft as it is', () => {
    const draft: Draft = { item: { speciallyDesigned: true }, redFlags: ['prior-misuse'] };
    expect(setAt(draft, ['exporter', 'country'], 'FR')).toEqual({ ...draft, exporter: { country: 'FR' } });
    expect(setAt(draft, ['exporter', 'country'], undefined)).toEqual(draft);
    expect(setAt(draft, ['redFlags', 3], undefined)).toEqual(draft);
    expect(getAt(draft, ['redFlags', 3])).toBeUndefined();
    expect(getAt(draft, ['item', 'speciallyDesigned', 'x'])).toBeUndefined();
  });
});
