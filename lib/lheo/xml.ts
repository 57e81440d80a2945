// Writing XML text safely: whatever a provider typed (markup characters, quotes, control
// characters, half an emoji) comes out as well-formed XML 1.0 within LHÉO's length limits.
//
// The feed writes a few hundred texts per formation and 100,000 formations per transmission, and
// almost every text is plain: each step first tests, with one regular expression, whether it has
// anything to do, and returns the text itself when not (same output, no copies).

// Not allowed anywhere in an XML 1.0 document (https://www.w3.org/TR/xml/#charsets): control
// characters but tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What xmlSafe may have to change: the characters above, any surrogate (paired or not) and carriage returns. */
const MAY_BE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uD800-\uDFFF\uFFFE\uFFFF]/;
const MARKUP = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n]/;

/** The text with what XML cannot carry removed, and line ends as a parser would read them. */
export function xmlSafe(text: string): string {
  if (!MAY_BE_UNSAFE.test(text)) return text;
  return text.replace(NOT_XML, "").replace(/\r\n?/g, "\n");
}

/**
 * At most `max` characters as XML Schema counts them (code points: an emoji is one), cut on a
 * word boundary when one is near, with « … » to show the cut.
 */
export function truncate(text: string, max: number): string {
  // A string never has more code points than UTF-16 units.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** `&`, `<` and `>` escaped in a text already xmlSafe. */
function escapeMarkup(text: string): string {
  if (!MARKUP.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeText(text: string): string {
  return escapeMarkup(xmlSafe(text));
}

export function escapeAttribute(text: string): string {
  const safe = xmlSafe(text);
  if (!ATTRIBUTE_SPECIAL.test(safe)) return safe;
  return escapeMarkup(safe).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

export type Attributes = Record<string, string | number | null | undefined>;

function attributes(attrs: Attributes | undefined): string {
  let written = "";
  if (!attrs) return written;
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value === null || value === undefined || value === "") continue;
    written += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return written;
}

/** An element with text content, cut to `max` characters; nothing when the text is empty. */
export function textElement(name: string, text: string | number | null | undefined, options: { max?: number; attrs?: Attributes } = {}): string {
  if (text === null || text === undefined) return "";
  let value = xmlSafe(String(text)).trim();
  if (value === "") return "";
  if (options.max) value = truncate(value, options.max);
  // xmlSafe, trimming and cutting on code points leave a safe text safe: only markup is left to escape.
  return `<${name}${attributes(options.attrs)}>${escapeMarkup(value)}</${name}>`;
}

/** An element holding children (already written); nothing when they are all empty. */
export function element(name: string, children: (string | false | null | undefined)[], attrs?: Attributes): string {
  let inner = "";
  for (const child of children) if (child) inner += child;
  if (inner === "") return "";
  return `<${name}${attributes(attrs)}>${inner}</${name}>`;
}
