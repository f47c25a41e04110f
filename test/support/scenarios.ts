import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import scenarioSchema from '../../schemas/scenario.schema.json';
import { assess, compileRuleset, loadRuleset, type CompiledRuleset, type Outcome } from '../../src/index';
import type { RulesetDocument } from '../../src/types/ruleset';
import { readJsonFile } from './rulesets';

/** One legal test case, as written in test/scenarios/<folder>/*.json. */
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

/** A scenario file, with the folder it sits in (the folder says which rulesets it runs against). */
export interface ScenarioFile {
  readonly folder: string;
  readonly file: string;
  readonly scenarios: readonly Scenario[];
}

const root = new URL('../scenarios/', import.meta.url);
const validateFile = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(scenarioSchema);

/**
 * Folders whose scenarios run against the shipped rulesets with hypothetical national Art. 5(3) settings, so that the
 * rule the shipped data cannot reach (every member state is `unknown`) is still tested. Not statements about national law.
 */
export const HYPOTHETICAL_ART5_3: Readonly<Record<string, Readonly<Record<string, 'applies' | 'none'>>>> = {
  'eu-2021-821-art5-hypothetical-5-3': { SE: 'applies', FI: 'none' },
};

/** Every scenario file, by folder, validated against schemas/scenario.schema.json. */
export function loadScenarioFiles(): ScenarioFile[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
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

const hypotheticalRulesets = new Map<string, CompiledRuleset>();

/** The bundled composition in force on `date`, recompiled with the folder's hypothetical Art. 5(3) settings. */
function hypotheticalRuleset(folder: string, date: string): CompiledRuleset {
  const settings = HYPOTHETICAL_ART5_3[folder] as Readonly<Record<string, string>>;
  const shipped = loadRuleset('eu-2021-821-art5', { asOf: date });
  const key = `${folder}@${shipped.version}+${shipped.overlays.map((overlay) => overlay.id).join('+')}`;
  let ruleset = hypotheticalRulesets.get(key);
  if (ruleset === undefined) {
    const base = readJsonFile(`rulesets/eu-2021-821-art5/${shipped.version}.json`) as RulesetDocument;
    const entries = base.catalogues?.['memberStates']?.entries ?? [];
    const patched = {
      ...base,
      catalogues: {
        ...base.catalogues,
        memberStates: {
          ...base.catalogues?.['memberStates'],
          entries: entries.map((entry) =>
            entry.id in settings
              ? { ...entry, attributes: { ...entry.attributes, art5_3: settings[entry.id] ?? null } }
              : entry,
          ),
        },
      },
    };
    const overlays = shipped.overlays.map((overlay) => readJsonFile(`rulesets/${overlay.id}/${overlay.version}.json`));
    ruleset = compileRuleset(patched, { overlays });
    hypotheticalRulesets.set(key, ruleset);
  }
  return ruleset;
}

/**
 * Assesses a scenario the way its folder and its own `ruleset` field ask: by default with the bundled ruleset in force on
 * the transaction's date; in a hypothetical folder with that composition recompiled with the folder's national settings.
 */
export function assessScenario(scenario: Scenario, folder?: string) {
  if (folder !== undefined && folder in HYPOTHETICAL_ART5_3) {
    const date = scenario.ruleset?.asOf ?? (scenario.transaction['date'] as string);
    return assess(scenario.transaction, { ruleset: hypotheticalRuleset(folder, date) });
  }
  const options = scenario.ruleset === undefined ? {} : { ruleset: loadRuleset('eu-2021-821-art5', scenario.ruleset) };
  return assess(scenario.transaction, options);
}
