import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ISSUE_CODES_PATH, renderIssueCodes } from '../../scripts/generate-issue-codes';
import { ISSUE_AREAS, ISSUE_CODE_DOCS } from '../../src/errors/issueCodeDocs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const src = join(root, 'src');

/** Every hand-written TypeScript file of src/ (the generated validator and the codes' own documentation aside). */
function sourceFiles(folder = src): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return path.endsWith('generated') || path.endsWith(join('errors', 'codes')) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const moduleOf = (file: string) => relative(src, file).replace(/\.ts$/, '');
const documented = Object.keys(ISSUE_CODE_DOCS);

describe(`${ISSUE_CODES_PATH} and the closed set of issue codes (run \`npm run generate\` after changing a code)`, () => {
  test('the committed page is what the codes’ documentation generates', () => {
    expect(readFileSync(join(root, ISSUE_CODES_PATH), 'utf8')).toBe(renderIssueCodes());
  });

  test('each code is documented in exactly one family, and the families document every code', () => {
    const inAreas = ISSUE_AREAS.flatMap((area) => Object.keys(area.codes));
    expect(new Set(inAreas).size).toBe(inAreas.length);
    expect([...inAreas].sort()).toEqual([...documented].sort());
  });

  test('every module listed as raising a code exists and names the code', () => {
    for (const [code, doc] of Object.entries(ISSUE_CODE_DOCS)) {
      expect(doc.raisedIn.length, code).toBeGreaterThan(0);
      for (const module of doc.raisedIn) {
        const file = join(src, `${module}.ts`);
        expect(existsSync(file), `${code}: src/${module}.ts`).toBe(true);
        expect(readFileSync(file, 'utf8'), `${code} in src/${module}.ts`).toContain(`'${code}'`);
      }
    }
  });

  test('every issue made in src/ has a documented code, raised in a module its documentation lists', () => {
    // Lines of code, not of comments (a documentation example may show an issue).
    const code = (file: string) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .join('\n');
    const made = sourceFiles().flatMap((file) =>
      [...code(file).matchAll(/\bcode: '([a-z][a-zA-Z_]*)'/g)].map((match) => ({
        code: match[1] as string,
        module: moduleOf(file),
      })),
    );
    expect(made.length).toBeGreaterThan(100);
    for (const { code, module } of made) {
      const doc = ISSUE_CODE_DOCS[code as keyof typeof ISSUE_CODE_DOCS];
      expect(doc, `${code} (src/${module}.ts) is not documented`).toBeDefined();
      expect(doc?.raisedIn, `${code} is raised in src/${module}.ts`).toContain(module);
    }
  });

  test('every code is listed in the OpenAPI document’s IssueCode', () => {
    const openapi = JSON.parse(readFileSync(join(root, 'schemas/openapi.json'), 'utf8')) as {
      components: { schemas: { IssueCode: { enum: string[] } } };
    };
    expect([...openapi.components.schemas.IssueCode.enum].sort()).toEqual([...documented].sort());
  });
});
