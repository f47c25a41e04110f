import type { Plugin } from 'vite';

/**
 * Makes text safe inside an inline `<script>` or `<style>` element: the HTML parser ends the element at the first
 * `</script` (or `</style`) whatever the JavaScript or CSS around it means, and `<!--` followed by `<script` changes
 * how it looks for that end. `\x3C` is `<` in every JavaScript string, template, regular expression and CSS string,
 * so the code means what it meant.
 */
export function escapeInline(code: string, element: 'script' | 'style'): string {
  const pattern = element === 'script' ? /<(\/?script|!--)/gi : /<(\/style)/gi;
  return code.replace(pattern, (_, rest: string) => `\\x3C${rest}`);
}

/** An asset the HTML names, read from the bundle. */
export interface InlineAsset {
  readonly fileName: string;
  readonly code: string;
}

/**
 * The page with its scripts and style sheets written into it: each `<script type="module" src>` whose file is among
 * `scripts` becomes an inline module script, each `<link rel="stylesheet" href>` among `styles` a `<style>` element.
 * Throws when the page names a script or style sheet that is not given, so nothing is left pointing at a file the
 * build no longer writes.
 */
export function inlineAssets(html: string, scripts: readonly InlineAsset[], styles: readonly InlineAsset[]): string {
  const find = (assets: readonly InlineAsset[], reference: string) => {
    const name = reference.replace(/^\.?\//, '');
    const asset = assets.find((candidate) => candidate.fileName === name);
    if (asset === undefined) throw new Error(`The page names ${reference}, which is not in the bundle to inline.`);
    return asset;
  };
  return html
    .replace(/<script\b([^>]*)\ssrc="([^"]+)"([^>]*)><\/script>/g, (_, before: string, src: string, after: string) => {
      const attributes = `${before}${after}`.replace(/\s+crossorigin\b/g, '');
      return `<script${attributes}>${escapeInline(find(scripts, src).code, 'script')}</script>`;
    })
    .replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
      const href = /\shref="([^"]+)"/.exec(tag)?.[1];
      if (href === undefined) return tag;
      return `<style>${escapeInline(find(styles, href).code, 'style')}</style>`;
    });
}

/**
 * Builds the questionnaire as one self-contained `index.html`: browsers refuse module scripts loaded from `file://`
 * (the page's origin is `null`), so a page opened from disk or a file share must carry its script inline. The build
 * writes one chunk (no code splitting) and this plugin moves it, and the CSS, into the page; nothing else is emitted.
 * Build only: the dev server (`npm run web`) serves the modules as usual.
 */
export function singleFile(): Plugin {
  return {
    name: 'dual-use-rules:single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const scripts: InlineAsset[] = [];
      const styles: InlineAsset[] = [];
      for (const output of Object.values(bundle)) {
        // Vite wraps each dynamic import as __vitePreload(factory, __VITE_PRELOAD__) and fills the marker in only for
        // imports left in the chunk; one inlined by codeSplitting: false keeps the bare marker, a ReferenceError at
        // run time. `void 0` is what Vite writes for an import without dependencies to preload.
        if (output.type === 'chunk')
          scripts.push({ fileName: output.fileName, code: output.code.replaceAll('__VITE_PRELOAD__', 'void 0') });
        else if (output.fileName.endsWith('.css'))
          styles.push({ fileName: output.fileName, code: String(output.source) });
      }
      for (const output of Object.values(bundle)) {
        if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
        output.source = inlineAssets(String(output.source), scripts, styles);
      }
      const left = Object.values(bundle).filter(
        (output) =>
          !output.fileName.endsWith('.html') &&
          !scripts.some((s) => s.fileName === output.fileName) &&
          !styles.some((s) => s.fileName === output.fileName),
      );
      if (left.length > 0)
        this.error(
          `The single-file build would also need ${left.map((output) => output.fileName).join(', ')}: inline it or drop it.`,
        );
      for (const asset of [...scripts, ...styles]) delete bundle[asset.fileName];
    },
  };
}
