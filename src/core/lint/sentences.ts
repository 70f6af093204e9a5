import { forEachBlankLine } from '../text/blankLines';
import { segmentSentences } from './sentenceSegments';

/** A half-open span of text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

const LINE_BREAK_BLOCK = /\n[ \t]*(?:\n|[-*+] |\d+[.)] |#{1,6} |> )/g;

/**
 * Sentences of the text, trimmed of surrounding whitespace. Markdown blocks (blank lines, list items,
 * headings) also end a sentence, since a list item without a full stop is still its own sentence.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const block of splitBlocks(text)) {
    segmentSentences(text, block.start, block.end, (start, end) => {
      const span = trimSpan(text, start, end);
      if (span) spans.push(span);
    });
  }
  return spans;
}

/** Paragraphs: runs of text separated by blank lines. */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  forEachBlankLine(text, (blankStart, blankEnd) => {
    const span = trimSpan(text, start, blankStart);
    if (span) spans.push(span);
    start = blankEnd;
  });
  const last = trimSpan(text, start, text.length);
  if (last) spans.push(last);
  return spans;
}

function splitBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  LINE_BREAK_BLOCK.lastIndex = 0;
  for (let m = LINE_BREAK_BLOCK.exec(text); m; m = LINE_BREAK_BLOCK.exec(text)) {
    blocks.push({ start, end: m.index + 1 });
    start = m.index + 1;
    LINE_BREAK_BLOCK.lastIndex = start;
  }
  blocks.push({ start, end: text.length });
  return blocks;
}

function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : undefined;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;
}

/** Index of the span containing `offset` (spans sorted, non-overlapping), or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
