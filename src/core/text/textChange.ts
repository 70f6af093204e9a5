/**
 * A change to a text: replace [start, end) with `newText` (an insertion when start === end). Every edit the
 * core computes for a document — a disable comment, a front matter key, an accepted revision, a quick fix —
 * is one of these, and the editor applies it with one function (applyTextChange).
 */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}
