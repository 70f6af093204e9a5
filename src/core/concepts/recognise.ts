import { refMatches } from './conceptRef';
import type { ConceptKind } from './conceptSchema';
import type { ConceptLexicon } from './conceptLexicon';
import { CONTEXT_BITS } from './contextScopes';
import { countLanguageWords, decideLanguage, type DetectedLanguage, type LanguageVotes } from './detectLanguage';
import { tokenize, type Token } from './tokens';

/** One mention of a concept in a text, with its span and its context. */
export interface Mention {
  concept: string;
  kind: ConceptKind;
  label: string;
  start: number;
  end: number;
  startToken: number;
  endToken: number;
  /** The words as written. */
  text: string;
  negated: boolean;
  hypothetical: boolean;
  historical: boolean;
  /** About someone other than the writer ("my husband"); never suppresses anything. */
  otherPerson: boolean;
  /** Not negated, hypothetical or historical: this is happening now. */
  current: boolean;
  /** A current red flag that is an emergency: on its own, or with one of its features current in the text. */
  emergency: boolean;
}

/** What the recogniser found in one text. */
export interface Recognition {
  text: string;
  tokens: Token[];
  mentions: Mention[];
  language: DetectedLanguage;
  /** The function-word votes behind `language` (an answer adds up its paragraphs' votes). */
  languageVotes: LanguageVotes;
  /** Context bits of each token (see CONTEXT_BITS), for checking any other hit in the text. */
  contextBits: Uint8Array;
}

type ComboPart = ConceptLexicon['concepts'][number]['combos'][number]['parts'][number];

/** Shared, never written to: most concepts have no spans in a paragraph. */
const NO_SPANS: Span[] = [];

interface Span {
  startToken: number;
  endToken: number;
  /** Where each part of a combo starts: the mention is out of the present only if every part is. */
  starts?: number[];
}

/**
 * Tokenises once and reads each word's context; linear in the text. The concept mentions are found when
 * first read: a lint that only asks whether a claim is negated or refuted (context) never pays for them.
 */
export function recogniseWith(lexicon: ConceptLexicon, text: string): Recognition {
  const tokens = tokenize(text);
  const languageVotes = countLanguageWords(tokens);
  const language = decideLanguage(languageVotes);
  const bits = lexicon.matchContext(lexicon.contextTrie.match(tokens), tokens, language);
  let mentions: Mention[] | undefined;
  return {
    text,
    tokens,
    language,
    languageVotes,
    contextBits: bits,
    get mentions() {
      return (mentions ??= findMentions(lexicon, text, tokens, bits));
    },
  };
}

