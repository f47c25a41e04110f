/** Where a problem is, as a list of object keys and array indexes from the document's root. */
export type IssuePath = readonly (string | number)[];
