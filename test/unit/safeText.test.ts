import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  describeError,
  escapeControls,
  escapeControlsInDocument,
  jsonText,
  terminalSafe,
} from '../../src/cli/output/safeText';
import { RulesetError, TransactionError } from '../../src/index';
import { runs } from '../support/runs';

/** Every character a terminal acts on instead of showing. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Every string in a JSON value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) => [key, ...strings(field)]);
}

describe('the one function the command line passes untrusted text through', () => {
  test('shows each control character as a visible escape', () => {
    expect(escapeControls('a\u001b[2Jb\nc\rd\te\u0007\u007f\u009b\u202e\u2066\u2028')).toBe(
      'a\\x1b[2Jb\\nc\\rd\\te\\x07\\x7f\\x9b\\u202e\\u2066\\u2028',
    );
    expect(escapeControls('Büro §5 — «ok» 東京 👍')).toBe('Büro §5 — «ok» 東京 👍');
  });

  test('leaves nothing unsafe, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(UNSAFE.test(escapeControls(text))).toBe(false);
        for (const part of strings(terminalSafe({ [text]: [text, { text }] }))) expect(UNSAFE.test(part)).toBe(false);
        expect(UNSAFE.test(escapeControlsInDocument(text).replace(/\n/g, ''))).toBe(false);
      }),
      { numRuns: runs(2000) },
    );
  });

  test('jsonText is JSON that parses back to the same value, with nothing unsafe in it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const document = { value, text, [text]: 1 };
        const json = jsonText(document, 2);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(document)));
        expect(UNSAFE.test(json.replace(/\n/g, ''))).toBe(false);
      }),
      { numRuns: runs(2000) },
    );
  });

  test('an error with issues keeps its heading and one line per issue, each escaped', () => {
    const error = new TransactionError([
      {
        path: ['item', 'x\u001b[2J'],
        code: 'unrecognized_key',
        key: 'x\u001b[2J',
        message: 'Unknown key "x\u001b[2J\nOutcome: forged"',
      },
      { path: [], code: 'invalid_json', message: 'bad' },
    ]);
    expect(describeError(error).split('\n')).toEqual([
      'The transaction is not valid (2 issues):',
      '  /: bad [invalid_json]',
      '  /item/x\\x1b[2J: Unknown key "x\\x1b[2J\\nOutcome: forged" [unrecognized_key]',
    ]);
    const ruleset = new RulesetError([{ path: [], code: 'cycle', message: 'm' }], 'id\u001b]0;t\u0007');
    expect(describeError(ruleset)).toBe('The ruleset id\\x1b]0;t\\x07 is not valid (1 issue):\n  /: m [cycle]');
    expect(describeError(new Error('one\nline'))).toBe('one\\nline');
  });
});
