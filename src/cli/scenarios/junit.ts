import type { ScenarioResult } from './runScenarios';
import { passed, resultName } from './scenarioReport';

/**
 * The characters XML 1.0 cannot hold even escaped (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF),
 * and lone surrogates: shown as `\xNN` / `\uNNNN` text instead.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data or an attribute value: markup characters as entities, what XML cannot hold as escapes. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, (character) => {
      const code = character.charCodeAt(0);
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;');
}

/**
 * The results as JUnit XML, as CI servers read it: a `testsuite` per scenario file, a `testcase` per scenario run
 * (named with its provision and ruleset), and a `failure` (a mismatch) or `error` (could not be assessed) with the
 * text `describe` gives.
 */
export function junitXml(results: readonly ScenarioResult[], describe: (result: ScenarioResult) => string): string {
  const files = [...new Set(results.map((result) => result.file))];
  const suites = files.map((file) => {
    const cases = results.filter((result) => result.file === file);
    const failures = cases.filter((result) => result.error === undefined && !passed(result)).length;
    const errors = cases.filter((result) => result.error !== undefined).length;
    const testcases = cases.map((result) => {
      const open = `    <testcase classname="${xmlText(file)}" name="${xmlText(resultName(result))}"`;
      if (passed(result)) return `${open}/>`;
      const kind = result.error === undefined ? 'failure' : 'error';
      const message =
        result.error === undefined
          ? result.mismatches.map((mismatch) => mismatch.check).join(', ')
          : 'could not be assessed';
      return `${open}>\n      <${kind} message="${xmlText(message)}">${xmlText(describe(result))}</${kind}>\n    </testcase>`;
    });
    return (
      `  <testsuite name="${xmlText(file)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n` +
      `${testcases.join('\n')}\n  </testsuite>`
    );
  });
  const failures = results.filter((result) => result.error === undefined && !passed(result)).length;
  const errors = results.filter((result) => result.error !== undefined).length;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="dual-use-rules test" tests="${results.length}" failures="${failures}" errors="${errors}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}
