import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import scenarioSchema from '../../schemas/scenario.schema.json';
import { assess, loadRuleset, type Outcome } from '../../src/index';

/** One legal test case, as written in test/scenarios/<ruleset>/*.json. */
export interface Scenario {
  readonly name: string;
  readonly provision: string;
  readonly source?: string;
  readonly reasoning?: string;
  readonly ruleset?: { readonly asOf?: string; readonly version?: string };
  readonly transaction: Record<string, unknown>;
  readonly expect: {
    readonly outcome: Outcome;
    readonly possibleOutcomes?: readonly Outcome[];
    readonly decidingRules?: readonly string[];
    readonly questions?: readonly string[];
    readonly noQuestionsAbout?: readonly string[];
    readonly notes?: readonly string[];
    readonly absentNotes?: readonly string[];
    readonly competentAuthority?: string | null;
    readonly rulesetVersion?: string;
    readonly overlays?: readonly string[];
  };
}

const root = new URL('../scenarios/', import.meta.url);
const validateFile = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(scenarioSchema);

/** Every scenario file, by ruleset folder, validated against schemas/scenario.schema.json. */
export function loadScenarioFiles(): { readonly folder: string; readonly file: string; readonly scenarios: readonly Scenario[] }[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(new URL(`${folder.name}/`, root))
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => {
          const content = JSON.parse(readFileSync(new URL(`${folder.name}/${file}`, root), 'utf8')) as unknown;
          if (!validateFile(content)) throw new Error(`${folder.name}/${file}: ${JSON.stringify(validateFile.errors)}`);
          return { folder: folder.name, file, scenarios: (content as { scenarios: Scenario[] }).scenarios };
        }),
    );
}

/** Assesses a scenario the way it asks: with the bundled ruleset in force on its date, or the one it names. */
export function assessScenario(scenario: Scenario) {
  const options = scenario.ruleset === undefined ? {} : { ruleset: loadRuleset('eu-2021-821-art5', scenario.ruleset) };
  return assess(scenario.transaction, options);
}
