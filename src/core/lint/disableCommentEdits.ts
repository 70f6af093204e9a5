import type { TextChange } from '../text/textChange';

export type { TextChange };

const NEXT_LINE_COMMENT = /^([ \t]*)<!--\s*clinalign-disable-next-line\b([^]*?)-->[ \t]*$/;
const FILE_COMMENT = /^([ \t]*)<!--\s*clinalign-disable\b(?!-)([^]*?)-->[ \t]*$/;

/**
 * Silences one principle on the line holding `offset`: `<!-- clinalign-disable-next-line <id> -->` above it,
 * indented like it (so it stays inside a list item). An existing such comment right above gains the id.
 * Undefined when the line is already silenced for that principle.
 */
export function disableOnLine(text: string, offset: number, principleId: string): TextChange | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const eol = lineEnding(text, lineStart);
  if (lineStart > 0) {
    const above = lineBefore(text, lineStart);
    const change = addIdToComment(text, above, NEXT_LINE_COMMENT, principleId);
    if (change !== 'no comment') return change;
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return {
    start: lineStart,
    end: lineStart,
    newText: `${indent}<!-- clinalign-disable-next-line ${principleId} -->${eol}`,
  };
}

/**
 * Silences one principle in the whole answer: `<!-- clinalign-disable <id> -->` as the first line of the body
 * (right after the front matter). An existing such comment there gains the id.
 */
export function disableInFile(text: string, bodyStart: number, principleId: string): TextChange | undefined {
  const newline = text.indexOf('\n', bodyStart);
  const firstLine = { start: bodyStart, end: newline < 0 ? text.length : newline };
  const change = addIdToComment(text, firstLine, FILE_COMMENT, principleId);
  if (change !== 'no comment') return change;
  return {
    start: bodyStart,
    end: bodyStart,
    newText: `<!-- clinalign-disable ${principleId} -->${lineEnding(text, bodyStart)}`,
  };
}

interface Line {
  start: number;
  end: number;
}

/** Adds the id to a directive comment filling `line`; 'no comment' when the line is not one. */
function addIdToComment(
  text: string,
  line: Line,
  comment: RegExp,
  principleId: string,
): TextChange | undefined | 'no comment' {
  const lineText = text.slice(line.start, line.end).replace(/\r$/, '');
  const match = comment.exec(lineText);
  if (!match) return 'no comment';
  const ids = match[2]!.split(/[\s,]+/).filter(Boolean);
  // No ids means every principle: already silenced.
  if (ids.length === 0 || ids.includes(principleId)) return undefined;
  const kind = comment === NEXT_LINE_COMMENT ? 'clinalign-disable-next-line' : 'clinalign-disable';
  const newText = `${match[1]}<!-- ${kind} ${[...ids, principleId].join(' ')} -->`;
  return { start: line.start, end: line.start + lineText.length, newText };
}

function lineBefore(text: string, lineStart: number): Line {
  const end = lineStart - 1; // the '\n' ending the line above
  return { start: text.lastIndexOf('\n', end - 1) + 1, end };
}

/** The line ending the text uses at `offset` (or its first one): keeps CRLF files CRLF. */
function lineEnding(text: string, offset: number): string {
  const newline = text.indexOf('\n', offset);
  const at = newline >= 0 ? newline : text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}
