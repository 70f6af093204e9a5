import { Composer, isScalar, Parser, visit, YAMLParseError, type CST, type Document, type LineCounter } from 'yaml';

/**
 * The one way ClinAlign reads YAML (case front matter, principle and concept files), so the editor, the CLI
 * and the export never disagree about a file. Its limits are for hostile files in a cloned repository.
 *
 * `uniqueKeys` is false because the parser's own duplicate check compares every key with every other one
 * (50,000 keys took 27 s); duplicates are found here in linear time instead and reported the same way.
 * `logLevel: 'error'` keeps a file's oddities (collection keys…) out of the process's warnings.
 */
export const YAML_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, logLevel: 'error' } as const;

/** Alias expansions allowed when converting to JavaScript values: stops "billion laughs" documents. */
export const YAML_TO_JS_OPTIONS = { maxAliasCount: 100 } as const;

/** Collections nested deeper than this are refused before composing: deep nesting overflows the stack. */
export const MAX_YAML_DEPTH = 64;

/** Parses the first document of `text` (more than one is an error, as with `parseDocument`). */
export function parseYaml(text: string, lineCounter?: LineCounter): Document.Parsed {
  const tokens = Array.from(new Parser(lineCounter?.addNewLine).parse(text));
  const tooDeep = firstTooDeep(tokens);
  const composer = new Composer(YAML_PARSE_OPTIONS);
  if (tooDeep !== undefined) {
    // Nothing of it is composed: an empty document carrying the one error.
    const empty = composer.compose([], true, text.length).next().value as Document.Parsed;
    empty.errors.push(new YAMLParseError([tooDeep, tooDeep + 1], 'RESOURCE_EXHAUSTION', `YAML nests more than ${MAX_YAML_DEPTH} levels deep`));
    return empty;
  }
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) document = next;
    else {
      document.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // `compose(…, true)` always yields a document.
  document!.errors.push(...duplicateKeys(document!));
  return document!;
}

/** The document as plain JavaScript values, or why it cannot be (too many alias expansions, …). */
export function yamlToJs(document: Document.Parsed): { value: unknown } | { error: string; offset: number } {
  try {
    return { value: document.toJS(YAML_TO_JS_OPTIONS) };
  } catch (error) {
    const offset = firstAliasOffset(document) ?? 0;
    const message = /alias/i.test((error as Error).message)
      ? `aliases expand too much (more than ${YAML_TO_JS_OPTIONS.maxAliasCount} expansions, as in a “billion laughs” file): write the values out`
      : `cannot read the YAML: ${(error as Error).message}`;
    return { error: message, offset };
  }
}

/** Offset of the first collection nested deeper than MAX_YAML_DEPTH, walking the CST without recursion. */
function firstTooDeep(tokens: CST.Token[]): number | undefined {
  const stack: Array<[CST.Token | null | undefined, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_YAML_DEPTH) return token.offset;
      for (const item of token.items) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

/** "Map keys must be unique" at every repeated scalar key (the check `uniqueKeys: true` makes, in linear time). */
function duplicateKeys(document: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) errors.push(new YAMLParseError([key.range?.[0] ?? 0, key.range?.[1] ?? 0], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(key.value);
      }
    },
  });
  return errors;
}

function firstAliasOffset(document: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
