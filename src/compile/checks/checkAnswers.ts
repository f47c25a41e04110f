import type { Issue, IssuePath } from '../../errors/issue';
import { catalogueRecordFields, INPUT_FACTS } from '../../transaction/inputFacts';
import { CATALOGUE_FIELDS } from '../../transaction/transactionSchema';
import type { RulesetContext } from '../rulesetContext';

/**
 * Answer bindings must fit the field: a catalogue for a catalogue-bound transaction field (`answers.catalogue`), or
 * for a catalogue-bound field of a records fact's records (`answers.fields`), and the catalogue must be declared.
 */
export function checkAnswers(context: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  for (const [id, fact] of context.facts) {
    const answers = fact.answers;
    if (answers === undefined) continue;
    const at: IssuePath = ['facts', id, 'answers'];
    if (answers.catalogue !== undefined) {
      if (!context.catalogues.has(answers.catalogue))
        issues.push(undeclaredCatalogue(answers.catalogue, [...at, 'catalogue']));
      else if (fact.derive !== undefined || INPUT_FACTS.get(id)?.catalogueBound !== true) {
        issues.push({
          path: at,
          code: 'invalid_answers',
          fact: id,
          message:
            `"${id}" cannot take its values from a catalogue; only these transaction fields can: ` +
            `${CATALOGUE_FIELDS.filter((field) => INPUT_FACTS.has(field)).join(', ')}.`,
        });
      }
    }
    const bindable = fact.derive === undefined ? catalogueRecordFields(id) : [];
    for (const [field, catalogue] of Object.entries(answers.fields ?? {})) {
      if (!bindable.includes(field)) {
        issues.push({
          path: [...at, 'fields', field],
          code: 'invalid_answers',
          fact: id,
          message:
            bindable.length === 0
              ? `The records of "${id}" have no field that takes catalogue ids.`
              : `"${field}" is not a catalogue-bound field of "${id}" records (those are: ${bindable.join(', ')}).`,
        });
      } else if (!context.catalogues.has(catalogue))
        issues.push(undeclaredCatalogue(catalogue, [...at, 'fields', field]));
    }
  }
  return issues;
}

function undeclaredCatalogue(id: string, path: IssuePath): Issue {
  return {
    path,
    code: 'undeclared_catalogue',
    catalogue: id,
    message: `The catalogue "${id}" is not declared in "catalogues".`,
  };
}
