/** Where a quoted passage sits in a text: offsets, end exclusive. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/**
 * Finds a quote in the text: verbatim first, then allowing only differences of whitespace and of straight
 * versus curly quotes (models re-wrap lines and normalise apostrophes). Occurrences already taken are
 * skipped so that two findings quoting the same phrase land on different places when there are two.
 */
export function locateQuote(text: string, quote: string, taken: readonly QuoteSpan[] = []): QuoteSpan | undefined {
  const trimmed = quote.trim();
  if (trimmed === '') return undefined;
  const free = (span: QuoteSpan) => !taken.some((t) => t.start === span.start && t.end === span.end);
  for (let at = text.indexOf(trimmed); at >= 0; at = text.indexOf(trimmed, at + 1)) {
    const span = { start: at, end: at + trimmed.length };
    if (free(span)) return span;
  }
  const pattern = trimmed
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['‘’]/g, "['‘’]")
        .replace(/["“”]/g, '["“”]'),
    )
    .join('\\s+');
  const regex = new RegExp(pattern, 'gu');
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (free(span)) return span;
  }
  return undefined;
}
