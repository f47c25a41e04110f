import type { Issue } from '../../errors/issue';
import type { Program } from '../../model/program';
import type { ConditionDefinition, RulesetDocument } from '../../types/ruleset';
import { derivationInputs } from '../derivationInputs';
import { analyseReachability, type Reachability } from './reachability';

/**
 * Findings about a valid ruleset that compiles but probably does not say what its author meant: rules that can
 * never decide, outcomes nothing produces, facts nothing reads, catalogues and catalogue entries nothing refers to.
 * Each has the path of what it is about, in the (composed) document.
 */
export function lintProgram(document: RulesetDocument, program: Program): Issue[] {
  const reachability = analyseReachability(program);
  return [
    ...unreachableRules(program, reachability),
    ...unproducibleOutcomes(document, program, reachability),
    ...unusedFacts(document),
    ...unusedCatalogues(document),
  ];
}

function unreachableRules(program: Program, reachability: readonly Reachability[]): Issue[] {
  const issues: Issue[] = [];
  program.rules.forEach((rule, index) => {
    const result = reachability[index];
    // A rule that leads to the undecided outcome and never holds still keeps the answer open while its facts are
    // unknown (an unanswered definition element, an unidentified party): that is what it is for.
    if (result?.kind === 'never_holds' && rule.outcome === program.undecided) return;
    if (result?.kind === 'never_holds') {
      issues.push({
        path: ['rules', index],
        code: 'unreachable_rule',
        rule: rule.id,
        message: `Rule "${rule.id}" can never hold: no combination of facts makes its condition true.`,
      });
    } else if (result?.kind === 'always_covered') {
      const by = result.by.length === 0 ? 'a rule of higher precedence' : result.by.map((id) => `"${id}"`).join(', ');
      issues.push({
        path: ['rules', index],
        code: 'unreachable_rule',
        rule: rule.id,
        message:
          `Rule "${rule.id}" can never decide its outcome ${rule.outcome}: whenever it holds, a rule ` +
          `of higher precedence holds too (e.g. ${by}).`,
      });
    }
  });
  return issues;
}

function unproducibleOutcomes(
  document: RulesetDocument,
  program: Program,
  reachability: readonly Reachability[],
): Issue[] {
  const producible = new Set([program.fallback.outcome, program.undecided]);
  program.rules.forEach((rule, index) => {
    const result = reachability[index];
    if (result?.kind === 'reachable' || result?.kind === 'undetermined') producible.add(rule.outcome);
  });
  return Object.keys(document.outcomes ?? {})
    .filter((outcome) => !producible.has(outcome as never))
    .map((outcome) => {
      const rules = program.rules.filter((rule) => rule.outcome === outcome).map((rule) => `"${rule.id}"`);
      const why =
        rules.length === 0
          ? 'no rule decides it and it is neither the fallback nor the undecided outcome'
          : `every rule that decides it (${rules.join(', ')}) is unreachable`;
      return {
        path: ['outcomes', outcome],
        code: 'unproducible_outcome',
        outcome,
        message: `The outcome ${outcome} can never be the answer: ${why}.`,
      };
    });
}

function unusedFacts(document: RulesetDocument): Issue[] {
  const read = new Set<string>();
  const visit = (node: ConditionDefinition): void => {
    if ('fact' in node) read.add(node.fact);
    else if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
  };
  for (const rule of document.rules ?? []) visit(rule.when);
  for (const note of document.notes ?? []) visit(note.when);
  for (const condition of Object.values(document.conditions ?? {})) visit(condition.when);
  if (document.authority !== undefined) read.add(document.authority.memberStateFact);
  // A derived fact that is read reads its inputs in turn.
  const pending = [...read];
  while (pending.length > 0) {
    const derive = document.facts?.[pending.pop() as string]?.derive;
    for (const input of derive === undefined ? [] : derivationInputs(derive)) {
      if (!read.has(input)) {
        read.add(input);
        pending.push(input);
      }
    }
  }
  return Object.keys(document.facts ?? {})
    .filter((fact) => !read.has(fact))
    .map((fact) => ({
      path: ['facts', fact],
      code: 'unused_fact',
      fact,
      message: `The fact "${fact}" is declared but no rule, note, named condition or derived fact reads it.`,
    }));
}

function unusedCatalogues(document: RulesetDocument): Issue[] {
  const read = new Set<string>();
  const answered = new Set<string>();
  for (const fact of Object.values(document.facts ?? {})) {
    if (fact.answers?.catalogue !== undefined) answered.add(fact.answers.catalogue);
    // A catalogue a field of records takes its ids from (a finding's indicators) is there to be shown in the
    // decision record, not to decide: an entry no condition names is not a finding.
    for (const catalogue of Object.values(fact.answers?.fields ?? {})) read.add(catalogue);
    if (fact.derive !== undefined && 'catalogue' in fact.derive) read.add(fact.derive.catalogue);
  }
  if (document.authority !== undefined) read.add(document.authority.catalogue);
  const named = namedValues(document);
  const issues: Issue[] = [];
  for (const [catalogue, definition] of Object.entries(document.catalogues ?? {})) {
    if (read.has(catalogue)) continue; // A derivation or the authority reads its attributes: every entry can matter.
    const unnamed = definition.entries.flatMap((entry, index) => (named.has(entry.id) ? [] : [{ entry, index }]));
    if (!answered.has(catalogue) && unnamed.length === definition.entries.length) {
      issues.push({
        path: ['catalogues', catalogue],
        code: 'unused_catalogue',
        catalogue,
        message:
          `The catalogue "${catalogue}" is never referenced: no fact answers from it, no derivation ` +
          `or authority reads it, and no condition names its entries.`,
      });
      continue;
    }
    for (const { entry, index } of unnamed) {
      issues.push({
        path: ['catalogues', catalogue, 'entries', index],
        code: 'unreferenced_catalogue_entry',
        catalogue,
        entry: entry.id,
        message:
          `The entry "${entry.id}" of "${catalogue}" is never referenced: no condition or filter ` +
          `names it and nothing reads the catalogue's attributes, so choosing it changes nothing.`,
      });
    }
  }
  return issues;
}

/** Every value a condition compares with, or a derivation filters on. */
function namedValues(document: RulesetDocument): Set<unknown> {
  const values = new Set<unknown>();
  const visit = (node: ConditionDefinition): void => {
    if ('fact' in node) {
      const value = node.value;
      for (const item of Array.isArray(value) ? value : typeof value === 'object' && value !== null ? [] : [value])
        values.add(item);
    } else if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
  };
  for (const rule of document.rules ?? []) visit(rule.when);
  for (const note of document.notes ?? []) visit(note.when);
  for (const condition of Object.values(document.conditions ?? {})) visit(condition.when);
  for (const fact of Object.values(document.facts ?? {})) {
    const derive = fact.derive;
    if (derive?.kind === 'maxLevel' || derive?.kind === 'anyRecordIn' || derive?.kind === 'recordsComplete')
      for (const allowed of Object.values(derive.where ?? {})) for (const value of allowed) values.add(value);
  }
  return values;
}
