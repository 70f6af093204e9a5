/**
 * Whether a front matter stays inside the plain YAML subset that js-yaml and `yaml` read identically, so the
 * bulk export may take js-yaml's faster reading of it. Anything else — anchors, aliases, tags, complex or
 * collection keys, directives, tabs, control characters, long lines, unusual number forms — goes through
 * `yaml` (parseCase), which makes every decision about such files. False is always safe: it only costs speed.
 * A property test (test/unit/dataset/readCaseFast.property.test.ts) checks that both readings agree.
 */
export function isPlainFrontMatter(yaml: string): boolean {
  return !UNSAFE_CHARACTERS.test(yaml) && !LONE_SURROGATE.test(yaml) && !RISKY_TOKEN.test(yaml) && !hasLongLine(yaml);
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
