import type { TermSequence, TermStep } from './termPattern';
import type { Token } from './tokens';
import { splitByNextWord, type NextWordBuckets } from './nextWordBuckets';

/** A hit of a phrase: its payload and the tokens [start, end) it covers. */
export interface PhraseHit {
  payload: number;
  startToken: number;
  endToken: number;
}

/** One position of a compiled phrase; choices become a set, so checking a word is one lookup. */
interface Step {
  /** A few choices are an array (cheaper to build than a set); many are a set. */
  words: readonly string[] | ReadonlySet<string>;
  prefixes: readonly string[];
  min: number;
  max: number;
  isNumber: boolean;
  any: boolean;
}

interface Phrase {
  steps: Step[];
  payloads: number[];
}

const PREFIX_KEY = 3;
/** Phrases beginning with one word, from which they are split by the next word (see `splitByNextWord`). */
const SPLIT_FROM = 6;
const NO_WORDS: readonly string[] = [];
const ANY_CODE = 0;
const NUMBER_CODE = 1;
const WORDS_CODE = 2;

/**
 * Compiled phrases in a compact form (numbers and one list of words), for a build snapshot: decoding it is
 * a few milliseconds where compiling every term of the bundled lexicon takes a few hundred.
 */
export interface PhraseIndexData {
  /** Every word and prefix, once. */
  words: string[];
  /** Number ranges; null for an open end. */
  ranges: [number | null, number | null][];
  /** Each distinct step: 0 (any); 1, range; 2, word count, prefix count, then the words' and prefixes' indexes. */
  steps: number[];
  /** Each phrase in the order added: payload, step count, then the indexes of its steps (in order of `steps`). */
  phrases: number[];
}

/** The phrases of `add(sequence, payload)` for each entry, in order, as `PhraseTrie.decode` reads them. */
export function encodePhrases(entries: Iterable<{ sequence: TermSequence; payload: number }>): PhraseIndexData {
  const data: PhraseIndexData = { words: [], ranges: [], steps: [], phrases: [] };
  const wordIds = new Map<string, number>();
  const stepIds = new Map<string, number>();
  const word = (w: string) => {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = data.words.push(w) - 1));
    return id;
  };
  const finite = (n: number) => (Number.isFinite(n) ? n : null);
  let stepCount = 0;
  const step = (s: TermStep) => {
    const key =
      s.kind === 'any'
        ? 'any'
        : s.kind === 'number'
          ? `#${s.min},${s.max}`
          : `${s.words.length}:${[...s.words, ...s.prefixes].join('\u0000')}`;
    let id = stepIds.get(key);
    if (id === undefined) {
      if (s.kind === 'any') data.steps.push(ANY_CODE);
      else if (s.kind === 'number') data.steps.push(NUMBER_CODE, data.ranges.push([finite(s.min), finite(s.max)]) - 1);
      else
        data.steps.push(WORDS_CODE, s.words.length, s.prefixes.length, ...s.words.map(word), ...s.prefixes.map(word));
      stepIds.set(key, (id = stepCount++));
    }
    return id;
  };
  for (const { sequence, payload } of entries)
    data.phrases.push(payload, sequence.steps.length, ...sequence.steps.map(step));
  return data;
}

function hasWord(words: Step['words'], word: string): boolean {
  return Array.isArray(words) ? words.includes(word) : (words as ReadonlySet<string>).has(word);
}

function compileStep(step: TermStep): Step {
  switch (step.kind) {
    case 'any':
      return { words: NO_WORDS, prefixes: NO_WORDS, min: 0, max: 0, isNumber: false, any: true };
    case 'number':
      return { words: NO_WORDS, prefixes: NO_WORDS, min: step.min, max: step.max, isNumber: true, any: false };
    case 'words':
      return {
        words: step.words.length > 8 ? new Set(step.words) : step.words,
        prefixes: step.prefixes,
        min: 0,
        max: 0,
        isNumber: false,
        any: false,
      };
  }
}

