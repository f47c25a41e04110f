import type { AttributeValue, CatalogueEntryDefinition } from '../../types/ruleset';

/** A catalogue entry's own attribute, never one inherited from `Object.prototype`; `undefined` when it has none. */
export function attributeOf(entry: CatalogueEntryDefinition, attribute: string): AttributeValue | undefined {
  return entry.attributes !== undefined && Object.hasOwn(entry.attributes, attribute)
    ? entry.attributes[attribute]
    : undefined;
}
