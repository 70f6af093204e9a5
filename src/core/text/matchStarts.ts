import type { AstNode, Features } from 'regjsparser';
import { concatenations, unique } from './stringChoices';

/** The strings a node matches exactly, when few and literal (`planPattern`'s analysis); undefined otherwise. */
export type ExactStrings = (node: AstNode<Features>) => string[] | undefined;

const NON_ASCII_LETTER = /(?![a-z])\p{L}/u;
/** More starts than this and trying each occurrence stops paying against one scan. */
const MAX_STARTS = 48;

/**
 * Lower-cased texts one of which begins every match (after zero-width assertions such as `\b` or a
 * lookbehind), or undefined when that cannot be proven. Such a pattern need only be tried, sticky, where one
 * of its starts occurs: a match can begin nowhere else, and a scan tries the same positions in the same order.
 */
export function matchStarts(node: AstNode<Features>, exact: ExactStrings, minLength: number): string[] | undefined {
  const starts = prefixes(node, exact);
  if (!starts || starts.length === 0 || starts.length > MAX_STARTS) return undefined;
  // A letter outside ASCII may be matched, under case folding, by text that lower-cases to something else.
  const judged = starts.every((start) => start.length >= minLength && !NON_ASCII_LETTER.test(start));
  return judged ? starts : undefined;
}

function prefixes(node: AstNode<Features>, exact: ExactStrings): string[] | undefined {
  switch (node.type) {
    case 'alternative':
      return sequencePrefixes(node.body, exact);
    case 'group':
      return node.behavior === 'normal' || node.behavior === 'ignore' ? sequencePrefixes(node.body, exact) : undefined;
    case 'disjunction': {
      const parts = node.body.map((part) => prefixes(part, exact));
      return parts.every((part) => part !== undefined) ? unique(parts.flat()) : undefined;
    }
    case 'quantifier':
      return node.min >= 1 ? prefixes(node.body[0], exact) : undefined;
    default: {
      const strings = exact(node);
      return strings && !strings.includes('') ? strings : undefined;
    }
  }
}

/** Exact parts concatenate from the left; the first part that is not exact adds its own prefixes and ends the run. */
function sequencePrefixes(nodes: AstNode<Features>[], exact: ExactStrings): string[] | undefined {
  let run = [''];
  for (const node of nodes) {
    if (isZeroWidth(node)) continue;
    const strings = exact(node);
    const next = strings ?? prefixes(node, exact);
    const longer = next && concatenations(run, next, MAX_STARTS);
    if (!longer) break;
    run = longer;
    if (!strings) break;
  }
  return run.every((prefix) => prefix.length > 0) ? run : undefined;
}

function isZeroWidth(node: AstNode<Features>): boolean {
  if (node.type === 'anchor') return true;
  return node.type === 'group' && node.behavior !== 'normal' && node.behavior !== 'ignore';
}

/** Above this many first characters, trying each place one occurs stops paying against one scan. */
const MAX_START_CHARS = 40;
const DIGITS = '0123456789';

/**
 * The characters one of which begins every match, as a character class (`[0-9]`, `[<>]`), when they are
 * ASCII digits or punctuation; undefined otherwise.
 */
export function matchStartChars(node: AstNode<Features>): string | undefined {
  const chars = firstChars(node);
  if (!chars || chars.size === 0 || chars.size > MAX_START_CHARS) return undefined;
  const list = [...chars].sort();
  // Letters are everywhere in prose (trying a pattern at every "u" costs more than one scan), and a letter
  // may match another under case folding ("s" matches "ſ"): only digits and punctuation are worth it.
  if (list.some((c) => c.length !== 1 || c.charCodeAt(0) >= 0x80 || c.toUpperCase() !== c)) return undefined;
  return `[${list.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}

function firstChars(node: AstNode<Features>): Set<string> | undefined {
  switch (node.type) {
    case 'value':
      return new Set([String.fromCodePoint(node.codePoint).toLowerCase()]);
    case 'characterClassEscape':
      return node.value === 'd' ? new Set(DIGITS) : undefined;
    case 'characterClass': {
      if (node.negative) return undefined;
      const chars = new Set<string>();
      for (const item of node.body) {
        const part =
          item.type === 'characterClassRange' ? rangeChars(item.min.codePoint, item.max.codePoint) : firstChars(item);
        if (!part) return undefined;
        for (const c of part) chars.add(c);
      }
      return chars;
    }
    case 'alternative':
      return sequenceFirstChars(node.body, 0);
    case 'group':
      return node.behavior === 'normal' || node.behavior === 'ignore' ? sequenceFirstChars(node.body, 0) : undefined;
    case 'disjunction':
      return union(node.body.map(firstChars));
    case 'quantifier':
      return node.min >= 1 ? firstChars(node.body[0]) : undefined;
    default:
      return undefined;
  }
}

/** The first characters of a sequence from `from`: an optional part adds its own to those of what follows. */
function sequenceFirstChars(nodes: AstNode<Features>[], from: number): Set<string> | undefined {
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (isZeroWidth(node)) continue;
    if (node.type === 'quantifier' && node.min === 0)
      return union([firstChars(node.body[0]), sequenceFirstChars(nodes, i + 1)]);
    return firstChars(node);
  }
  return undefined; // the sequence can match the empty string
}

function rangeChars(min: number, max: number): Set<string> | undefined {
  if (max - min > MAX_START_CHARS) return undefined;
  const chars = new Set<string>();
  for (let code = min; code <= max; code++) chars.add(String.fromCodePoint(code).toLowerCase());
  return chars;
}

function union(parts: (Set<string> | undefined)[]): Set<string> | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return new Set(parts.flatMap((part) => [...part!]));
}
