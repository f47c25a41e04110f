/**
 * Numbers kept by non-negative integer index, -1 where none is: a typed array that doubles when an index needs it.
 * Unlike a JS array written at scattered indexes, it never falls back to a dictionary.
 */
export class NumbersByIndex {
  #numbers = new Int32Array(16).fill(-1);

  /** The number kept at `index`, or -1. */
  get(index: number): number {
    return index < this.#numbers.length ? (this.#numbers[index] as number) : -1;
  }

  /** Keeps `number` (at least 0) at `index` (at least 0). */
  set(index: number, number: number): void {
    if (number < 0 || index < 0) throw new RangeError(`An index and its number are at least 0, not ${index} and ${number}.`);
    if (index >= this.#numbers.length) {
      let length = this.#numbers.length;
      while (length <= index) length *= 2;
      const grown = new Int32Array(length).fill(-1);
      grown.set(this.#numbers);
      this.#numbers = grown;
    }
    this.#numbers[index] = number;
  }
}

/**
 * Numbers kept for tuples of non-negative 32-bit integers of one length, found again without allocating: an
 * open-addressing hash table over typed arrays. The compiled evaluator finds here a group's interned trace by its
 * children's trace numbers and a rule's interned step by the numbers of the values it reads; assessments find their
 * shared questions and lists of notes. Each is looked up once or more per transaction, so it must cost no more than a
 * few array reads.
 */
export class TupleNumbers {
  readonly #arity: number;
  #capacity = 16;
  #size = 0;
  /** The tuples, `arity` entries per slot. */
  #tuples: Int32Array;
  /** The number kept in each slot, or -1 for an empty slot. */
  #numbers: Int32Array;

  /** @param arity - The length of every tuple kept in this table. */
  constructor(arity: number) {
    this.#arity = arity;
    this.#tuples = new Int32Array(this.#capacity * arity);
    this.#numbers = new Int32Array(this.#capacity).fill(-1);
  }

  /** How many tuples have a number kept. */
  get size(): number {
    return this.#size;
  }

  /** The number kept for `tuple` (its first `arity` entries), or -1 when none is. */
  get(tuple: ArrayLike<number>): number {
    const slot = this.#find(tuple);
    return this.#numbers[slot] as number;
  }

  /** Keeps `number` (at least 0) for `tuple` (its first `arity` entries, each at least 0), replacing any number kept before. */
  set(tuple: ArrayLike<number>, number: number): void {
    if (number < 0) throw new RangeError(`A tuple's number is at least 0, not ${number}.`);
    let slot = this.#find(tuple);
    if (this.#numbers[slot] === -1) {
      // Kept at most half full, so that a probe ends soon at an empty slot.
      if (2 * (this.#size + 1) > this.#capacity) {
        this.#grow();
        slot = this.#find(tuple);
      }
      for (let index = 0; index < this.#arity; index++) this.#tuples[slot * this.#arity + index] = tuple[index] as number;
      this.#size++;
    }
    this.#numbers[slot] = number;
  }

  /** The slot that holds `tuple`, or the empty slot where it would go. */
  #find(tuple: ArrayLike<number>): number {
    const arity = this.#arity;
    const tuples = this.#tuples;
    const numbers = this.#numbers;
    const mask = this.#capacity - 1;
    let hash = arity;
    for (let index = 0; index < arity; index++) hash = Math.imul(hash ^ (tuple[index] as number), 0x9e3779b1) ^ (hash >>> 15);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (numbers[slot] === -1) return slot;
      const offset = slot * arity;
      let index = 0;
      while (index < arity && tuples[offset + index] === tuple[index]) index++;
      if (index === arity) return slot;
    }
  }

  #grow(): void {
    const arity = this.#arity;
    const tuples = this.#tuples;
    const numbers = this.#numbers;
    this.#capacity *= 2;
    this.#tuples = new Int32Array(this.#capacity * arity);
    this.#numbers = new Int32Array(this.#capacity).fill(-1);
    for (let slot = 0; slot < numbers.length; slot++) {
      const number = numbers[slot] as number;
      if (number === -1) continue;
      const tuple = tuples.subarray(slot * arity, (slot + 1) * arity);
      const target = this.#find(tuple);
      this.#tuples.set(tuple, target * arity);
      this.#numbers[target] = number;
    }
  }
}
