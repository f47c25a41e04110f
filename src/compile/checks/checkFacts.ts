import type { Issue, IssuePath } from '../../errors/issue';
import { INPUT_FACTS } from '../../transaction/inputFacts';
import type { FactDefinition, FactType } from '../../types/ruleset';
import { derivationInputs } from '../derivationInputs';
import { scaleOf, type RulesetContext } from '../rulesetContext';
import { attributeOf } from './attributeOf';
import { checkRecordFilter } from './recordFilter';

/**
 * Input facts must be transaction fields of the declared type; derived facts must read declared facts of the right
 * types, from declared catalogues and scales, without cycles.
 */
export function checkFacts(context: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  for (const [id, fact] of context.facts) {
    const path: IssuePath = ['facts', id];
    issues.push(
      ...(fact.derive === undefined ? checkInputFact(id, fact, path) : checkDerivedFact(context, fact, path)),
    );
  }
  issues.push(...checkDerivationCycles(context));
  return issues;
}

function checkInputFact(id: string, fact: FactDefinition, path: IssuePath): Issue[] {
  const input = INPUT_FACTS.get(id);
  if (input === undefined) {
    return [
      {
        path,
        code: 'unknown_input_fact',
        fact: id,
        message:
          `"${id}" is not a transaction field and has no "derive"; input facts are named by their ` +
          `transaction path (e.g. "item.speciallyDesigned").`,
      },
    ];
  }
  if (input.type !== fact.type) {
    return [
      {
        path: [...path, 'type'],
        code: 'fact_type_mismatch',
        fact: id,
        message: `The transaction field "${id}" is of type "${input.type}", not "${fact.type}".`,
      },
    ];
  }
  return [];
}