/** Every concept mention in the tokens, with its context flags, sorted by start. */
function findMentions(lexicon: ConceptLexicon, text: string, tokens: Token[], bits: Uint8Array): Mention[] {
  // A paragraph mentions a handful of the lexicon's concepts: lists are made only for those (a list per
  // concept and part for every paragraph was most of the garbage of a lint).
  const direct: (Span[] | undefined)[] = new Array(lexicon.concepts.length);
  const parts: (Span[] | undefined)[] = new Array(lexicon.partCount);
  // A text without words (a case with no question) needs no phrase index: it is built only where one is read.
  for (const hit of tokens.length === 0 ? [] : lexicon.termTrie.match(tokens)) {
    const target = lexicon.payloadTarget[hit.payload]!;
    const lists = target >= 0 ? direct : parts;
    const at = target >= 0 ? target : -1 - target;
    (lists[at] ??= []).push(hit);
  }
  const found: Span[][] = new Array<Span[]>(lexicon.concepts.length).fill(NO_SPANS);
  const spansOf = (part: ComboPart) => ('concept' in part ? found[part.concept]! : (parts[part.part] ?? NO_SPANS));
  for (const index of lexicon.order) {
    const concept = lexicon.concepts[index]!;
    let spans = direct[index] ?? NO_SPANS;
    for (const combo of concept.combos) {
      // Every part must have a hit; most paragraphs have none for most combos.
      if (combo.parts.some((part) => spansOf(part).length === 0)) continue;
      const lists = combo.parts.map(spansOf);
      const comboFound = comboSpans(lists, combo.window, tokens);
      if (comboFound.length > 0) spans = [...spans, ...comboFound];
    }
    if (spans.length > 0) found[index] = mergeSpans(spans);
  }
  const mentions: Mention[] = [];
  found.forEach((spans, index) => {
    const concept = lexicon.concepts[index]!;
    for (const span of spans) {
      // Negation and hypotheticals are read where the mention starts ("don't wait to see your GP tomorrow");
      // the past only when every part lies in it ("chemo last week and now she's shivering" is current).
      const first = bits[span.startToken]!;
      const everyPart = (span.starts ?? [span.startToken]).reduce((all, start) => all & bits[start]!, 0xff);
      const flags =
        (first & (CONTEXT_BITS.negated | CONTEXT_BITS.hypothetical | CONTEXT_BITS['other-person'])) |
        (everyPart & CONTEXT_BITS.historical);
      const start = tokens[span.startToken]!.start;
      const end = tokens[span.endToken - 1]!.end;
      // Refutation is left to the lint rules that read claims: a red-flag action attributed to others is
      // still an action the answer may be endorsing ("some people wait it out at home, and that's fine").
      const negated = (flags & CONTEXT_BITS.negated) !== 0;
      const hypothetical = (flags & CONTEXT_BITS.hypothetical) !== 0;
      // Belonging to a group outlasts the event that made it ("a kidney transplant in 2019"), and a medicine
      // started last week is still taken: only negation and hypotheticals take these out of the present.
      const historical =
        concept.kind !== 'population' && concept.kind !== 'medicine' && (flags & CONTEXT_BITS.historical) !== 0;
      mentions.push({
        concept: concept.id,
        kind: concept.kind,
        label: concept.label,
        start,
        end,
        startToken: span.startToken,
        endToken: span.endToken,
        text: text.slice(start, end),
        negated,
        hypothetical,
        historical,
        otherPerson: (flags & CONTEXT_BITS['other-person']) !== 0,
        current: !negated && !hypothetical && !historical,
        emergency: false,
      });
    }
  });
  const currentIds = new Set(mentions.filter((m) => m.current).map((m) => m.concept));
  for (const mention of mentions) {
    const concept = lexicon.get(mention.concept)!;
    mention.emergency =
      mention.current &&
      concept.kind === 'red-flag' &&
      (concept.urgency === 'emergent' || concept.emergentWith.some((id) => currentIds.has(id)));
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions;
}

/**
 * Places where every part has a mention within `window` words of the first part's mention (any order).
 * Mentions are sorted by start, so each anchor looks at a bounded slice of each other list.
 */
function comboSpans(lists: Span[][], window: number, tokens: readonly Token[]): Span[] {
  if (lists.some((list) => list.length === 0)) return [];
  const [anchors, ...others] = lists.map((list) => [...list].sort((a, b) => a.startToken - b.startToken));
  const spans: Span[] = [];
  for (const anchor of anchors!) {
    let startToken = anchor.startToken;
    let endToken = anchor.endToken;
    const starts = [...(anchor.starts ?? [anchor.startToken])];
    let complete = true;
    for (const list of others) {
      const paragraph = tokens[anchor.startToken]!.paragraph;
      const near = within(list, anchor, window).filter((s) => tokens[s.startToken]!.paragraph === paragraph);
      if (near.length === 0) {
        complete = false;
        break;
      }
      // Every hit of the part near the anchor joins the evidence: "tight, heavy pain in … my chest".
      for (const span of near) {
        startToken = Math.min(startToken, span.startToken);
        endToken = Math.max(endToken, span.endToken);
      }
      starts.push(...(near[0]!.starts ?? [near[0]!.startToken]));
    }
    if (complete) spans.push({ startToken, endToken, starts });
  }
  return spans;
}

function within(list: Span[], anchor: Span, window: number): Span[] {
  // First candidate that could be close enough: starts no earlier than window (+ a phrase length) before.
  let low = 0;
  let high = list.length;
  const from = anchor.startToken - window - 12;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.startToken < from) low = mid + 1;
    else high = mid;
  }
  const near: Span[] = [];
  for (let i = low; i < list.length && list[i]!.startToken <= anchor.endToken + window; i++) {
    const span = list[i]!;
    const gap =
      span.startToken >= anchor.endToken
        ? span.startToken - anchor.endToken
        : anchor.startToken >= span.endToken
          ? anchor.startToken - span.endToken
          : 0;
    if (gap <= window) near.push(span);
  }
  return near;
}

/** Overlapping mentions of one concept become one, so evidence reads once. */
function mergeSpans(spans: Span[]): Span[] {
  const copy = (s: Span): Span => ({
    startToken: s.startToken,
    endToken: s.endToken,
    ...(s.starts && { starts: [...s.starts] }),
  });
  if (spans.length < 2) return spans.map(copy);
  const sorted = [...spans].sort((a, b) => a.startToken - b.startToken || b.endToken - a.endToken);
  const merged: Span[] = [copy(sorted[0]!)];
  for (const span of sorted.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (span.startToken < last.endToken) {
      last.endToken = Math.max(last.endToken, span.endToken);
      // Overlapping hits of one concept: out of the present only if each of them is.
      if (last.starts || span.starts)
        last.starts = [...(last.starts ?? [last.startToken]), ...(span.starts ?? [span.startToken])];
    } else merged.push(copy(span));
  }
  return merged;
}

/** Current mentions selected by any of the references. */
export function currentMentions(recognition: Recognition, refs: readonly string[]): Mention[] {
  return recognition.mentions.filter((m) => m.current && refs.some((ref) => refMatches(ref, m.concept)));
}

/** True when the words at a character offset are negated, hypothetical or historical. */
export function isOutOfPresentAt(recognition: Recognition, offset: number): boolean {
  const { tokens, contextBits } = recognition;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  if (low >= tokens.length) return false;
  return (contextBits[low]! & (CONTEXT_BITS.negated | CONTEXT_BITS.hypothetical | CONTEXT_BITS.historical)) !== 0;
}
