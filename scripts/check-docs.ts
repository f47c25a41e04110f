// Runs the commands shown in README.md and docs/*.md, so the docs cannot drift from what works. CI runs it after the
// build (`npm run docs:check`). Shell lines that are steps of .ci/run are left to it; `npm run web` (a server) is run
// by the browser test. Each shell block then runs, in order, as one bash script (-e -o pipefail) in a scratch folder
// that looks like a project with the package installed (its bin on PATH), and must exit 0 and write any --out file it
// names. A command shown failing on purpose ends with a comment `# exits N` and must exit with N. A block that starts
// `dual-use-rules serve` runs it on a free port in place of the 8080 it shows, and stops it when the block ends.
// TypeScript blocks that start with an import are type-checked against the built package.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Shell lines run by another test, with the file that runs them and a string that file must contain. */
const RUN_ELSEWHERE: Readonly<Record<string, { readonly file: string; readonly contains: string }>> = {
  'npm run web': { file: 'test/browser/questionnaire.e2e.ts', contains: "['run', 'web'" },
  // The same test files as the deep tier CI runs, with fewer runs of the property, fuzz and bulk tests.
  'npm test': { file: '.ci/run', contains: 'npm run test:deep' },
};

/** Pages whose shell blocks a test runs as written and checks the output of, so they are not run twice. */
const PAGES_RUN_ELSEWHERE: Readonly<Record<string, { readonly file: string; readonly contains: string }>> = {
  'docs/ruleset-lifecycle.md': {
    file: 'test/unit/lifecycle/docs.test.ts',
    contains: "shellBlocks('docs/ruleset-lifecycle.md')",
  },
};

/** A fenced code block of a documentation file. */
export interface DocBlock {
  readonly file: string;
  readonly line: number;
  readonly language: string;
  readonly code: string;
}

/** README.md and the hand-written pages in docs/ (not the generated API reference or ruleset documents). */
export function documentationFiles(): string[] {
  return [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
}

/** Every fenced code block of the documentation files. */
export function codeBlocks(files: readonly string[] = documentationFiles()): DocBlock[] {
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
      file,
      line: text.slice(0, match.index).split('\n').length,
      language: match[1] ?? '',
      code: match[2] ?? '',
    }));
  });
}

/** A shell block as the script to run: lines that .ci/run or another test runs are left out (and reported separately). */
export function shellScript(
  block: DocBlock,
  skip: (command: string) => boolean,
): { readonly script: string; readonly skipped: readonly string[] } {
  const skipped: string[] = [];
  const lines = block.code.split('\n').map((line) => {
    const command = line.replace(/\s+#.*$/, '').trim();
    if (command !== '' && skip(command)) {
      skipped.push(command);
      return '';
    }
    // A command the docs show failing on purpose says so: `… # exits 2`.
    const expected = /\s#\s*exits (\d+)\b/.exec(line)?.[1];
    if (expected === undefined) return line;
    const quoted = command.replace(/'/g, `'\\''`);
    return (
      `set +e; ${command}; code=$?; set -e; if [ "$code" -ne ${expected} ]; then echo 'expected ` +
      `exit ${expected}, got '"$code"': ${quoted}' >&2; exit 1; fi`
    );
  });
  return { script: lines.join('\n'), skipped };
}

/** The port the docs show `dual-use-rules serve` on. */
const SHOWN_PORT = '8080';

/**
 * What a block that starts a background job runs first: job control on, so that each job is a process group of its
 * own, and on exit every job's whole group is stopped. Killing only the job's process (`npx`) would leave the server
 * it started running, orphaned, after the block ends.
 */
const STOP_BACKGROUND_JOBS =
  'set -m\ntrap \'for job in $(jobs -p); do kill -- -"$job" 2>/dev/null; done; wait\' EXIT\n';

/**
 * A block that starts `dual-use-rules serve` (in the background, `&`), as run: on `port` wherever it shows 8080 (a
 * fixed port may be taken on a shared machine), and with every background job and its children stopped when the block
 * ends, whether it stops the server itself or fails first.
 */
export function serverScript(script: string, port: () => number): string {
  if (!/\bdual-use-rules serve\b/.test(script)) return script;
  const free = String(port());
  return `${STOP_BACKGROUND_JOBS}${script.replace(new RegExp(`\\b${SHOWN_PORT}\\b`, 'g'), free)}`;
}

/** A TCP port free on the loopback interface right now. */
function freePort(): number {
  const code =
    "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => " +
    '{ process.stdout.write(String(s.address().port)); s.close(); });';
  return Number(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }));
}

