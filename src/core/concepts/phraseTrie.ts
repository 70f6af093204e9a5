import type { TermSequence } from './termPattern';
import type { Token } from './tokens';

interface TrieNode {
  words: Map<string, TrieNode>;
  /** Prefix children keyed by their first three letters (the shortest prefix allowed), so a word checks few. */
  prefixes: Map<string, { prefix: string; node: TrieNode }[]>;
  numbers: { min: number; max: number; node: TrieNode }[];
  any?: TrieNode;
  /** Payloads of the sequences ending here. */
  ends: number[];
}

/** A hit of a phrase: its payload and the tokens [start, end) it covers. */
export interface PhraseHit {
  payload: number;
  startToken: number;
  endToken: number;
}

function newNode(): TrieNode {
  return { words: new Map(), prefixes: new Map(), numbers: [], ends: [] };
}

/**
 * Every phrase of the lexicon in one word trie: a text is matched by walking the trie from each token, so
 * the cost is the number of tokens times the depth actually walked (phrases are a few words), never a regex
 * backtracking over the text.
 */
export class PhraseTrie {
  private readonly root = newNode();
  private maxDepth = 0;

  add(sequence: TermSequence, payload: number): void {
    let nodes = [this.root];
    for (const step of sequence.steps) {
      const next: TrieNode[] = [];
      for (const node of nodes) {
        switch (step.kind) {
          case 'any':
            next.push((node.any ??= newNode()));
            break;
          case 'number': {
            let entry = node.numbers.find((n) => n.min === step.min && n.max === step.max);
            if (!entry) node.numbers.push((entry = { min: step.min, max: step.max, node: newNode() }));
            next.push(entry.node);
            break;
          }
          case 'words': {
            // Each word gets its own child: a shared one would let a later phrase through every choice.
            for (const word of step.words) {
              let child = node.words.get(word);
              if (!child) node.words.set(word, (child = newNode()));
              next.push(child);
            }
            for (const prefix of step.prefixes) {
              const key = prefix.slice(0, 3);
              const bucket = node.prefixes.get(key) ?? [];
              node.prefixes.set(key, bucket);
              let entry = bucket.find((p) => p.prefix === prefix);
              if (!entry) bucket.push((entry = { prefix, node: newNode() }));
              next.push(entry.node);
            }
            break;
          }
        }
      }
      nodes = [...new Set(next)];
    }
    for (const node of nodes) if (!node.ends.includes(payload)) node.ends.push(payload);
    this.maxDepth = Math.max(this.maxDepth, sequence.steps.length);
  }

  /** All phrase hits in the tokens, in order of start. */
  match(tokens: readonly Token[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    let frontier: TrieNode[] = [];
    let next: TrieNode[] = [];
    for (let start = 0; start < tokens.length; start++) {
      frontier.length = 0;
      frontier.push(this.root);
      for (let i = start; i < tokens.length && frontier.length > 0 && i - start < this.maxDepth; i++) {
        next.length = 0;
        const token = tokens[i]!;
        for (const node of frontier) step(node, token, next);
        for (const node of next) for (const payload of node.ends) hits.push({ payload, startToken: start, endToken: i + 1 });
        [frontier, next] = [next, frontier];
      }
    }
    return hits;
  }
}

function step(node: TrieNode, token: Token, into: TrieNode[]): void {
  const add = (child: TrieNode) => {
    if (!into.includes(child)) into.push(child);
  };
  const exact = node.words.get(token.word);
  if (exact) add(exact);
  if (node.prefixes.size > 0 && token.word.length >= 3) {
    for (const { prefix, node: child } of node.prefixes.get(token.word.slice(0, 3)) ?? []) if (token.word.startsWith(prefix)) add(child);
  }
  if (!Number.isNaN(token.value)) {
    for (const { min, max, node: child } of node.numbers) if (token.value >= min && token.value <= max) add(child);
  }
  if (node.any) add(node.any);
}
