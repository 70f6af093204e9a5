import { Document, isMap, isScalar, Pair, Scalar, YAMLMap, type Node } from 'yaml';
import { parseYaml } from '../yaml/parseYaml';
import { parseCase } from '../case/parseCase';
import { setFrontMatterField, type FrontMatterEdit } from '../case/writeFrontMatter';
import { smallestChange } from '../case/smallestChange';

/** Rendering options shared with `setFrontMatterField`: no folding, `[a, b]` lists. */
const RENDER = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Changes one top-level front-matter key through the `yaml` Document API: `mutate` edits the parsed document
 * in place (so comments inside the key's value and its scalars' styles survive), then only that key's lines
 * are rewritten — every byte outside them stays. A key that does not exist yet is written by
 * `setFrontMatterField` (which knows where new keys go). Returns the smallest replaced span, or undefined
 * when nothing changed. Throws on front matter that is not valid YAML, like `setFrontMatterField`.
 */
export function editFrontMatterKey(
  documentText: string,
  key: string,
  mutate: (document: Document) => void,
): FrontMatterEdit | undefined {
  const { frontMatter, problems } = parseCase(documentText);
  if (problems.length > 0) throw new Error(`cannot edit the front matter: ${problems[0]!.message}`);
  const yamlText = frontMatter ? documentText.slice(frontMatter.start, frontMatter.end) : '';
  const document = parseYaml(yamlText);
  if (document.errors.length > 0)
    throw new Error(`cannot edit the front matter: ${document.errors[0]!.message.split('\n')[0]}`);
  if (
    document.contents !== null &&
    !isMap(document.contents) &&
    !(isScalar(document.contents) && document.contents.value === null)
  ) {
    throw new Error('cannot edit the front matter: it is not a block of `key: value` lines');
  }
  const original = isMap(document.contents)
    ? document.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
    : undefined;
  const span =
    original && frontMatter && !(document.contents as YAMLMap).flow ? keySpan(yamlText, original) : undefined;
  mutate(document);
  const value = document.get(key, true) as Node | undefined;

  let after: string;
  if (!span || !frontMatter) {
    if (value === undefined) return undefined;
    after = setFrontMatterField(documentText, key, value.toJSON()).text;
  } else if (value === undefined) {
    after = documentText.slice(0, frontMatter.start + span.start) + documentText.slice(frontMatter.start + span.end);
  } else {
    const eol = /\r\n/.test(documentText) ? '\r\n' : '\n';
    const single = new Document();
    // A fresh key node: a comment above the key belongs to the lines before the span, not to it.
    single.contents = new YAMLMap();
    single.contents.items.push(new Pair(new Scalar(key), value));
    const trailing = value.comment;
    value.comment = undefined; // a comment after the value is outside the span too
    let entry = single.toString(RENDER);
    value.comment = trailing;
    if (eol !== '\n') entry = entry.replace(/\r?\n/g, eol);
    after =
      documentText.slice(0, frontMatter.start + span.start) + entry + documentText.slice(frontMatter.start + span.end);
  }
  return after === documentText ? undefined : smallestChange(documentText, after);
}

/** From the key's line start to the end of the value's last line (comments after it belong to what follows). */
function keySpan(yamlText: string, pair: Pair): { start: number; end: number } {
  const keyNode = pair.key as Node;
  const value = pair.value as Node | null;
  const start = yamlText.lastIndexOf('\n', keyNode.range![0] - 1) + 1;
  const last = value?.range ? value.range[1] : keyNode.range![1];
  const newline = yamlText.indexOf('\n', Math.max(last - 1, 0));
  return { start, end: newline < 0 ? yamlText.length : newline + 1 };
}
