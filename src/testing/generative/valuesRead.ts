import { conditionRoots, isFactCondition, walkCondition } from '../../compile/rulesetContext';
import type { RulesetDocument } from '../../types/ruleset';

/**
 * The strings a ruleset tells apart in each transaction field it reads, by fact id (`endUser.type`) or, for a field of
 * a records fact's records, `<fact>.<field>` (`parties.country`): the values its comparisons name, the ids of the
 * catalogues its derivations look the field up in, and the values its record filters name. A transaction that draws
 * a field's values from these (and a few others) reaches every branch the ruleset has for that field.
 */
export function valuesRead(document: RulesetDocument): ReadonlyMap<string, ReadonlySet<string>> {
  const read = new Map<string, Set<string>>();
  const add = (field: string, values: readonly unknown[]) => {
    const set = read.get(field) ?? read.set(field, new Set()).get(field)!;
    // No transaction field holds the empty string (texts and ids are never empty): "" is compared with, not drawn.
    for (const value of values) if (typeof value === 'string' && value !== '') set.add(value);
  };
  const ids = (catalogue: string) => (document.catalogues?.[catalogue]?.entries ?? []).map((entry) => entry.id);
  for (const root of conditionRoots(document))
    for (const { node } of walkCondition(root.node, root.path))
      if (isFactCondition(node)) add(node.fact, Array.isArray(node.value) ? node.value : [node.value]);
  for (const fact of Object.values(document.facts ?? {})) {
    const derive = fact.derive;
    if (derive === undefined) continue;
    switch (derive.kind) {
      case 'memberOf':
        add(derive.of, ids(derive.catalogue));
        break;
      case 'firstMemberOf':
        for (const of of derive.of) add(of, ids(derive.catalogue));
        break;
      case 'lookup':
        add(derive.key, ids(derive.catalogue));
        break;
      case 'anyRecordIn':
        add(`${derive.of}.${derive.field}`, ids(derive.catalogue));
        break;
      default:
        break;
    }
    if ('where' in derive)
      for (const [field, values] of Object.entries(derive.where ?? {})) add(`${derive.of}.${field}`, values);
  }
  return read;
}
