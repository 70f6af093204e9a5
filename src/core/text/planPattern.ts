import { parse, type AstNode, type Features } from 'regjsparser';
import { matchStartChars, matchStarts } from './matchStarts';
import { concatenations, unique } from './stringChoices';

export interface PatternPlan {
  /** Lower-cased texts at least one of which every match contains; undefined when none can be proven. */
  literals?: string[];
  /**
   * True when the pattern must see the whole text: it uses `^` or `$` (which refer to the whole text), or
   * an unbounded run of characters that can cross a paragraph break (`[\s\S]*`, `[^.]+`).
   */
  anchored: boolean;
  /** Lower-cased texts one of which begins every match (see `matchStarts`); undefined when unproven. */
  starts?: string[];
  /** Without `starts`: a character class of the lower-cased text that every match begins in (`matchStartChars`). */
  startChars?: string;
}

/**
 * What a regular expression needs in order to match. The engine runs a pattern only if one of its literals
 * occurs in the answer, and then only on the paragraphs where they occur: a substring search is far cheaper
 * than a regex scan of the whole answer. Parses the pattern each time: a library remembers plans (PatternPlans).
 */
export function planPattern(source: string, minLength = 2): PatternPlan {
  let ast: AstNode<Features>;
  try {
    ast = parse(source, 'u', { lookbehind: true, namedGroups: true, unicodePropertyEscape: true }) as AstNode<Features>;
  } catch {
    return { anchored: true };
  }
  const anchored = hasTextAnchor(ast) || crossesParagraphs(ast);
  const required = analyse(ast).required;
  const proven = required && required.length > 0 && required.every((literal) => literal.length >= minLength);
  const starts = anchored ? undefined : matchStarts(ast, (node) => analyse(node).exact, minLength);
  const plan: PatternPlan = { anchored };
  // Starts are required literals too, for a pattern whose other requirements are too short to look for.
  const literals = proven ? required : starts;
  if (literals) plan.literals = literals;
  if (starts) plan.starts = starts;
  const startChars = anchored || starts ? undefined : matchStartChars(ast);
  if (startChars) plan.startChars = startChars;
  return plan;
}

/**
 * The plan of a matcher made of literal terms and patterns, without parsing the terms as regular
 * expressions: a term's literal is the term itself, or its longest word when it spans several words.
 */
export function planMatcher(terms: readonly string[], patterns: readonly string[], minLength = 2): PatternPlan {
  const plans = patterns.map((p) => planPattern(p, minLength));
  const anchored = plans.some((p) => p.anchored);
  const termLiterals = terms.map((term) => {
    const words = term.trim().toLowerCase().split(/\s+/);
    return words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
  });
  if (plans.some((p) => !p.literals) || termLiterals.some((l) => l.length < minLength)) return { anchored };
  return { literals: [...new Set([...termLiterals, ...plans.flatMap((p) => p.literals!)])], anchored };
}

function crossesParagraphs(node: AstNode<Features>): boolean {
  if (node.type === 'quantifier' && node.max === undefined && canMatchNewline(node.body[0])) return true;
  if ('body' in node && Array.isArray(node.body)) return (node.body as AstNode<Features>[]).some(crossesParagraphs);
  return false;
}

/** Whether a single-character node can match "\n". A bare `\s` between words is not counted as crossing. */
function canMatchNewline(node: AstNode<Features>): boolean {
  switch (node.type) {
    case 'characterClassEscape':
      return node.value === 'D' || node.value === 'W';
    case 'characterClass': {
      const listsNewline = node.body.some((b) => b.type === 'value' && b.codePoint === 10);
      if (node.negative) return !listsNewline;
      return (
        listsNewline || node.body.some((b) => b.type === 'characterClassEscape' && ['s', 'D', 'W'].includes(b.value))
      );
    }
    case 'value':
      return node.codePoint === 10;
    default:
      return false;
  }
}

function hasTextAnchor(node: AstNode<Features>): boolean {
  if (node.type === 'anchor') return node.kind === 'start' || node.kind === 'end';
  if ('body' in node && Array.isArray(node.body)) return (node.body as AstNode<Features>[]).some(hasTextAnchor);
  return false;
}