function stepMatches(step: Step, token: Token): boolean {
  if (step.any) return true;
  if (step.isNumber) return !Number.isNaN(token.value) && token.value >= step.min && token.value <= step.max;
  if (hasWord(step.words, token.word)) return true;
  for (const prefix of step.prefixes) if (token.word.startsWith(prefix)) return true;
  return false;
}

/**
 * Every phrase of the lexicon, indexed by what its first word can be (the word itself, the first three
 * letters of a prefix, or "a number"). A text is matched by looking up each token's candidates and checking
 * their few remaining steps, so the cost is linear in the tokens, and memory is linear in the phrases (a trie
 * of word choices would multiply them).
 */
export class PhraseTrie {
  private readonly byWord = new Map<string, Phrase[]>();
  private readonly byPrefix = new Map<string, { prefix: string; phrase: Phrase }[]>();
  private readonly numberFirst: Phrase[] = [];
  /** The number-first phrases whose second word can be this one, in order: a list of numbers tries few. */
  private readonly numberFirstByNext = new Map<string, Phrase[]>();
  private numberFirstLast: Phrase[] | undefined;
  private readonly nextWordBuckets = new Map<string, NextWordBuckets<Phrase>>();
  private prefixPairs: Set<number> | undefined;
  private prefixPairsSize = -1;

  add(sequence: TermSequence, payload: number): void {
    // Duplicate phrases are not merged: they cost one more check each, and overlapping hits merge anyway.
    this.addPhrase({ steps: sequence.steps.map(compileStep), payloads: [payload] }, sequence.steps[0]!);
  }

  /**
   * The index of `encodePhrases`'s output: the same phrases in the same order as adding each sequence, without
   * compiling a term (a build snapshot of the bundled lexicon holds it).
   */
  static decode(data: PhraseIndexData): PhraseTrie {
    const trie = new PhraseTrie();
    const { words, ranges, steps: codes, phrases } = data;
    const steps: Step[] = [];
    const firsts: TermStep[] = [];
    for (let i = 0; i < codes.length;) {
      const kind = codes[i++]!;
      if (kind === ANY_CODE) {
        steps.push({ words: NO_WORDS, prefixes: NO_WORDS, min: 0, max: 0, isNumber: false, any: true });
        firsts.push({ kind: 'any' });
      } else if (kind === NUMBER_CODE) {
        const [min, max] = ranges[codes[i++]!]!;
        const range = { min: min ?? -Infinity, max: max ?? Infinity };
        steps.push({ words: NO_WORDS, prefixes: NO_WORDS, ...range, isNumber: true, any: false });
        firsts.push({ kind: 'number', ...range });
      } else {
        const wordCount = codes[i++]!;
        const prefixCount = codes[i++]!;
        const list: string[] = [];
        for (let end = i + wordCount; i < end; i++) list.push(words[codes[i]!]!);
        const prefixes: string[] = [];
        for (let end = i + prefixCount; i < end; i++) prefixes.push(words[codes[i]!]!);
        steps.push(compileStep({ kind: 'words', words: list, prefixes }));
        firsts.push({ kind: 'words', words: list, prefixes });
      }
    }
    for (let i = 0; i < phrases.length;) {
      const payload = phrases[i++]!;
      const count = phrases[i++]!;
      const phraseSteps: Step[] = [];
      for (let end = i + count; i < end; i++) phraseSteps.push(steps[phrases[i]!]!);
      trie.addPhrase({ steps: phraseSteps, payloads: [payload] }, firsts[phrases[i - count]!]!);
    }
    return trie;
  }

  private addPhrase(phrase: Phrase, first: TermStep): void {
    if (first.kind === 'number') {
      this.numberFirst.push(phrase);
      this.numberFirstByNext.clear();
      this.numberFirstLast = undefined;
    } else if (first.kind === 'words') {
      for (const word of first.words) {
        const list = this.byWord.get(word);
        if (list) list.push(phrase);
        else this.byWord.set(word, [phrase]);
      }
      for (const prefix of first.prefixes) {
        const key = prefix.slice(0, PREFIX_KEY);
        const list = this.byPrefix.get(key);
        if (list) list.push({ prefix, phrase });
        else this.byPrefix.set(key, [{ prefix, phrase }]);
      }
    }
  }

