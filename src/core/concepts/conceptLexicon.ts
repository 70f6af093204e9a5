import type { LoadProblem } from '../principles/loadProblem';
import { CONTEXT_KINDS, type ConceptKind, type ContextRulesData } from './conceptSchema';
import { refMatches } from './conceptRef';
import { contextScopes, type TriggerPayload } from './contextScopes';
import type { LocatedConcept, ParsedConceptFile } from './parseConceptFile';
import { PhraseTrie, type PhraseHit } from './phraseTrie';
import { recogniseWith, type Recognition } from './recognise';
import { compileTerm } from './termPattern';
import { tokenize } from './tokens';

/** A term of the phrase index and what a hit of it stands for (see `payloadTarget`). */
export interface IndexedTerm {
  term: string;
  payload: number;
}

/** A phrase index made at build time for a list of terms; undefined when it was made for other terms. */
export type PrebuiltPhraseIndex = (terms: readonly IndexedTerm[]) => PhraseTrie | undefined;

/** A concept ready for matching: its direct terms and combos point into the lexicon's trie. */
export interface CompiledConcept {
  id: string;
  kind: ConceptKind;
  label: string;
  urgency?: 'emergent' | 'conditionally-emergent';
  emergentWith: string[];
  /** Combos with their parts as payload ids (a part is a concept index or an inline-terms part). */
  combos: { window: number; parts: ({ concept: number } | { part: number })[] }[];
  source: LocatedConcept;
}

/**
 * The merged concept library (bundled + team), compiled into one word trie for the terms and one for the
 * context triggers. Broken entries, unknown ids and cycles become located problems and are left out; the
 * rest keeps working.
 */
export class ConceptLexicon {
  readonly concepts: CompiledConcept[] = [];
  readonly problems: LoadProblem[] = [];
  /** Concepts in an order where every combo's concept parts come before it. */
  readonly order: number[] = [];
  private phrases: PhraseTrie | undefined;
  /** Every term with its payload, in order; compiled when the first text is read (activation stays cheap). */
  readonly terms: IndexedTerm[] = [];
  /** Payload → concept index (≥ 0) or −1 − inline part index. */
  readonly payloadTarget: number[] = [];
  partCount = 0;
  readonly contextTrie = new PhraseTrie();
  readonly contextPayloads: TriggerPayload[] = [];
  /** Per language, the trigger phrases (normalised words joined by spaces) that mean nothing there. */
  readonly ignoredTriggers = new Map<string, Set<string>>();
  private readonly index = new Map<string, number>();

  /** `prebuilt`: a phrase index made at build time, used only when it was made for exactly these terms. */
  constructor(
    bundled: readonly ParsedConceptFile[],
    team: readonly ParsedConceptFile[] = [],
    private readonly prebuilt?: PrebuiltPhraseIndex,
  ) {
    const merged = this.merge(bundled, team);
    merged.forEach((concept) => this.index.set(concept.id, this.index.size));
    for (const concept of merged) this.concepts.push(this.compile(concept));
    this.sortByDependencies();
    for (const file of [...bundled, ...team]) if (file.context) this.addContext(file.context, file.file);
  }

  get(id: string): CompiledConcept | undefined {
    const index = this.index.get(id);
    return index === undefined ? undefined : this.concepts[index];
  }

  /** Ids selected by a reference (`redflag.*`); empty when it selects nothing. */
  resolve(ref: string): string[] {
    return this.concepts.filter((c) => refMatches(ref, c.id)).map((c) => c.id);
  }

  recognise(text: string): Recognition {
    return recogniseWith(this, text);
  }

  matchContext(hits: PhraseHit[], tokens: Parameters<typeof contextScopes>[0], language: string): Uint8Array {
    const ignored = this.ignoredTriggers.get(language);
    const kept = ignored
      ? hits.filter(
          (h) =>
            this.contextPayloads[h.payload]!.role !== 'trigger' ||
            !ignored.has(
              tokens
                .slice(h.startToken, h.endToken)
                .map((t) => t.word)
                .join(' '),
            ),
        )
      : hits;
    return contextScopes(tokens, kept, this.contextPayloads);
  }

  private merge(bundled: readonly ParsedConceptFile[], team: readonly ParsedConceptFile[]): LocatedConcept[] {
    const byId = new Map<string, LocatedConcept>();
    for (const [files, overriding] of [
      [bundled, false],
      [team, true],
    ] as const) {
      const seen = new Set<string>();
      for (const file of files) {
        this.problems.push(...file.problems);
        for (const concept of file.concepts) {
          if (seen.has(concept.id)) {
            this.problems.push({ ...concept.location, message: `duplicate concept id "${concept.id}"` });
            continue;
          }
          seen.add(concept.id);
          if (!overriding && byId.has(concept.id)) continue;
          byId.set(concept.id, concept);
        }
        for (const patch of file.patches) {
          const base = byId.get(patch.id);
          if (!base) {
            this.problems.push({
              ...patch.location,
              message: `unknown concept "${patch.id}": a partial entry adds terms to an existing concept`,
            });
            continue;
          }
          const terms = { ...base.terms };
          for (const [language, list] of Object.entries(patch.terms ?? {})) {
            const key = language as keyof typeof terms;
            terms[key] = [...(terms[key] ?? []), ...(list ?? [])];
          }
          byId.set(patch.id, {
            ...base,
            terms,
            combos: [...(base.combos ?? []), ...(patch.combos ?? [])],
            examples: [...(base.examples ?? []), ...(patch.examples ?? [])],
          });
        }
      }
    }
    return [...byId.values()];
  }

