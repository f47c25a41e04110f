// Writes src/compile/rulesetSchemaValidator.generated.ts from schemas/ruleset.schema.json; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { rulesetValidatorSource } from '../src/compile/rulesetValidatorSource';

writeFileSync(new URL('../src/compile/rulesetSchemaValidator.generated.ts', import.meta.url), rulesetValidatorSource());
