/**
 * Escapes text for Markdown (CommonMark/GFM) inline content: line breaks become spaces, characters that open inline
 * markup, links, HTML or table cells are backslash-escaped, and so is a start that would open a block (list, heading,
 * quote). Plain prose stays readable unrendered.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`)
    .replace(/^([-+#=>]|\d+(?=[.)](?:\s|$)))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** Text as an inline code span: shown literally whatever it contains (no HTML, no emphasis, no links). */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that no line of `text` can close early. */
export function codeBlock(text: string, language = ''): string {
  const longestRun = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** A link destination safe inside `[text](…)`: parentheses, spaces and angle brackets percent-encoded. */
export function linkDestination(url: string): string {
  return url.replace(
    /[()<> ]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
