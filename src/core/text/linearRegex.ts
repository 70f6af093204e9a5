import { RE2JS } from 're2js';

/**
 * A detector pattern run on RE2 (the re2js port): time linear in the text whatever the pattern, so a
 * pattern from a cloned repository cannot hang the editor. RE2 has no lookaround or backreferences; such
 * patterns have no linear translation (`toRe2Source` returns undefined).
 */
export class LinearRegex {
  private readonly compiled: RE2JS;

  constructor(re2Source: string, ignorecase: boolean) {
    this.compiled = RE2JS.compile(re2Source, ignorecase ? RE2JS.CASE_INSENSITIVE : 0);
  }

  /** Each match's [start, end) in UTF-16 offsets, as a JS regex gives them; `visit` returns true to stop. */
  forEachMatch(text: string, visit: (start: number, end: number) => boolean | void): void {
    // Asking only whether there is a match runs re2js's lazy DFA, many times faster than the search for
    // positions (backtracker or NFA); most texts that pass the literal prefilter still have no match.
    if (!this.compiled.test(text)) return;
    const matcher = this.compiled.matcher(text);
    let from = 0;
    while (from <= text.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      if (visit(start, end)) return;
      from = end > start ? end : end + 1;
    }
  }
}

/** JavaScript's `\s` (RE2's is ASCII only): the Unicode spaces a pasted answer may contain. */
const JS_SPACE = '\\t-\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** JavaScript's `.` without the `s` flag. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/**
 * The RE2 spelling of a JavaScript (`u` flag) pattern, or undefined when it needs a backtracking engine
 * (lookaround, backreferences). Differences handled: `\uXXXX`, `\p{Script=X}`, `(?<name>`, `\s` and `.`.
 */
export function toRe2Source(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u') {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(source.slice(i + 2));
        const plain = /^[0-9a-fA-F]{4}/.exec(source.slice(i + 2));
        if (braced) {
          out += `\\x{${braced[1]}}`;
          i += 1 + braced[0].length;
        } else if (plain) {
          out += `\\x{${plain[0]}}`;
          i += 5;
        } else return undefined;
        continue;
      }
      if (next === 'p' || next === 'P') {
        const property = /^\{([^}]*)\}/.exec(source.slice(i + 2));
        if (!property) return undefined;
        const name = property[1]!.replace(/^(?:Script|sc|Script_Extensions|scx|General_Category|gc)=/, '');
        out += `\\${next}{${name}}`;
        i += 1 + property[0].length;
        continue;
      }
      if (/[1-9k]/.test(next)) return undefined; // backreference
      if (next === 's') {
        out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
        i++;
        continue;
      }
      if (next === 'S' && !inClass) {
        out += `[^${JS_SPACE}]`;
        i++;
        continue;
      }
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` or `^]` right after the bracket is a literal in RE2 but an empty class in JS; leave as is.
      continue;
    }
    if (c === '.') {
      out += JS_DOT;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2);
      if (/^(?:=|!|<=|<!)/.test(rest)) return undefined; // lookaround
      const named = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += `(?P<${named[1]}>`;
        i += 1 + named[0].length;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Whether RE2 accepts the translated pattern (it rejects, e.g., repeat counts over 1000). */
export function re2Compiles(re2Source: string): boolean {
  try {
    RE2JS.compile(re2Source);
    return true;
  } catch {
    return false;
  }
}
