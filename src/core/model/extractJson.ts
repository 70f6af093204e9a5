/**
 * The first complete JSON object in a model's text: the whole text when it parses, else the first balanced
 * `{…}` (strings and escapes respected) that parses — models in plain-prompt mode like to add prose or fences.
 * Throws a SyntaxError when there is none.
 */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to the scan
  }
  for (let start = trimmed.indexOf('{'); start >= 0; start = trimmed.indexOf('{', start + 1)) {
    const end = matchingBrace(trimmed, start);
    if (end < 0) break;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      // a brace inside prose; try the next one
    }
  }
  throw new SyntaxError(trimmed === '' ? 'the reply was empty' : 'the reply holds no complete JSON object');
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
