/**
 * The brackets that every image, link and HTML tag needs (`[`, `]`, `<`, `>`) where Markdown would read them
 * as markup: without a backslash before them, outside code spans, apart from the `<br>` tags templates write.
 * Untrusted text escaped with escapeMarkdown leaves none, so it can form no image, link or HTML.
 */
export function unescapedMarkup(markdown: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    if (c === '\\') i++;
    else if (c === '`') i = endOfCodeSpan(markdown, i);
    else if (markdown.startsWith('<br>', i)) i += 3;
    else if ('[]<>'.includes(c)) found.push(`${c} in …${markdown.slice(Math.max(0, i - 20), i + 20)}…`);
  }
  return found;
}

/** CommonMark: a run of n backticks opens a code span closed by the next run of exactly n; else it is literal. */
function endOfCodeSpan(markdown: string, start: number): number {
  let n = 0;
  while (markdown[start + n] === '`') n++;
  for (let i = start + n; i < markdown.length;) {
    if (markdown[i] !== '`') {
      i++;
      continue;
    }
    let run = 0;
    while (markdown[i + run] === '`') run++;
    if (run === n) return i + run - 1;
    i += run;
  }
  return start + n - 1;
}
