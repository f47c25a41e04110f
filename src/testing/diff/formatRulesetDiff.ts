import { formatPath } from '../../errors/issue';
import { describeCitation } from '../../format/describeCitation';
import type { RulesetReference } from '../../types/assessment';
import { readShaped } from '../kitArguments';
import type { RulesetDiff } from './diffRulesets';
import { expectationCheckSchema, rulesetDiffSchema } from './diffSchemas';
import type { ExpectationCheck } from './expectedChanges';
import type { StaticChange } from './staticDiff';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

/**
 * A ruleset diff as text for people: outcome changes with their smallest example and the rules and citations
 * involved, then the static changes by section; with an expectation check, what is not listed comes first.
 */
export function formatRulesetDiff(diff: RulesetDiff, check?: ExpectationCheck): string {
  readShaped(diff, rulesetDiffSchema, ['diff'], 'a diff from diffRulesets()');
  if (check !== undefined) readShaped(check, expectationCheckSchema, ['check'], 'a check from checkExpectedChanges()');
  const changed = diff.runs - diff.unchanged;
  const lines = [
    `${describeRuleset(diff.before)}  →  ${describeRuleset(diff.after)}`,
    `${diff.runs} generated transactions (seed ${diff.seed}): ${diff.unchanged} keep their ` +
      `outcome, ${changed} change it.`,
    '',
  ];
  if (check !== undefined) {
    if (check.unexpected.length === 0) lines.push('Every outcome change is listed in the expected-changes file.');
    else
      lines.push(
        `NOT EXPECTED: ${check.unexpected.map((change) => `${change.before} → ${change.after}`).join(', ')} ` +
          `(add each to the expected-changes file once reviewed).`,
      );
    for (const entry of check.unobserved)
      lines.push(`Expected but not seen in this run: ${entry.before} → ${entry.after} (${entry.reason}).`);
    lines.push('');
  }
  lines.push(diff.changes.length === 0 ? 'No outcome changes.' : 'Outcome changes');
  for (const change of diff.changes) {
    lines.push(
      `  ${change.before} → ${change.after}: ${change.count} ${change.count === 1 ? 'transaction' : 'transactions'}`,
    );
    lines.push('    Rules whose results differ in the smallest example:');
    for (const rule of change.rules) {
      lines.push(`      ${rule.rule} (${rule.outcome}): ${rule.before} → ${rule.after}`);
      lines.push(`        ${describeCitation(rule.citation)}`);
    }
    if (change.rules.length === 0) lines.push('      none: the outcomes rank differently (see the static changes).');
    lines.push(
      `    Across the group: ${change.ruleCounts.map((entry) => `${entry.rule} (${entry.count})`).join(', ') || '—'}`,
    );
    lines.push(
      `    Smallest example (possible outcomes before: ` +
        `${change.example.before.possibleOutcomes.join(', ')}; after: ` +
        `${change.example.after.possibleOutcomes.join(', ')}):`,
    );
    lines.push(`      ${JSON.stringify(change.example.transaction)}`);
  }
  lines.push('', diff.static.length === 0 ? 'No static changes.' : `Static changes (${diff.static.length})`);
  const sections = [...new Set(diff.static.map((change) => change.section))];
  for (const section of sections) {
    lines.push(`  ${section}`);
    for (const change of diff.static.filter((entry) => entry.section === section))
      lines.push(`    ${describeStatic(change)}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeStatic(change: StaticChange): string {
  const shown =
    ['thresholds', 'outcomes', 'validity', 'undecided'].includes(change.section) &&
    JSON.stringify(change.before) !== JSON.stringify(change.after);
  const values = !shown
    ? ''
    : change.before !== undefined && change.after !== undefined
      ? ` ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`
      : change.after !== undefined
        ? ` = ${JSON.stringify(change.after)}`
        : ` (was ${JSON.stringify(change.before)})`;
  const fields = change.fields === undefined ? '' : ` [${change.fields.join(', ')}]`;
  return `${MARK[change.change]} ${change.id}${values}${fields}  ${formatPath(change.path)}`;
}

function describeRuleset(reference: RulesetReference): string {
  return [
    `${reference.id} ${reference.version}`,
    ...reference.overlays.map((overlay) => `${overlay.id} ${overlay.version}`),
  ].join(' + ');
}