  /** Number-first phrases that can match before `next` (the last token: only those of one step). */
  private numberFirstBefore(next: Token | undefined): readonly Phrase[] {
    if (next === undefined)
      return (this.numberFirstLast ??= this.numberFirst.filter(({ steps }) => steps.length === 1));
    let list = this.numberFirstByNext.get(next.word);
    if (!list) {
      list = this.numberFirst.filter(({ steps }) => {
        if (steps.length === 1) return true;
        const second = steps[1]!;
        // A number step depends on the value, not the word: left to the full check.
        return second.isNumber || stepMatches(second, next);
      });
      if (this.numberFirstByNext.size >= 10_000) this.numberFirstByNext.clear();
      this.numberFirstByNext.set(next.word, list);
    }
    return list;
  }

  /** The phrases beginning with `word`, split by their second word (worked out when the word first occurs). */
  private bucketsOf(word: string, phrases: Phrase[]): NextWordBuckets<Phrase> {
    let buckets = this.nextWordBuckets.get(word);
    if (!buckets || buckets.size !== phrases.length) {
      buckets = splitByNextWord(phrases, ({ steps }) => {
        const second = steps[1];
        return second && !second.any && !second.isNumber && second.prefixes.length === 0 ? second.words : undefined;
      });
      this.nextWordBuckets.set(word, buckets);
    }
    return buckets;
  }

  /** The first two letters of every prefix key, as numbers: most tokens need no prefix lookup at all. */
  private prefixPairsOf(): ReadonlySet<number> {
    if (!this.prefixPairs || this.prefixPairsSize !== this.byPrefix.size) {
      this.prefixPairs = new Set([...this.byPrefix.keys()].map((key) => letterPair(key)));
      this.prefixPairsSize = this.byPrefix.size;
    }
    return this.prefixPairs;
  }

  /** All phrase hits in the tokens, by start (the order among hits at one start is not meaningful). */
  match(tokens: readonly Token[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const prefixPairs = this.prefixPairsOf();
    for (let start = 0; start < tokens.length; start++) {
      const token = tokens[start]!;
      const word = token.word;
      const byWord = this.byWord.get(word);
      if (byWord) {
        const next = tokens[start + 1];
        if (byWord.length < SPLIT_FROM || next === undefined) tryPhrases(byWord, tokens, start, hits);
        else {
          const buckets = this.bucketsOf(word, byWord);
          tryPhrases(buckets.always, tokens, start, hits);
          const more = buckets.byNext.get(next.word);
          if (more) tryPhrases(more, tokens, start, hits);
        }
      }
      if (word.length >= PREFIX_KEY && prefixPairs.has(letterPair(word))) {
        for (const { prefix, phrase } of this.byPrefix.get(word.slice(0, PREFIX_KEY)) ?? []) {
          if (word.startsWith(prefix) && !hasWord(phrase.steps[0]!.words, word)) tryPhrase(phrase, tokens, start, hits);
        }
      }
      if (!Number.isNaN(token.value)) {
        for (const phrase of this.numberFirstBefore(tokens[start + 1]))
          if (stepMatches(phrase.steps[0]!, token)) tryPhrase(phrase, tokens, start, hits);
      }
    }
    return hits;
  }
}

function letterPair(word: string): number {
  return word.charCodeAt(0) * 65536 + word.charCodeAt(1);
}

/** Adds a hit for each payload of the phrase if its steps after the first match the tokens from `start`. */
function tryPhrase(phrase: Phrase, tokens: readonly Token[], start: number, hits: PhraseHit[]): void {
  const { steps } = phrase;
  if (start + steps.length > tokens.length) return;
  for (let i = 1; i < steps.length; i++) if (!stepMatches(steps[i]!, tokens[start + i]!)) return;
  for (const payload of phrase.payloads) hits.push({ payload, startToken: start, endToken: start + steps.length });
}

function tryPhrases(phrases: readonly Phrase[], tokens: readonly Token[], start: number, hits: PhraseHit[]): void {
  for (let i = 0; i < phrases.length; i++) tryPhrase(phrases[i]!, tokens, start, hits);
}