  private compile(source: LocatedConcept): CompiledConcept {
    const conceptIndex = this.index.get(source.id)!;
    const concept: CompiledConcept = {
      id: source.id,
      kind: source.kind,
      label: source.label,
      emergentWith: [],
      combos: [],
      source,
    };
    if (source.urgency) concept.urgency = source.urgency;
    for (const id of source.emergentWith ?? []) {
      if (this.index.has(id)) concept.emergentWith.push(id);
      else
        this.problems.push({ ...source.location, message: `${source.id}: emergentWith names unknown concept "${id}"` });
    }
    const termPayload = this.payloadTarget.length;
    this.payloadTarget.push(conceptIndex);
    for (const list of Object.values(source.terms ?? {})) {
      for (const term of list ?? []) this.addTerm(term, termPayload);
    }
    for (const combo of source.combos ?? []) {
      const parts: CompiledConcept['combos'][number]['parts'] = [];
      let broken = false;
      for (const part of combo.all) {
        if ('concept' in part) {
          const index = this.index.get(part.concept);
          if (index === undefined) {
            this.problems.push({
              ...source.location,
              message: `${source.id}: combo names unknown concept "${part.concept}"`,
            });
            broken = true;
          } else parts.push({ concept: index });
        } else {
          const partIndex = this.partCount++;
          const payload = this.payloadTarget.length;
          this.payloadTarget.push(-1 - partIndex);
          for (const term of part.terms) this.addTerm(term, payload);
          parts.push({ part: partIndex });
        }
      }
      if (!broken) concept.combos.push({ window: combo.window, parts });
    }
    return concept;
  }

  private addTerm(term: string, payload: number): void {
    this.terms.push({ term, payload });
  }

  /** The phrase index of every term, built on first use (or the prebuilt one, when it was made for these terms). */
  get termTrie(): PhraseTrie {
    if (!this.phrases) {
      const prebuilt = this.prebuilt?.(this.terms);
      if (prebuilt) return (this.phrases = prebuilt);
      this.phrases = new PhraseTrie();
      for (const { term, payload } of this.terms) {
        const sequences = compileTerm(term);
        if (typeof sequences === 'string') continue; // reported by the schema
        for (const sequence of sequences) this.phrases.add(sequence, payload);
      }
    }
    return this.phrases;
  }

  /** Depth-first order over combo dependencies; a cycle is reported and its combos dropped. */
  private sortByDependencies(): void {
    const state = new Uint8Array(this.concepts.length); // 0 new, 1 visiting, 2 done
    const visit = (index: number, path: number[]): void => {
      if (state[index] === 2) return;
      const concept = this.concepts[index]!;
      if (state[index] === 1) {
        const cycle = [...path.slice(path.indexOf(index)), index].map((i) => this.concepts[i]!.id).join(' → ');
        this.problems.push({
          ...concept.source.location,
          message: `concepts refer to each other in a cycle: ${cycle}`,
        });
        for (const i of path.slice(path.indexOf(index))) this.concepts[i]!.combos = [];
        return;
      }
      state[index] = 1;
      for (const combo of concept.combos)
        for (const part of combo.parts) if ('concept' in part) visit(part.concept, [...path, index]);
      state[index] = 2;
      this.order.push(index);
    };
    this.concepts.forEach((_, index) => visit(index, []));
  }

  private addContext(rules: ContextRulesData, file: string): void {
    const add = (terms: readonly string[] | undefined, payload: TriggerPayload) => {
      if (!terms?.length) return;
      const id = this.contextPayloads.length;
      this.contextPayloads.push(payload);
      for (const term of terms) {
        const sequences = compileTerm(term);
        if (typeof sequences === 'string') this.problems.push({ file, line: 0, column: 0, message: sequences });
        else for (const sequence of sequences) this.contextTrie.add(sequence, id);
      }
    };
    for (const kind of CONTEXT_KINDS) {
      add(rules[kind]?.before, { role: 'trigger', kind, direction: 'before' });
      add(rules[kind]?.after, { role: 'trigger', kind, direction: 'after' });
      add(rules[kind]?.beforeClause, { role: 'trigger', kind, direction: 'before', clause: true });
      add(rules[kind]?.previousSentence, { role: 'trigger', kind, direction: 'previous-sentence' });
    }
    add(rules.pseudo, { role: 'pseudo' });
    add(rules.terminate, { role: 'terminate' });
    for (const [language, phrases] of Object.entries(rules.ignoreIn ?? {})) {
      const set = this.ignoredTriggers.get(language) ?? new Set<string>();
      for (const phrase of phrases)
        set.add(
          tokenize(phrase)
            .map((t) => t.word)
            .join(' '),
        );
      this.ignoredTriggers.set(language, set);
    }
  }
}