function checkDerivedFact(context: RulesetContext, fact: FactDefinition, path: IssuePath): Issue[] {
  const derive = fact.derive;
  if (derive === undefined) return [];
  const at: IssuePath = [...path, 'derive'];
  const issues: Issue[] = [];
  const expectType = (type: FactType) => {
    if (fact.type !== type)
      issues.push({
        path: [...path, 'type'],
        code: 'fact_type_mismatch',
        fact: String(path[1]),
        message: `A "${derive.kind}" fact is of type "${type}", not "${fact.type}".`,
      });
  };
  const readFact = (factId: string, types: readonly FactType[], where: IssuePath) => {
    const read = context.facts.get(factId);
    if (read === undefined)
      issues.push({
        path: where,
        code: 'undeclared_fact',
        fact: factId,
        message: `The fact "${factId}" is not declared in "facts".`,
      });
    else if (!types.includes(read.type))
      issues.push({
        path: where,
        code: 'fact_type_mismatch',
        fact: factId,
        message: `"${factId}" is of type "${read.type}"; "${derive.kind}" reads ${types.join(' or ')} facts.`,
      });
    return read;
  };
  const catalogue = 'catalogue' in derive ? context.catalogues.get(derive.catalogue) : undefined;
  if ('catalogue' in derive && catalogue === undefined)
    issues.push(undeclared('catalogue', derive.catalogue, [...at, 'catalogue']));
  const attributeValues = (attribute: string) => {
    const entries = (catalogue?.entries ?? []).map((entry, index) => ({ value: attributeOf(entry, attribute), index }));
    if (catalogue !== undefined && entries.every(({ value }) => value === undefined)) {
      issues.push({
        path: [...at, 'attribute'],
        code: 'undeclared_attribute',
        attribute,
        message:
          `No entry of the catalogue "${(derive as { catalogue: string }).catalogue}" has the ` +
          `attribute "${attribute}".`,
      });
    }
    return entries;
  };
  switch (derive.kind) {
    case 'memberOf':
      expectType('boolean');
      readFact(derive.of, ['string'], [...at, 'of']);
      break;
    case 'firstMemberOf':
      expectType('string');
      derive.of.forEach((factId, index) => readFact(factId, ['string'], [...at, 'of', index]));
      if (derive.attribute !== undefined) {
        for (const { value, index } of attributeValues(derive.attribute)) {
          if (value !== undefined && value !== null && typeof value !== 'string')
            issues.push({
              path: ['catalogues', derive.catalogue, 'entries', index, 'attributes', derive.attribute],
              code: 'attribute_type_mismatch',
              fact: String(path[1]),
              message: `Expected a string (or null for unknown), as the fact "${path[1]}" reads it.`,
            });
        }
      }
      break;
    case 'firstKnown': {
      const types = new Set<FactType>();
      derive.of.forEach((factId, index) => {
        const read = readFact(factId, ['boolean', 'string', 'number', 'level'], [...at, 'of', index]);
        if (read !== undefined) types.add(read.type);
      });
      for (const type of types) expectType(type);
      const scales = new Set(derive.of.map((factId) => scaleOf(context, factId)));
      if (fact.type === 'level' && scales.size > 1)
        issues.push({
          path: [...at, 'of'],
          code: 'scale_mismatch',
          message: 'The level facts a "firstKnown" fact reads must share one scale.',
        });
      break;
    }
    case 'lookup': {
      readFact(derive.key, ['string'], [...at, 'key']);
      if (!['boolean', 'string', 'number'].includes(fact.type)) {
        issues.push({
          path: [...path, 'type'],
          code: 'fact_type_mismatch',
          fact: String(path[1]),
          message: 'A "lookup" fact is of type "boolean", "string" or "number".',
        });
      }
      for (const { value, index } of attributeValues(derive.attribute)) {
        if (value !== undefined && value !== null && typeof value !== fact.type) {
          issues.push({
            path: ['catalogues', derive.catalogue, 'entries', index, 'attributes', derive.attribute],
            code: 'attribute_type_mismatch',
            fact: String(path[1]),
            message: `Expected a ${fact.type} (or null for unknown), as the fact "${path[1]}" reads it.`,
          });
        }
      }
      break;
    }
    case 'count':
      expectType('number');
      readFact(derive.of, ['list', 'records'], [...at, 'of']);
      break;
    case 'sum':
    case 'collect': {
      expectType(derive.kind === 'sum' ? 'number' : 'list');
      const read = readFact(derive.of, ['list'], [...at, 'of']);
      const bound = read?.answers?.catalogue;
      if (read !== undefined && bound !== derive.catalogue) {
        issues.push({
          path: [...at, 'catalogue'],
          code: 'catalogue_mismatch',
          fact: derive.of,
          message:
            `"${derive.of}" takes its ids from ` +
            `${bound === undefined ? 'no catalogue' : `the catalogue "${bound}"`}, not ` +
            `"${derive.catalogue}".`,
        });
      }
      // A summed attribute's values are weights, which checkWeights checks.
      for (const { value, index } of attributeValues(derive.attribute)) {
        if (derive.kind === 'collect' && value !== undefined && value !== null && typeof value !== 'string')
          issues.push({
            path: ['catalogues', derive.catalogue, 'entries', index, 'attributes', derive.attribute],
            code: 'attribute_type_mismatch',
            fact: String(path[1]),
            message: `Expected a string (or null for not known): "${path[1]}" collects it.`,
          });
      }
      break;
    }
    case 'anyRecordIn':
    case 'recordsComplete': {
      expectType('boolean');
      const read = readFact(derive.of, ['records'], [...at, 'of']);
      const input = read === undefined ? undefined : INPUT_FACTS.get(derive.of);
      if (input?.fields === undefined) break;
      const fields = input.fields;
      const named = derive.kind === 'anyRecordIn' ? [derive.field] : derive.fields;
      named.forEach((field, index) => {
        if (!Object.hasOwn(fields, field))
          issues.push({
            path: derive.kind === 'anyRecordIn' ? [...at, 'field'] : [...at, 'fields', index],
            code: 'invalid_field',
            field,
            message: `"${derive.of}" records have no field "${field}" (fields: ${Object.keys(fields).join(', ')}).`,
          });
      });
      issues.push(...checkRecordFilter(derive.of, fields, input.listFields ?? [], derive.where, at));
      break;
    }
    case 'maxLevel': {
      expectType('level');
      const read = readFact(derive.of, ['records'], [...at, 'of']);
      const levels = context.scaleLevels.get(derive.scale);
      if (levels === undefined) issues.push(undeclared('scale', derive.scale, [...at, 'scale']));
      const fields = read === undefined ? undefined : INPUT_FACTS.get(derive.of)?.fields;
      if (fields === undefined) break;
      const fieldValues = Object.hasOwn(fields, derive.field) ? fields[derive.field] : undefined;
      if (fieldValues === undefined || fieldValues === null) {
        issues.push({
          path: [...at, 'field'],
          code: 'invalid_field',
          field: derive.field,
          message:
            `"${derive.of}" records have no field "${derive.field}" with fixed values (fields: ` +
            `${Object.keys(fields).join(', ')}).`,
        });
      } else if (levels !== undefined) {
        for (const value of fieldValues) {
          if (!levels.includes(value))
            issues.push({
              path: [...at, 'scale'],
              code: 'scale_mismatch',
              message:
                `The scale "${derive.scale}" lacks the level "${value}", which ` +
                `"${derive.of}.${derive.field}" can hold.`,
            });
        }
        if (fieldValues.includes(levels[0] as string)) {
          issues.push({
            path: [...at, 'scale'],
            code: 'scale_mismatch',
            message: `The scale's first level stands for "nothing found" and must not be a value of "${derive.field}".`,
          });
        }
      }
      issues.push(
        ...checkRecordFilter(derive.of, fields, INPUT_FACTS.get(derive.of)?.listFields ?? [], derive.where, at),
      );
      break;
    }
  }
  return issues;
}

function checkDerivationCycles(context: RulesetContext): Issue[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const issues: Issue[] = [];
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      issues.push({
        path: ['facts', id, 'derive'],
        code: 'derivation_cycle',
        cycle,
        message: `Derived facts depend on each other in a cycle: ${cycle.join(' → ')}.`,
      });
      return;
    }
    state.set(id, 'visiting');
    const derive = context.facts.get(id)?.derive;
    if (derive !== undefined)
      for (const input of derivationInputs(derive)) if (context.facts.has(input)) visit(input, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of context.facts.keys()) visit(id, []);
  return issues;
}

function undeclared(what: 'catalogue' | 'scale', id: string, path: IssuePath): Issue {
  const message = `The ${what} "${id}" is not declared in "${what === 'catalogue' ? 'catalogues' : 'scales'}".`;
  return what === 'catalogue'
    ? { path, code: 'undeclared_catalogue', catalogue: id, message }
    : { path, code: 'undeclared_scale', scale: id, message };
}
