import type { ShowWhen } from '../../src/index';
import { getAnswer, type Draft } from './answers';
import type { QuestionSpec } from './questions';

/** Whether a question holds an answer in the draft: its field, or, for a statement, its source. */
export function holdsAnswer(spec: QuestionSpec, draft: Draft): boolean {
  const given = (path: string) => {
    const value = getAnswer(draft, path);
    return value !== undefined && value !== null;
  };
  return given(spec.fact) || (spec.source !== undefined && given(spec.source.fact));
}

/**
 * The answered questions whose answer cannot matter for this draft: read only as a fallback that earlier answers
 * settle (e.g. where the items are, for an exporter established in a member state). The form says so next to them.
 * (A question shown while the assessment asks it stops being asked once answered, so nothing here can say that its
 * answer does not matter.)
 */
export function unusedAnswers(questions: readonly QuestionSpec[], draft: Draft): Set<string> {
  return new Set(
    questions
      .filter((spec) => spec.showWhen?.kind === 'fallback' && holdsAnswer(spec, draft) && waits(spec.showWhen, draft))
      .map((spec) => spec.fact),
  );
}

/**
 * The questions the form hides for this draft: those `listQuestions` says may wait until they matter (`showWhen`),
 * while they wait. A question that holds an answer, or that the assessment asks (`asked`), is never hidden, so
 * hiding never keeps the officer from what the library asks or from an answer given.
 */
export function hiddenFacts(questions: readonly QuestionSpec[], draft: Draft, asked: ReadonlySet<string>): Set<string> {
  const hidden = new Set<string>();
  for (const spec of questions) {
    if (spec.showWhen === undefined || asked.has(spec.fact) || holdsAnswer(spec, draft)) continue;
    if (waits(spec.showWhen, draft)) hidden.add(spec.fact);
  }
  return hidden;
}

function waits(showWhen: ShowWhen, draft: Draft): boolean {
  switch (showWhen.kind) {
    case 'asked':
      return true;
    case 'fallback':
      // Read once every earlier fact of one case holds an answer outside what settles the matter before it.
      return !showWhen.cases.some((entry) =>
        entry.after.every((fact) => {
          const value = getAnswer(draft, fact);
          return typeof value === 'string' && !entry.except.includes(value);
        }),
      );
  }
}
