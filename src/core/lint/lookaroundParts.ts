import { parse, type AstNode, type Features } from 'regjsparser';

/**
 * A pattern split for the linearity proof (scripts/check-regex-safety.ts): the skeleton without its
 * lookarounds, and each lookaround's body. Lookarounds only cut paths short and are atomic in JavaScript,
 * so the pattern costs at most the skeleton's paths times one lookaround evaluation each; if the skeleton
 * and every body are linear and every body matches a bounded length (or sits at a `^` that starts the
 * pattern, so it runs once), the whole pattern is linear.
 */
export interface LookaroundParts {
  skeleton: string;
  bodies: { source: string; bounded: boolean; atTextStart: boolean }[];
  /** Backreferences cannot be proven this way. */
  hasBackreference: boolean;
}

type Node = AstNode<Features>;

export function lookaroundParts(source: string): LookaroundParts | undefined {
  let ast: Node;
  try {
    ast = parse(source, 'u', { lookbehind: true, namedGroups: true, unicodePropertyEscape: true }) as Node;
  } catch {
    return undefined;
  }
  const cuts: [number, number][] = [];
  const bodies: LookaroundParts['bodies'] = [];
  let hasBackreference = false;
  const startsWithCaret = /^\^/.test(source);
  // Lookarounds in a row right after a leading `^` run once, at the start of the text.
  let leadingEnd = startsWithCaret ? 1 : -1;
  const visit = (node: Node): void => {
    if (node.type === 'reference') hasBackreference = true;
    if (
      node.type === 'group' &&
      ['lookahead', 'negativeLookahead', 'lookbehind', 'negativeLookbehind'].includes(node.behavior)
    ) {
      const [start, end] = node.range;
      cuts.push([start, end]);
      const inner =
        node.body.length > 0 ? source.slice(node.body[0]!.range[0], node.body[node.body.length - 1]!.range[1]) : '';
      const atTextStart = start === leadingEnd;
      if (atTextStart) leadingEnd = end;
      bodies.push({ source: inner, bounded: node.body.every(isBounded), atTextStart });
      return;
    }
    if ('body' in node && Array.isArray(node.body)) for (const child of node.body as Node[]) visit(child);
  };
  visit(ast);
  let skeleton = '';
  let at = 0;
  for (const [start, end] of cuts.sort((a, b) => a[0] - b[0])) {
    skeleton += source.slice(at, start);
    at = end;
  }
  skeleton += source.slice(at);
  return { skeleton, bodies, hasBackreference };
}

/** No unbounded quantifier anywhere inside. */
function isBounded(node: Node): boolean {
  if (node.type === 'quantifier' && node.max === undefined) return false;
  if ('body' in node && Array.isArray(node.body)) return (node.body as Node[]).every(isBounded);
  return true;
}

/** Most backtracking paths one start position may take for a pattern to count as simple. */
const SIMPLE_BOUND = 100_000;

/**
 * True when every quantifier is bounded (`{0,80}`, `?`) and the number of paths one start position can try
 * (alternatives add, sequences and repeats multiply) is small: each start then costs at most a constant, so
 * a scan is linear. Covers patterns such as `\bname\b[^.!?\n]{0,60}?\b(?:daily|…)\b` that recheck's
 * automaton checker times out on.
 */
export function isSimpleBounded(source: string): boolean {
  let ast: Node;
  try {
    ast = parse(source, 'u', { lookbehind: true, namedGroups: true, unicodePropertyEscape: true }) as Node;
  } catch {
    return false;
  }
  return pathsOf(ast) <= SIMPLE_BOUND;
}

function pathsOf(node: Node): number {
  switch (node.type) {
    case 'disjunction':
      return node.body.reduce((sum, child) => sum + pathsOf(child as Node), 0);
    case 'alternative':
      return node.body.reduce((product, child) => product * pathsOf(child as Node), 1);
    case 'group':
      return node.body.reduce((product, child) => product * pathsOf(child as Node), 1);
    case 'quantifier': {
      if (node.max === undefined) return Infinity;
      const inner = pathsOf(node.body[0] as Node);
      let total = 0;
      for (let k = 0, ways = 1; k <= node.max && total <= SIMPLE_BOUND; k++, ways *= inner) total += ways;
      return total;
    }
    case 'reference':
      return Infinity;
    default:
      return 1;
  }
}

/** `[\s\S]*X` or `.*X` as the whole body: the rest `X`, which then runs from every position once. */
export function afterLeadingAnyRun(body: string): string | undefined {
  const match = /^(?:\[\\s\\S\]|\[\\S\\s\]|\[\\d\\D\]|\[\\w\\W\]|\.)\*/.exec(body);
  return match ? body.slice(match[0].length) : undefined;
}
