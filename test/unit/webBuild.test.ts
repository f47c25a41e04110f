import { describe, expect, test } from 'vitest';
import { escapeInline, inlineAssets } from '../../web/singleFile';

describe('the single-file questionnaire build', () => {
  test('inline code cannot end its element early, and still means the same', () => {
    const code =
      'const a = "</script><script>alert(1)</script>"; const b = /<\\/script/i; const c = `<!-- ${1} <script>`; globalThis.out = [a, b.test("</SCRIPT"), c];';
    const escaped = escapeInline(code, 'script');
    expect(escaped).not.toMatch(/<\/script|<!--|<script/i);
    const run = (source: string) => {
      const scope: { out?: unknown } = {};
      new Function('globalThis', source)(scope);
      return scope.out;
    };
    expect(run(escaped)).toEqual(run(code));
    expect(escapeInline('a::after { content: "</style>" }', 'style')).toBe('a::after { content: "\\x3C/style>" }');
  });

  test('the page carries its script and style sheet inline, and nothing points at a file', () => {
    const html =
      '<head><script type="module" crossorigin src="./assets/index-1.js"></script>\n<link rel="stylesheet" crossorigin href="./assets/index-2.css"></head>';
    const page = inlineAssets(
      html,
      [{ fileName: 'assets/index-1.js', code: 'document.title = "$&";' }],
      [{ fileName: 'assets/index-2.css', code: 'body { color: red }' }],
    );
    expect(page).toBe(
      '<head><script type="module">document.title = "$&";</script>\n<style>body { color: red }</style></head>',
    );
    expect(() => inlineAssets(html, [], [])).toThrow(/names .\/assets\/index-1.js/);
  });
});
