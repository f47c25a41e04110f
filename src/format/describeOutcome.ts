import type { TruthValue } from '../types/assessment';
import type { Outcome } from '../types/outcome';

/** How urgently an outcome asks the reader to act, for colouring: stop (do not export as is), caution, clear, or neutral. */
export type OutcomeTone = 'stop' | 'caution' | 'clear' | 'neutral';

const TONES: Readonly<Record<Outcome, OutcomeTone>> = {
  authorisation_required: 'stop',
  notification_required: 'stop',
  insufficient_information: 'caution',
  enhanced_due_diligence: 'caution',
  no_obligation: 'clear',
  not_applicable: 'neutral',
};

/** An outcome as a heading: `notification_required` becomes `Notification required`. */
export function outcomeLabel(outcome: Outcome): string {
  const words = outcome.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The tone an outcome is shown in. */
export function outcomeTone(outcome: Outcome): OutcomeTone {
  return TONES[outcome];
}

/** A three-valued result as one symbol: ✓ true, ✗ false, ? unknown. */
export const TRUTH_MARK: Readonly<Record<TruthValue, string>> = { true: '✓', false: '✗', unknown: '?' };
