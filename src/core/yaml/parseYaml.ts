import {
  Composer,
  isScalar,
  Lexer,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type LineCounter,
} from 'yaml';
import { INPUT_LIMITS } from '../untrusted/inputLimits';

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

/**
 * Parses the first document of `text` (more than one is an error, as with `parseDocument`). Over `maxTokens`
 * lexical tokens (default INPUT_LIMITS.yamlFileTokens) or nested too deep, parsing stops at once and the
 * document is empty but for that error: dense hostile YAML costs about 10 µs a token to compose.
 */
export function parseYaml(
  text: string,
  options: { lineCounter?: LineCounter | undefined; maxTokens?: number } = {},
): Document.Parsed {
  const maxTokens = options.maxTokens ?? INPUT_LIMITS.yamlFileTokens;
  const parser = new Parser(options.lineCounter?.addNewLine);
  options.lineCounter?.addNewLine(0);
  const tokens: CST.Token[] = [];
  let count = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (++count > maxTokens)
      return refused(
        text,
        parser.offset,
        `YAML has more than ${maxTokens.toLocaleString('en-US')} tokens; the limit is ${maxTokens.toLocaleString('en-US')}`,
      );
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack is the path of open nodes: a deep file is refused at its first too-deep token.
    if (parser.stack.length > MAX_YAML_DEPTH && collectionsIn(parser.stack) > MAX_YAML_DEPTH)
      return refused(text, parser.offset, tooDeep);
  }
  for (const token of parser.end()) tokens.push(token);
  const deep = firstTooDeep(tokens);
  if (deep !== undefined) return refused(text, deep, tooDeep);

  const composer = new Composer(YAML_PARSE_OPTIONS);
  let document: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!document) document = next;
    else {
      document.errors.push(
        new YAMLParseError(
          next.range.slice(0, 2) as [number, number],
          'MULTIPLE_DOCS',
          'Source contains multiple documents',
        ),
      );
      break;
    }
  }
  // `compose(…, true)` always yields a document.
  document!.errors.push(...duplicateKeys(document!));
  return document!;
}

const tooDeep = `YAML is nested more than ${MAX_YAML_DEPTH} levels deep; the limit is ${MAX_YAML_DEPTH}`;

/** An empty document carrying one error: nothing of a refused text is composed. */
function refused(text: string, offset: number, message: string): Document.Parsed {
  const empty = new Composer(YAML_PARSE_OPTIONS).compose([], true, text.length).next().value as Document.Parsed;
  empty.errors.push(new YAMLParseError([offset, offset + 1], 'RESOURCE_EXHAUSTION', message));
  return empty;
}

const isCollection = (token: CST.Token | null | undefined): boolean =>
  token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection';

function collectionsIn(stack: readonly CST.Token[]): number {
  return stack.filter(isCollection).length;
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
    else if (isCollection(token) && 'items' in token) {
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
        if (seen.has(key.value))
          errors.push(
            new YAMLParseError([key.range?.[0] ?? 0, key.range?.[1] ?? 0], 'DUPLICATE_KEY', 'Map keys must be unique'),
          );
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
