import { normaliseWord, tokenize } from './tokens';

/** One position of a term: a choice of words, a prefix, any word, or a number in a range. */
export type TermStep =
  | { kind: 'words'; words: string[]; prefixes: string[] }
  | { kind: 'any' }
  | { kind: 'number'; min: number; max: number };

/** A term compiled to the word steps it matches; optional words expand to several sequences. */
export interface TermSequence {
  steps: TermStep[];
}

/** `<n>` any number, `<0-12>` a number in a range (`#`, `#0-12` also work in quoted YAML strings). */
const NUMBER_STEP = /^(?:#|<n>|<(?=\d.*>$))(?:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?))?>?$/;
const MIN_PREFIX = 3;
/** Most words need no tokenising: plain lower-case letters and digits. */
const SIMPLE_WORD = /^[a-z0-9]+$/;
/** Optional words multiply the sequences; a term is short, so a small cap keeps a mistake cheap. */
const MAX_SEQUENCES = 64;

/**
 * Parses a term of the lexicon ("elephant on my|his|her chest", "sweat*", "born #0-12 week*|wk* ago",
 * "the? middle of my chest"). Returns an error message instead of throwing.
 */
export function compileTerm(term: string): TermSequence[] | string {
  const parts = term.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'empty term';
  let sequences: TermStep[][] = [[]];
  for (const part of parts) {
    const optional = part.length > 1 && part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    const step = compileStep(body);
    if (typeof step === 'string') return `${step} in “${term}”`;
    // A step that tokenises to several words ("a&e" → a e) becomes several steps.
    const steps = Array.isArray(step) ? step : [step];
    const extended = sequences.map((s) => [...s, ...steps]);
    sequences = optional ? [...sequences, ...extended] : extended;
    if (sequences.length > MAX_SEQUENCES) return `too many optional words in “${term}”`;
  }
  const nonEmpty = sequences.filter((s) => s.length > 0);
  if (nonEmpty.length === 0) return `“${term}” has only optional words`;
  if (nonEmpty.some((s) => s[0]!.kind === 'any')) return `“${term}” must not start with _`;
  return nonEmpty.map((steps) => ({ steps }));
}

function compileStep(body: string): TermStep | TermStep[] | string {
  if (body === '_') return { kind: 'any' };
  const number = NUMBER_STEP.exec(body);
  if (number) {
    const min = number[1] === undefined ? -Infinity : Number(number[1]);
    const max = number[2] === undefined ? Infinity : Number(number[2]);
    if (min > max) return `empty number range ${body}`;
    return { kind: 'number', min, max };
  }
  const choices = body.split('|');
  if (choices.length === 1 && !body.endsWith('*')) {
    const plain = body.toLowerCase();
    if (SIMPLE_WORD.test(plain)) return { kind: 'words', words: [plain], prefixes: [] };
    // A plain word may hold punctuation that splits it ("a&e", "5-week-old"): match its words in turn.
    const words = tokenize(body).map((t) => t.word);
    if (words.length === 0) return `no word in “${body}”`;
    return words.map((word) => ({ kind: 'words', words: [word], prefixes: [] }));
  }
  const step: TermStep = { kind: 'words', words: [], prefixes: [] };
  for (const choice of choices) {
    const isPrefix = choice.endsWith('*');
    const word = normaliseWord(isPrefix ? choice.slice(0, -1) : choice);
    if (!/^[\p{L}\p{N}]+$/u.test(word)) return `“${choice}” is not one word (use spaces between words)`;
    if (isPrefix) {
      if (word.length < MIN_PREFIX) return `prefix “${choice}” is shorter than ${MIN_PREFIX} letters`;
      step.prefixes.push(word);
    } else {
      step.words.push(word);
    }
  }
  return step;
}
