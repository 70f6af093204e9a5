import { Document, isMap, isScalar, visit, type Node } from 'yaml';
import { parseYaml } from '../yaml/parseYaml';
import type { TextChange } from '../text/textChange';
import { parseCase } from './parseCase';

/** A change to a document (the replaced span of the old text, and what replaced it) with the whole new text. */
export interface FrontMatterEdit extends TextChange {
  text: string;
}

/** Where a new key goes among the keys a case usually has (docs/ARCHITECTURE.md §3.1); unknown keys go last. */
const CASE_KEY_ORDER = ['id', 'audience', 'locale', 'prompt', 'conversation', 'scenario', 'rubric', 'review'];

/** Sequences of scalars up to this length are written inline, as `tags: [axis:accuracy, level:example]`. */
const INLINE_SEQUENCE_WIDTH = 100;

/**
 * Sets one top-level front-matter key. Only that key's lines change: comments, key order, other values and the
 * answer body keep every byte. Creates the front matter when there is none; keeps CRLF line endings.
 * Throws on front matter that is not valid YAML (or not a mapping) rather than risk mangling it.
 */
export function setFrontMatterField(documentText: string, key: string, value: unknown): FrontMatterEdit {
  const eol = /\r\n/.test(documentText) ? '\r\n' : '\n';
  const entry = withEol(renderEntry(key, value), eol);
  const { frontMatter, problems } = parseCase(documentText);

  if (!frontMatter) {
    if (problems.length > 0) throw new Error(`cannot edit the front matter: ${problems[0]!.message}`);
    const start = documentText.charCodeAt(0) === 0xfeff ? 1 : 0;
    return splice(documentText, start, start, `---${eol}${entry}---${eol}`);
  }

  const yamlText = documentText.slice(frontMatter.start, frontMatter.end);
  const document = parseYaml(yamlText);
  if (document.errors.length > 0) {
    const { line } = frontMatter.source.positionOf(document.errors[0]!.pos[0]);
    throw new Error(
      `cannot edit the front matter: YAML error on line ${line + frontMatter.firstLine + 1}: ${document.errors[0]!.message.split('\n')[0]}`,
    );
  }
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return splice(
      documentText,
      frontMatter.end,
      frontMatter.end,
      `${yamlText.length > 0 && !yamlText.endsWith('\n') ? eol : ''}${entry}`,
    );
  }
  if (!isMap(contents) || contents.flow)
    throw new Error('cannot edit the front matter: it is not a block of `key: value` lines');

  const pairs = contents.items;
  const index = pairs.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  if (index >= 0) {
    const pair = pairs[index]!;
    const start = lineStart(yamlText, (pair.key as Node).range![0]);
    // Up to the end of the value's last line: comments and blank lines after it belong to what follows.
    const value = pair.value as Node | null;
    const end = lineEnd(yamlText, value?.range ? value.range[1] : (pair.key as Node).range![1]);
    return splice(documentText, frontMatter.start + start, frontMatter.start + end, entry);
  }

  const order = CASE_KEY_ORDER.indexOf(key);
  const before =
    order < 0
      ? undefined
      : pairs.find((pair) => isScalar(pair.key) && CASE_KEY_ORDER.indexOf(String(pair.key.value)) > order);
  if (before) {
    const at = frontMatter.start + lineStart(yamlText, (before.key as Node).range![0]);
    return splice(documentText, at, at, entry);
  }
  const separator = yamlText.length > 0 && !yamlText.endsWith('\n') ? eol : '';
  return splice(documentText, frontMatter.end, frontMatter.end, separator + entry);
}

/** `key: value` as YAML lines ending in a newline, with short scalar lists inline. */
function renderEntry(key: string, value: unknown): string {
  const document = new Document({ [key]: value });
  visit(document, {
    Seq(_, node) {
      if (
        node.items.every(isScalar) &&
        node.items.map((item) => String(item.value)).join(', ').length <= INLINE_SEQUENCE_WIDTH
      )
        node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(offset - 1, 0));
  return newline < 0 ? text.length : newline + 1;
}

function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

function splice(text: string, start: number, end: number, newText: string): FrontMatterEdit {
  return { text: text.slice(0, start) + newText + text.slice(end), start, end, newText };
}
