import type fc from 'fast-check';

/** A field of a transaction: where it sits, and the known values it takes. */
export interface FieldSlot {
  /** The object keys from the transaction's root to the field. */
  readonly path: readonly string[];
  /** Its known values, as the space draws them. */
  readonly values: fc.Arbitrary<unknown>;
  /** Always given: required by the contract, or given a default when absent (so absent is not unknown). */
  readonly required: boolean;
}

/** A records fact: the path of its list, and the fields of each record. */
export interface RecordsSlot {
  /** The object keys from the transaction's root to the list. */
  readonly path: readonly string[];
  readonly fields: readonly (FieldSlot & { readonly name: string })[];
}
