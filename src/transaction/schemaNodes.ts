/**
 * Reading the transaction contract as JSON Schema (`schemas/transaction.schema.json`, `transactionJsonSchema()`): where
 * a field's schema is, and whether the contract requires it. Shared by `listQuestions` (which the questionnaire is built
 * on) and the answerability check of dual-use-rules/testing (`questionPaths.ts`).
 */

/** The parts of a JSON Schema node that are read here and by those who walk the contract. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly description?: string;
  readonly default?: unknown;
}

/**
 * The schema node of a transaction field, through the `anyOf: [object, null]` wrappers of optional objects;
 * `undefined` when the contract has no such field (a key is looked up among the node's own properties only).
 */
export function schemaAt(root: SchemaNode, path: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    const properties: Readonly<Record<string, SchemaNode>> | undefined = nonNull(node)?.properties;
    node = properties !== undefined && Object.hasOwn(properties, key) ? properties[key] : undefined;
  }
  return node;
}

/** Whether the contract requires a field: it and every object on the way to it are required. */
export function isRequiredAt(root: SchemaNode, path: readonly string[]): boolean {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    const parent = nonNull(node);
    if (!(parent?.required ?? []).includes(key)) return false;
    node = parent?.properties?.[key];
  }
  return true;
}

/** The branch of an `anyOf` that is not `null`; the node itself when it has no `anyOf`. */
export function nonNull(node: SchemaNode | undefined): SchemaNode | undefined {
  return node?.anyOf?.find((branch) => branch.type !== 'null') ?? node;
}