function ciSteps(): Set<string> {
  return new Set(
    readFileSync(join(root, '.ci', 'run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/** Top-level entries not copied into the scratch project. */
const NOT_COPIED = new Set(['node_modules', '.git', 'test-artifacts', 'coverage']);

/**
 * A scratch copy of the repository that looks like a project with dual-use-rules installed: the files (so commands
 * that write, such as `npm run generate`, write into the copy), the dependencies linked, and the package with its bin.
 */
function createSandbox(): string {
  const sandbox = mkdtempSync(join(tmpdir(), 'dur-docs-'));
  for (const entry of readdirSync(root)) {
    if (NOT_COPIED.has(entry)) continue;
    cpSync(join(root, entry), join(sandbox, entry), {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|\.git)([\\/]|$)/.test(source.slice(root.length)),
    });
  }
  const modules = join(sandbox, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '.bin' && entry !== '.cache') symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  for (const bin of readdirSync(join(root, 'node_modules', '.bin')))
    symlinkSync(join(root, 'node_modules', '.bin', bin), join(modules, '.bin', bin));
  symlinkSync(sandbox, join(modules, 'dual-use-rules'));
  symlinkSync(join(sandbox, 'dist', 'cli.js'), join(modules, '.bin', 'dual-use-rules'));
  return sandbox;
}

function main(): void {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const failures: string[] = [];
  const steps = ciSteps();
  const sandbox = createSandbox();
  let ran = 0;
  try {
    for (const [page, runner] of Object.entries(PAGES_RUN_ELSEWHERE)) {
      if (!readFileSync(join(root, runner.file), 'utf8').includes(runner.contains))
        failures.push(`${page} is said to be run by ${runner.file}, which does not run it.`);
    }
    const blocks = codeBlocks().filter(
      (block) => block.language === 'sh' && PAGES_RUN_ELSEWHERE[block.file] === undefined,
    );
    const env = {
      ...process.env,
      NO_COLOR: '1',
      PATH: `${join(sandbox, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    };
    for (const block of blocks) {
      const where = `${block.file}:${block.line}`;
      const elsewhere = (command: string) => RUN_ELSEWHERE[command];
      const { script, skipped } = shellScript(
        block,
        (command) => steps.has(command) || elsewhere(command) !== undefined,
      );
      for (const command of skipped) {
        const other = elsewhere(command);
        if (other !== undefined && !readFileSync(join(root, other.file), 'utf8').includes(other.contains)) {
          failures.push(`${where}: \`${command}\` is said to be run by ${other.file}, which does not run it.`);
        }
      }
      if (script.trim() === '') continue;
      const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', serverScript(script, freePort)], {
        cwd: sandbox,
        encoding: 'utf8',
        timeout: 300_000,
        env,
      });
      ran += 1;
      if (result.status !== 0) {
        failures.push(
          `${where}: the block exited with ${result.status ?? result.signal}:\n${script.trim()}\n--- ` +
            `output:\n${`${result.stdout}\n${result.stderr}`.trim().slice(-2000)}`,
        );
        continue;
      }
      for (const out of [...script.matchAll(/--out\s+(\S+)/g)].map((match) => match[1] as string)) {
        const folder = dirname(join(sandbox, out));
        const written =
          existsSync(folder) &&
          readdirSync(folder).some((name) => name === basename(out) || name.startsWith(`${basename(out)}.`));
        if (!written) failures.push(`${where}: the block did not write ${out}.`);
      }
    }

    const snippets = codeBlocks().filter(
      (block) => block.language === 'ts' && block.code.trimStart().startsWith('import '),
    );
    const folder = join(sandbox, 'snippets');
    mkdirSync(folder);
    const names = snippets.map((block, index) => {
      const name = `snippet-${index}.ts`;
      writeFileSync(join(folder, name), `// ${block.file}:${block.line}\n${block.code}\nexport {};\n`);
      return name;
    });
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(root, 'node_modules', '@types')],
        },
        files: names,
      }),
    );
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder], {
        cwd: sandbox,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const output = `${(error as { stdout?: string }).stdout ?? ''}`;
      failures.push(
        `TypeScript examples in the docs do not type-check:\n${output.replace(
          /snippets\/snippet-(\d+)\.ts/g,
          (_, index: string) => {
            const block = snippets[Number(index)];
            return block === undefined ? _ : `${block.file} (block at line ${block.line})`;
          },
        )}`,
      );
    }
    console.log(
      `Docs: ran ${ran} shell blocks in a scratch project; type-checked ${snippets.length} TypeScript examples.`,
    );
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(failures.join('\n\n'));
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
