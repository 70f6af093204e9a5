import type { AstNode, Features } from 'regjsparser';

/** The strings a node matches exactly, when few and literal (`planPattern`'s analysis); undefined otherwise. */
export type ExactStrings = (node: AstNode<Features>) => string[] | undefined;

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
  return starts.every((start) => start.length >= minLength) ? starts : undefined;
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
    const longer = next && cross(run, next);
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

function cross(left: string[], right: string[]): string[] | undefined {
  if (left.length * right.length > MAX_STARTS) return undefined;
  return unique(left.flatMap((l) => right.map((r) => l + r)));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
