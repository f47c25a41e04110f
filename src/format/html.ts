/** A fragment of HTML that is already safe to insert: produced only by `html` and `trustedHtml`. */
export class SafeHtml {
  readonly #value: string;

  private constructor(value: string) {
    this.#value = value;
  }

  /** Wraps markup written in this library's own source (never data). */
  static trusted(value: string): SafeHtml {
    return new SafeHtml(value);
  }

  toString(): string {
    return this.#value;
  }
}

/**
 * Builds HTML from a template whose interpolations are escaped unless they are `SafeHtml`: the only way the report
 * inserts values, so no text from a transaction or a ruleset can become markup. Arrays are joined; `undefined`,
 * `null` and `false` render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: readonly unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return SafeHtml.trusted(out);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A link target only when it is an http(s) URL: rulesets are untrusted, and `javascript:` or `data:` links must not pass. */
export function safeUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s"'<>`]+$/i.test(url) ? url : undefined;
}
