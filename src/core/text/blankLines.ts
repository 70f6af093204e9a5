/**
 * Calls `visit` with the [start, end) of each blank line in `text` — each match of `/\n[ \t]*\n/g`, as
 * `matchAll` finds them — by searching for line feeds. Paragraphs are split at these on every keystroke.
 */
export function forEachBlankLine(text: string, visit: (start: number, end: number) => void): void {
  for (let at = text.indexOf('\n'); at !== -1;) {
    let next = at + 1;
    for (let code = text.charCodeAt(next); code === 0x20 || code === 0x09; code = text.charCodeAt(++next));
    if (text.charCodeAt(next) === 0x0a) {
      visit(at, next + 1);
      at = text.indexOf('\n', next + 1);
    } else at = text.indexOf('\n', next);
  }
}
