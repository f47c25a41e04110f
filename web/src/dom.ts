/** Attributes for `h`: strings and numbers are set as attributes, `true` as an empty attribute, `false`/`undefined` skipped. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** A child for `h`: text becomes a text node (never markup), nodes are appended, `null`/`undefined`/`false` skipped. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** Creates an element. Text is always inserted as text, so nothing from a transaction or a ruleset can become markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
  }
}

/** A link to an official text: only http(s) URLs become links, opened in a new tab. */
export function externalLink(url: string | undefined, text: string): Node {
  return url !== undefined && /^https?:\/\//i.test(url)
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text)
    : document.createTextNode(text);
}
