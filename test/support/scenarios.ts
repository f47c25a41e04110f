import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import scenarioSchema from '../../schemas/scenario.schema.json';
import {
  assess,
  compileRuleset,
  createRulesetRegistry,
  listRulesets,
  loadRuleset,
  type Assessment,
  type CompiledRuleset,
  type RulesetSummary,
  type Transaction,
} from '../../src/index';
import { DEFAULT_RULESET_ID } from '../../src/rulesets/bundled';
import type { Scenario } from '../../src/testing/index';
import { isInForce } from '../../src/time/dates';
import type { RulesetDocument } from '../../src/types/ruleset';
import { readJsonFile } from './rulesets';

export type { Scenario } from '../../src/testing/index';

/**
 * A scenario file, with the folder it sits in. The folder says which ruleset it runs against: `rulesets/<id>/scenarios/`
 * the package's own (for an overlay, the base it extends, composed with the overlays in force), a folder of
 * `test/scenarios/` the Article 5 ruleset with that folder's hypothetical settings.
 */
export interface ScenarioFile {
  readonly folder: string;
  readonly file: string;
  /** The base ruleset id the scenarios run against. */
  readonly ruleset: string;
  readonly scenarios: readonly Scenario[];
}

const repository = new URL('../../', import.meta.url);
const validateFile = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(scenarioSchema);

/**
 * Folders whose scenarios run against the shipped rulesets with hypothetical national Art. 5(3) settings, so that the
 * rule the shipped data cannot reach (every member state is `unknown`) is still tested. Not statements about national law.
 */
export const HYPOTHETICAL_ART5_3: Readonly<Record<string, Readonly<Record<string, 'applies' | 'none'>>>> = {
  'test/scenarios/eu-2021-821-art5-hypothetical-5-3': { SE: 'applies', FI: 'none' },
};

/**
 * Folders whose scenarios run with an organisation's own overlay composed into the bundled rulesets (the documented
 * example of an overlay that states a member state's Art. 5(3) position), on the releases it composes with.
 */
export const WITH_OVERLAY: Readonly<Record<string, string>> = {
  'test/scenarios/eu-2021-821-art5-organisation-overlay': 'docs/examples/member-state-position-overlay.json',
};

/** Every scenario file, by folder, validated against schemas/scenario.schema.json: the law packages' first, then test/scenarios/. */
export function loadScenarioFiles(): ScenarioFile[] {
  const subfolders = (path: string) =>
    readdirSync(new URL(path, repository), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  const packages = subfolders('rulesets/')
    .filter((id) => existsSync(new URL(`rulesets/${id}/scenarios/`, repository)))
    .map((id) => ({
      folder: `rulesets/${id}/scenarios`,
      ruleset: listRulesets().find((summary) => summary.id === id)?.extends ?? id,
    }));
  const hypothetical = subfolders('test/scenarios/').map((name) => ({
    folder: `test/scenarios/${name}`,
    ruleset: 'eu-2021-821-art5',
  }));
  return [...packages, ...hypothetical].flatMap(({ folder, ruleset }) =>
    readdirSync(new URL(`${folder}/`, repository))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => {
        const content = JSON.parse(readFileSync(new URL(`${folder}/${file}`, repository), 'utf8')) as unknown;
        if (!validateFile(content)) throw new Error(`${folder}/${file}: ${JSON.stringify(validateFile.errors)}`);
        return { folder, file, ruleset, scenarios: (content as { scenarios: Scenario[] }).scenarios };
      }),
  );
}

/** The transaction of the scenario in a shipped scenario file whose name contains `name` (e.g. `W20 `). */
export function scenarioTransaction(file: string, name: string): Transaction {
  const { scenarios } = JSON.parse(readFileSync(new URL(file, repository), 'utf8')) as { scenarios: Scenario[] };
  const found = scenarios.find((scenario) => scenario.name.includes(name));
  if (found === undefined) throw new Error(`${file}: no scenario named like "${name}"`);
  return found.transaction as Transaction;
}

/** One way a scenario is run: against one composition of released versions. */
export interface ScenarioRun {
  /** The versions it runs against, e.g. `1.1.0 + de-awv-9-4 1.1.0`. */
  readonly label: string;
  readonly assess: () => Promise<Assessment>;
}

/** The bundled rulesets, every version: replaced ones are found by hash. */
const registry = createRulesetRegistry();
const compiled = new Map<string, CompiledRuleset>();

/**
 * Every run of a scenario. A scenario that pins a version (`ruleset.version`) runs against it alone, as `loadRuleset`
 * loads it. Otherwise it runs against every released composition in force on its date (`ruleset.asOf`, else the
 * transaction's): each base version and each version of each overlay in force, replaced ones included, so a
 * correction (1.1.0) is tested with the scenarios of the version it replaces (1.0.0). The first run is what a date
 * selects by default (`assess` without a ruleset), so the default selection is tested too.
 */
