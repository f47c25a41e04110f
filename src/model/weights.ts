/**
 * The largest weight a catalogue entry may give a `sum` derivation. A catalogue holds at most 1,000 entries, so a sum
 * stays below 10^9, far inside the integers a double holds exactly (2^53): adding whole weights is exact.
 */
export const MAX_WEIGHT = 1_000_000;

/**
 * Whether a value is a weight a `sum` adds: a whole number from 0 to `MAX_WEIGHT`. Whole, so that sums are exact and
 * the same in every order of the ids (fractions in binary floating point are not: 0.1 + 0.2 + 0.3 differs from
 * 0.3 + 0.2 + 0.1); non-negative, so that one more id never makes a sum smaller.
 */
export function isWeight(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_WEIGHT;
}

/**
 * The summing function of one `sum` derivation: the total of the weights of the distinct ids of a list, or `null`
 * (unknown) when one of them has no weight (`null` in its catalogue: not known), never a total without it. The one
 * place weights are added: both evaluators read the facts it computes.
 *
 * @param weightOf - An id's weight as its catalogue entry gives it (`undefined` when the id is not in the catalogue).
 */
export function createWeightSum(weightOf: (id: string) => unknown): (ids: readonly string[]) => number | null {
  // One Set for every call rather than one per call: a sum runs synchronously and calls nothing that sums.
  const seen = new Set<string>();
  return (ids) => {
    let total = 0;
    seen.clear();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const weight = weightOf(id);
      if (!isWeight(weight)) return null;
      total += weight;
    }
    return total;
  };
}
