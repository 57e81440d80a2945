// Writing XML text safely: whatever a provider typed (markup characters, quotes, control
// characters, half an emoji) comes out as well-formed XML 1.0 within LHÉO's length limits.

// Not allowed anywhere in an XML 1.0 document (https://www.w3.org/TR/xml/#charsets): control
// characters but tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with what XML cannot carry removed, and line ends as a parser would read them. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "").replace(/\r\n?/g, "\n");
}

/**
 * At most `max` characters as XML Schema counts them (code points: an emoji is one), cut on a
 * word boundary when one is near, with « … » to show the cut.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

export type Attributes = Record<string, string | number | null | undefined>;

function attributes(attrs: Attributes | undefined): string {
  if (!attrs) return "";
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
}

/** An element with text content, cut to `max` characters; nothing when the text is empty. */
export function textElement(name: string, text: string | number | null | undefined, options: { max?: number; attrs?: Attributes } = {}): string {
  if (text === null || text === undefined) return "";
  let value = xmlSafe(String(text)).trim();
  if (value === "") return "";
  if (options.max) value = truncate(value, options.max);
  return `<${name}${attributes(options.attrs)}>${escapeText(value)}</${name}>`;
}

/** An element holding children (already written); nothing when they are all empty. */
export function element(name: string, children: (string | false | null | undefined)[], attrs?: Attributes): string {
  const inner = children.filter(Boolean).join("");
  if (inner === "") return "";
  return `<${name}${attributes(attrs)}>${inner}</${name}>`;
}
