/** Comments the editor and the linter put in a body; they are not part of the answer. */
const CONTROL_COMMENT =
  /^[ \t]*<!--\s*(?:clinalign-[\s\S]*?|Write the answer below\.[\s\S]*?)-->[ \t]*(?:\r?\n|$)(?:[ \t]*\r?\n)*/gm;

/**
 * The answer a case file holds: its body without ClinAlign's own comments (and the blank lines after them) and
 * without the one line break that ends the file. Nothing else is trimmed, so an imported completion exports byte for byte.
 */
export function caseAnswer(body: string): string {
  return body.replace(CONTROL_COMMENT, '').replace(/\r?\n$/, '');
}

/** The body a case file gets for an answer: `caseAnswer` of it gives the answer back. */
export function bodyForAnswer(answer: string): string {
  return answer === '' ? '' : `${answer}\n`;
}
