// Writes schemas/transaction.schema.json from the zod schema; test/unit/generated.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { transactionJsonSchema } from '../src/transaction/transactionJsonSchema';

writeFileSync(
  new URL('../schemas/transaction.schema.json', import.meta.url),
  `${JSON.stringify(transactionJsonSchema(), null, 2)}\n`,
);