/** `exact`: every string the node can match (when few and literal); `required`: one of these occurs in any match. */
interface Analysis {
  exact?: string[];
  required?: string[];
}

const MAX_ALTERNATIVES = 24;
const ZERO_WIDTH: Analysis = { exact: [''] };
const OPAQUE: Analysis = {};

function analyse(node: AstNode<Features>): Analysis {
  switch (node.type) {
    case 'value': {
      const char = String.fromCodePoint(node.codePoint).toLowerCase();
      return { exact: [char], required: [char] };
    }
    case 'anchor':
      return ZERO_WIDTH;
    case 'alternative':
      return sequence(node.body);
    case 'group':
      return node.behavior === 'normal' || node.behavior === 'ignore' ? sequence(node.body) : ZERO_WIDTH;
    case 'disjunction': {
      const parts = node.body.map(analyse);
      const exact = parts.every((p) => p.exact) ? unique(parts.flatMap((p) => p.exact!)) : undefined;
      const required = parts.every((p) => p.required) ? unique(parts.flatMap((p) => p.required!)) : undefined;
      return trim({ exact, required });
    }
    case 'quantifier': {
      const body = analyse(node.body[0]);
      if (node.min === 0) return node.max === 1 && body.exact ? trim({ exact: unique([...body.exact, '']) }) : OPAQUE;
      if (body.exact && node.min <= 3) {
        // At least `min` repetitions in a row: their concatenations are required.
        let repeated: string[] | undefined = [''];
        for (let i = 0; i < node.min && repeated; i++)
          repeated = concatenations(repeated, body.exact, MAX_ALTERNATIVES);
        if (repeated)
          return trim(node.max === node.min ? { exact: repeated, required: repeated } : { required: repeated });
      }
      return body.required ? { required: body.required } : OPAQUE;
    }
    case 'characterClass': {
      if (node.negative || !node.body.every((b) => b.type === 'value')) return OPAQUE;
      const chars = unique(
        node.body.map((b) => String.fromCodePoint((b as { codePoint: number }).codePoint).toLowerCase()),
      );
      return trim({ exact: chars, required: chars });
    }
    default:
      return OPAQUE;
  }
}

/** A sequence: runs of exact parts concatenate; the most selective candidate becomes the requirement. */
function sequence(nodes: AstNode<Features>[]): Analysis {
  const candidates: string[][] = [];
  let run: string[] | undefined = [''];
  let allExact = true;
  for (const node of nodes) {
    const part = analyse(node);
    if (part.required) candidates.push(part.required);
    if (part.exact && run) {
      const longer = concatenations(run, part.exact, MAX_ALTERNATIVES);
      if (!longer) candidates.push(run);
      run = longer;
    } else {
      if (run) candidates.push(run);
      if (part.exact) {
        run = part.exact;
      } else {
        run = [''];
        allExact = false;
      }
    }
  }
  if (run) candidates.push(run);
  // A set holding the empty string proves nothing.
  const required = best(candidates.filter((c) => c.length > 0 && c.every((s) => s.length > 0)));
  return trim({ exact: allExact && run ? run : undefined, required });
}

/** The candidate whose shortest literal is longest (most selective), fewer alternatives breaking ties. */
function best(candidates: string[][]): string[] | undefined {
  let chosen: string[] | undefined;
  let score = -1;
  for (const candidate of candidates) {
    const shortest = Math.min(...candidate.map((s) => s.length));
    const candidateScore = shortest * 100 - candidate.length;
    if (candidateScore > score) {
      score = candidateScore;
      chosen = candidate;
    }
  }
  return chosen;
}

function trim(analysis: { exact?: string[] | undefined; required?: string[] | undefined }): Analysis {
  const result: Analysis = {};
  if (analysis.exact && analysis.exact.length <= MAX_ALTERNATIVES) result.exact = analysis.exact;
  if (analysis.required && analysis.required.length <= MAX_ALTERNATIVES * 4) result.required = analysis.required;
  return result;
}
