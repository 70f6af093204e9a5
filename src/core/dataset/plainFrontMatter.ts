/**
 * Whether a front matter stays inside the plain YAML subset that js-yaml and `yaml` read identically, so the
 * bulk export may take js-yaml's faster reading of it. Anything else — anchors, aliases, tags, complex or
 * collection keys, directives, tabs, control characters, long lines, unusual number forms — goes through
 * `yaml` (parseCase), which makes every decision about such files. False is always safe: it only costs speed.
 * A property test (test/unit/dataset/readCaseFast.property.test.ts) checks that both readings agree.
 */
export function isPlainFrontMatter(yaml: string): boolean {
  return (
    !UNSAFE_CHARACTERS.test(yaml) &&
    !LONE_SURROGATE.test(yaml) &&
    !RISKY_TOKEN.test(yaml) &&
    !hasLongLine(yaml) &&
    !hasQuoteOpenAtLineEnd(yaml)
  );
}

// Tabs, control characters (C0 but \n and a \r before \n; DEL; C1), a BOM and the Unicode line separators.
const UNSAFE_CHARACTERS = /[\t\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff]|\r(?!\n)/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * At the start of a token (line start, after a space, a flow indicator or a quote): node properties (`&`, `*`,
 * `!`), complex keys (`?`), directives (`%`), reserved indicators (`@`, backtick), a collection used as a key
 * (`[…]:`, `{…}:`), a null or empty key, a comment glued to a quote, and number forms the two libraries resolve differently (binary,
 * signed hex or octal, a leading dot, `.inf`/`.nan`, digit separators).
 */
const RISKY_TOKEN = new RegExp(
  [
    String.raw`(?:^|[\s,[{])[&*!%@\x60]`,
    String.raw`(?:^|[\s,[{])\?(?:[\s]|$)`,
    String.raw`[\]}]\s*:(?:\s|$)`,
    String.raw`(?:^|[\s,[{])(?:~|null|Null|NULL)?\s*:(?:\s|$)`,
    String.raw`["']#`,
    String.raw`(?:^|[\s,[{:])[-+]?(?:0[bBxXoO]|\.[0-9]|\.(?:inf|Inf|INF|nan|NaN|NAN)\b|[0-9][0-9]*_)`,
  ].join('|'),
  'm',
);

/** yaml refuses implicit keys over 1,024 characters; js-yaml does not. Long lines are rare, so any defers. */
function hasLongLine(yaml: string): boolean {
  let start = 0;
  for (let end = yaml.indexOf('\n'); ; end = yaml.indexOf('\n', start)) {
    const lineEnd = end === -1 ? yaml.length : end;
    if (lineEnd - start > 1000) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/** Where a quoted scalar may begin: after a line's indentation, a key's colon, a list dash or a flow indicator. */
const QUOTE_START = /(?:^|[:,[{-])[ ]*(["'])/gm;

/**
 * A quoted scalar that goes on past its line ("x: \"multi" then "id: line\""): js-yaml reads the next line as
 * more of the string, while `yaml` stops at a line indented no deeper than the key. Such files defer.
 */
function hasQuoteOpenAtLineEnd(yaml: string): boolean {
  QUOTE_START.lastIndex = 0;
  for (let match = QUOTE_START.exec(yaml); match; match = QUOTE_START.exec(yaml)) {
    const quote = match[1]!;
    const open = match.index + match[0].length; // just after the opening quote
    const newline = yaml.indexOf('\n', open);
    const lineEnd = newline === -1 ? yaml.length : newline;
    const close = closingQuote(yaml, open, lineEnd, quote);
    if (close === -1) return true;
    QUOTE_START.lastIndex = close + 1; // what the string holds starts no scalar
  }
  return false;
}

/** The offset of the quote that closes a scalar opened just before `from`, on the same line; -1 if none. */
function closingQuote(yaml: string, from: number, lineEnd: number, quote: string): number {
  // In a double-quoted string a backslash escapes the next character; in a single-quoted one '' is a quote.
  for (let i = from; i < lineEnd; i++) {
    const char = yaml[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote && quote === "'" && yaml[i + 1] === "'") i++;
    else if (char === quote) return i;
  }
  return -1;
}
