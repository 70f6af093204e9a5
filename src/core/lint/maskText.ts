/**
 * Blanks out parts of Markdown that are not prose the reader sees as the answer — HTML comments
 * (including clinalign-disable comments) and fenced code — keeping every offset and newline in place.
 */
const HIDDEN = /<!--[\s\S]*?(?:-->|$)|^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm;

export function maskHiddenMarkdown(text: string): string {
  if (!text.includes('<!--') && !text.includes('```') && !text.includes('~~~')) return text;
  return text.replace(HIDDEN, (hidden) => hidden.replace(/[^\n]/g, ' '));
}
