import { parseCase } from './parseCase';

/** The document with its answer body replaced; the front matter keeps every byte. */
export function replaceAnswer(documentText: string, answer: string): string {
  const { bodyStart } = parseCase(documentText);
  return documentText.slice(0, bodyStart) + answer;
}
