// The direction of imports in src/, checked by `npm run lint:deps` (dependency-cruiser) in CI.
//
// Each tier may import its own folder and any tier below it, never a tier above, nor a different folder of its own
// tier (those stay independent). Type-only imports count: a lower layer names a type from types/, not from above.
const TIERS = [
  // The command line, a client of the library.
  ['cli'],
  // The HTTP server (`dual-use-rules serve`): an entry point like the command line, which starts it; not imported
  // by the library.
  ['server'],
  // dual-use-rules/testing, the second entry point: a client of the public verbs (assessMany), so it sits above them.
  ['testing'],
  // The public verbs, one file each (src/*.ts), and src/index.ts. Verbs may call verbs (replay calls assess).
  ['.'],
  // Ruleset lifecycle: the registry, and the choice of ruleset for a transaction.
  ['rulesets'],
  // Ruleset documents to compiled rulesets: schema, semantic checks, composition, lint.
  ['compile'],
  // Evaluation of a compiled ruleset; signatures; report rendering.
  ['evaluate', 'integrity', 'format'],
  // The program IR, its operators, three-valued logic and the evaluation result.
  ['model'],
  // Safe reading and hashing of untrusted JSON; the transaction contract; dates; generated code.
  ['document', 'transaction', 'time', 'generated'],
  // Public data shapes.
  ['types'],
  // Errors and issues.
  ['errors'],
];

/** The path pattern of a folder of src/, or of the top-level files for '.'. */
const pattern = (folder) => (folder === '.' ? '^src/[^/]+$' : `^src/${folder}/`);

const layerRules = TIERS.flatMap((tier, index) =>
  tier.map((folder) => {
    const above = TIERS.slice(0, index).flat();
    const siblings = tier.filter((other) => other !== folder);
    const forbidden = [...above, ...siblings];
    return {
      name: `layer-${folder === '.' ? 'verbs' : folder}`,
      comment:
        `${folder === '.' ? 'The top-level verbs' : `src/${folder}/`} must not import ` +
        `${forbidden.map((other) => (other === '.' ? 'the top-level verbs' : `${other}/`)).join(', ')}: ` +
        `imports go down the tiers in .dependency-cruiser.cjs.`,
      severity: 'error',
      from: { path: pattern(folder) },
      to: { path: forbidden.map(pattern) },
    };
  }),
).filter((rule) => rule.to.path.length > 0);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle, between files or through folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'library-not-to-cli',
      comment: 'Nothing in the library imports the command line.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'library-not-to-server',
      comment: 'Nothing in the library imports the HTTP server (only the command line starts it).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|server)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-only-to-fastify',
      comment: 'fastify is an optional peer dependency: only src/server/ may load it (and only dynamically).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/server/' },
      to: { path: '^node_modules/fastify/' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment:
        'What src/ imports ships to users, so it must be a dependency (ajv, for one, is only for scripts/), or an ' +
        'optional peer dependency that users install for the one feature needing it (fastify, for serve).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['npm-peer'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...layerRules,
    {
      name: 'evaluate-parts-independent',
      comment:
        'Inside src/evaluate/, the two evaluators (engine/, compiled/) and the assembly of an assessment ' +
        '(assessment/) do not import one another: they meet in the runtime (rulesetRuntime.ts).',
      severity: 'error',
      from: { path: '^src/evaluate/(engine|compiled|assessment)/' },
      to: { path: '^src/evaluate/(engine|compiled|assessment)/', pathNot: '^src/evaluate/$1/' },
    },
    {
      name: 'evaluate-runtime-on-top',
      comment:
        'The runtime (rulesetRuntime.ts) and what the verbs call (prepareAssessment.ts) sit on top of src/evaluate/: ' +
        'nothing else in it imports them.',
      severity: 'error',
      from: { path: '^src/evaluate/', pathNot: '^src/evaluate/(rulesetRuntime|prepareAssessment)[.]ts$' },
      to: { path: '^src/evaluate/(rulesetRuntime|prepareAssessment)[.]ts$' },
    },
    {
      name: 'outcome-rule-pure',
      comment:
        'The outcome rule (src/model/resolveOutcome.ts) is reviewed alone against docs/decision-model.md: it imports ' +
        'nothing but types, so no cache, table or scratch can reach it.',
      severity: 'error',
      from: { path: '^src/model/resolveOutcome[.]ts$' },
      to: { pathNot: '^src/types/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
