import { fastSentenceSegments } from './fastSentenceSegments';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// V8's sentence segmenter pays for each step in proportion to the length of the whole string (a 200,000-
// character block of short sentences takes ~30 s), so a long block is segmented in windows.
const WINDOW = 8192;
// ICU places a break after a full stop by looking ahead over spaces, digits and punctuation for a lower-case
// letter (UAX #29, SB8); a letter of either case, a sentence terminator or a line break ends that look-ahead.
// A window's break is kept only where such a character follows it inside the window, so a look-ahead cut
// short by the window's end cannot have moved it.
const LOOKAHEAD_END = /[\p{Ll}\p{Lu}\p{Lt}.?!\n\u3002]/u;

/** Calls `visit` with each sentence segment of text[start, end), as one `Intl.Segmenter` call over it would. */
export function segmentSentences(
  text: string,
  start: number,
  end: number,
  visit: (start: number, end: number) => void,
): void {
  // The segmenter costs ~10 µs a call: a list item or heading with nothing that can end a sentence is one.
  if (oneSentence(text, start, end)) return visit(start, end);
  // Most health writing uses only characters whose break class is known: the same breaks without ICU.
  if (fastSentenceSegments(text, start, end, visit)) return;
  let from = start;
  let size = WINDOW;
  while (from < end) {
    const stop = Math.min(end, from + size);
    const keepUpTo = stop === end ? end : lastLookaheadEnd(text, from, stop - 1);
    let kept = from;
    for (const segment of segmenter.segment(text.slice(from, stop))) {
      const segmentEnd = from + segment.index + segment.segment.length;
      if (segmentEnd > keepUpTo) break;
      visit(from + segment.index, segmentEnd);
      kept = segmentEnd;
    }
    if (stop === end) return;
    // A break is a true one, so segmenting again from it gives what one call would. A window without a kept
    // break (one very long sentence) is retried twice as long.
    if (kept === from) size *= 2;
    else {
      from = kept;
      size = WINDOW;
    }
  }
}

/** The offset of the last character in [from, before) that ends ICU's look-ahead, or -1. */
function lastLookaheadEnd(text: string, from: number, before: number): number {
  for (let i = before - 1; i >= from; i--) if (LOOKAHEAD_END.test(text[i]!)) return i;
  return -1;
}

/**
 * Printable ASCII with no sentence terminator and no line break before the last character: UAX #29 has no
 * break inside such a span, so the segmenter would return it whole.
 */
function oneSentence(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      if (code === 0x2e || code === 0x21 || code === 0x3f) return false; // . ! ?
    } else if (code !== 0x09 && !((code === 0x0a || code === 0x0d) && i === end - 1)) return false;
  }
  return true;
}
