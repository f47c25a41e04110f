import rulesetSchema from '../../../schemas/ruleset.schema.json';
import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

type Section = 'sources' | 'scales' | 'catalogues' | 'thresholds' | 'facts' | 'conditions' | 'rules' | 'notes';

/** The schema's limit on each section that overlays add to: the composed ruleset must stay within what one document may hold. */
const SECTION_LIMITS: Readonly<Record<Section, number>> = {
  sources: rulesetSchema.properties.sources.maxProperties,
  scales: rulesetSchema.properties.scales.maxProperties,
  catalogues: rulesetSchema.properties.catalogues.maxProperties,
  thresholds: rulesetSchema.properties.thresholds.maxProperties,
  facts: rulesetSchema.properties.facts.maxProperties,
  conditions: rulesetSchema.properties.conditions.maxProperties,
  rules: rulesetSchema.properties.rules.maxItems,
  notes: rulesetSchema.properties.notes.maxItems,
};

/**
 * Each document is within the schema's limits, but overlays add to the base: the composed ruleset must be too,
 * so any number of overlays cannot build a ruleset larger than one document may be.
 */
export function checkComposedSize({ document }: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  for (const [section, limit] of Object.entries(SECTION_LIMITS) as [Section, number][]) {
    const value = document[section];
    const count = value === undefined ? 0 : Array.isArray(value) ? value.length : Object.keys(value).length;
    if (count > limit) {
      issues.push({
        path: [section],
        code: 'section_too_large',
        limit,
        size: count,
        message: `With its overlays, the ruleset has ${count} ${section}; at most ${limit} are allowed.`,
      });
    }
  }
  return issues;
}