export function scenarioRuns(scenario: Scenario, file: ScenarioFile): ScenarioRun[] {
  const overlay = WITH_OVERLAY[file.folder];
  if (overlay !== undefined) return organisationRuns(scenario, file, overlay);
  const settings = HYPOTHETICAL_ART5_3[file.folder];
  const run =
    (ruleset: CompiledRuleset): ScenarioRun['assess'] =>
    () =>
      assess(scenario.transaction, { ruleset: settings === undefined ? ruleset : withSettings(ruleset, settings) });
  if (scenario.ruleset?.version !== undefined) {
    const pinned = loadRuleset(file.ruleset, scenario.ruleset);
    return [{ label: label(pinned), assess: run(pinned) }];
  }
  const date = scenario.ruleset?.asOf ?? scenario.transaction['date'];
  if (typeof date !== 'string') return [{ label: 'default', assess: run(loadRuleset(file.ruleset)) }];
  const selected = loadRuleset(file.ruleset, { asOf: date });
  // What a date selects by default, as a user gets it: `assess` without a ruleset where that is the default ruleset.
  const byDefault =
    settings === undefined && scenario.ruleset === undefined && file.ruleset === DEFAULT_RULESET_ID
      ? () => assess(scenario.transaction)
      : run(selected);
  return [
    { label: `${label(selected)}, selected by date`, assess: byDefault },
    ...compositionsOn(file.ruleset, date)
      .filter((ruleset) => ruleset !== selected)
      .map((ruleset) => ({ label: label(ruleset), assess: run(ruleset) })),
  ];
}

/**
 * The runs of a scenario with an organisation's overlay: each current release of the base in force on the date, with
 * the bundled overlays in force and the organisation's overlay composed into it (a pinned version alone, likewise).
 */
function organisationRuns(scenario: Scenario, file: ScenarioFile, overlayPath: string): ScenarioRun[] {
  const date = scenario.ruleset?.asOf ?? scenario.transaction['date'];
  const own = readJsonFile(overlayPath);
  const bases = listRulesets().filter(
    (summary) =>
      summary.kind === 'base' &&
      summary.id === file.ruleset &&
      (scenario.ruleset?.version === undefined ? summary.selectable : summary.version === scenario.ruleset.version) &&
      (typeof date !== 'string' || isInForce(summary.validity, date)),
  );
  return bases.map((base) => {
    const selected = loadRuleset(file.ruleset, {
      version: base.version,
      ...(typeof date === 'string' ? { asOf: date } : {}),
    });
    const overlays = [
      ...selected.overlays.map((reference) => readJsonFile(`rulesets/${reference.id}/${reference.version}.json`)),
      own,
    ];
    const ruleset = compileRuleset(readJsonFile(`rulesets/${base.id}/${base.version}.json`), { overlays });
    return { label: `${label(ruleset)}, with ${overlayPath}`, assess: () => assess(scenario.transaction, { ruleset }) };
  });
}

/** Every released composition in force on a date: each base version times each version of each overlay in force. */
function compositionsOn(id: string, date: string): CompiledRuleset[] {
  const inForce = listRulesets().filter((summary) => isInForce(summary.validity, date));
  const overlayIds = [
    ...new Set(
      inForce.filter((summary) => summary.kind === 'overlay' && summary.extends === id).map((summary) => summary.id),
    ),
  ];
  const overlayChoices = overlayIds.reduce<RulesetSummary[][]>(
    (combinations, overlayId) =>
      combinations.flatMap((combination) =>
        inForce.filter((summary) => summary.id === overlayId).map((overlay) => [...combination, overlay]),
      ),
    [[]],
  );
  const reference = (summary: RulesetSummary) => ({ id: summary.id, version: summary.version, sha256: summary.sha256 });
  return inForce
    .filter((summary) => summary.kind === 'base' && summary.id === id)
    .flatMap((base) =>
      overlayChoices.map((overlays) => registry.find({ ...reference(base), overlays: overlays.map(reference) })),
    );
}

/** A composition recompiled with hypothetical national Art. 5(3) settings in the base's member-state catalogue. */
function withSettings(ruleset: CompiledRuleset, settings: Readonly<Record<string, string>>): CompiledRuleset {
  const key = `${JSON.stringify(settings)}@${label(ruleset)}`;
  let patched = compiled.get(key);
  if (patched === undefined) {
    const base = readJsonFile(`rulesets/${ruleset.id}/${ruleset.version}.json`) as RulesetDocument;
    const entries = base.catalogues?.['memberStates']?.entries ?? [];
    const document = {
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
    const overlays = ruleset.overlays.map((overlay) => readJsonFile(`rulesets/${overlay.id}/${overlay.version}.json`));
    patched = compileRuleset(document, { overlays });
    compiled.set(key, patched);
  }
  return patched;
}

function label(ruleset: CompiledRuleset): string {
  return [ruleset.version, ...ruleset.overlays.map((overlay) => `${overlay.id} ${overlay.version}`)].join(' + ');
}
