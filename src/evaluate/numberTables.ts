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
    if (number < 0 || index < 0)
      throw new RangeError(`An index and its number are at least 0, not ${index} and ${number}.`);
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
  /** Entries per slot: the number kept (-1 for an empty slot), then the tuple. */
  readonly #stride: number;
  #capacity = 16;
  #size = 0;
  /**
   * The slots, each a number followed by its tuple: side by side, a probe reads one cache line where two arrays
   * (numbers, tuples) cost two misses. The tables of a large ruleset outgrow the cache, so this is most of a lookup.
   */
  #slots: Int32Array;

  /** @param arity - The length of every tuple kept in this table. */
  constructor(arity: number) {
    this.#arity = arity;
    this.#stride = arity + 1;
    this.#slots = emptySlots(this.#capacity, this.#stride);
  }

  /** How many tuples have a number kept. */
  get size(): number {
    return this.#size;
  }

  /** The number kept for `tuple` (its first `arity` entries), or -1 when none is. */
  get(tuple: ArrayLike<number>): number {
    return this.#slots[this.#find(tuple)] as number;
  }

  /** Keeps `number` (at least 0) for `tuple` (its first `arity` entries, each at least 0), replacing any number kept before. */
  set(tuple: ArrayLike<number>, number: number): void {
    if (number < 0) throw new RangeError(`A tuple's number is at least 0, not ${number}.`);
    let offset = this.#find(tuple);
    if (this.#slots[offset] === -1) {
      // Kept at most half full, so that a probe ends soon at an empty slot.
      if (2 * (this.#size + 1) > this.#capacity) {
        this.#grow();
        offset = this.#find(tuple);
      }
      for (let index = 0; index < this.#arity; index++) this.#slots[offset + 1 + index] = tuple[index] as number;
      this.#size++;
    }
    this.#slots[offset] = number;
  }

  /** The offset of the slot that holds `tuple`, or of the empty slot where it would go. */
  #find(tuple: ArrayLike<number>): number {
    const arity = this.#arity;
    const stride = this.#stride;
    const slots = this.#slots;
    const mask = this.#capacity - 1;
    let hash = arity;
    for (let index = 0; index < arity; index++)
      hash = Math.imul(hash ^ (tuple[index] as number), 0x9e3779b1) ^ (hash >>> 15);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const offset = slot * stride;
      if (slots[offset] === -1) return offset;
      let index = 0;
      while (index < arity && slots[offset + 1 + index] === tuple[index]) index++;
      if (index === arity) return offset;
    }
  }

  #grow(): void {
    const stride = this.#stride;
    const old = this.#slots;
    this.#capacity *= 2;
    this.#slots = emptySlots(this.#capacity, stride);
    for (let offset = 0; offset < old.length; offset += stride) {
      if (old[offset] === -1) continue;
      const tuple = old.subarray(offset + 1, offset + stride);
      this.#slots.set(old.subarray(offset, offset + stride), this.#find(tuple));
    }
  }
}

/** Slots all empty: each slot's number (its first entry) is -1. */
function emptySlots(capacity: number, stride: number): Int32Array {
  const slots = new Int32Array(capacity * stride);
  for (let offset = 0; offset < slots.length; offset += stride) slots[offset] = -1;
  return slots;
}
