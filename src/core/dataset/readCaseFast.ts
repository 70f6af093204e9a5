import { CORE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import { caseFrontMatterSchema, type Message } from '../case/caseSchema';
import { parseCase, type CaseDocument } from '../case/parseCase';
import { INPUT_LIMITS, textSizeProblem } from '../untrusted/inputLimits';
import { MAX_YAML_DEPTH } from '../yaml/parseYaml';
import { isPlainFrontMatter } from './plainFrontMatter';

// The same delimiters parseCase uses.
const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * parseCase for bulk reading. `yaml` (parseCase) makes every decision about a front matter; js-yaml (YAML 1.2
 * core schema, about ten times faster than the position-tracking parser) only reads front matter in the plain
 * subset both read identically, and only when the case schema accepts the result. Everything else — a file
 * over a size cap, YAML outside that subset, anything js-yaml or the schema rejects — goes through parseCase,
 * so problems carry their line and column and a case is never accepted that the editor would reject.
 */
export function readCaseFast(
  text: string,
): Pick<CaseDocument, 'data' | 'body' | 'conversation' | 'question' | 'problems'> {
  const opening = OPENING.exec(text);
  if (!opening || textSizeProblem('case file', text, INPUT_LIMITS.caseFile)) return parseCase(text);
  const yamlStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(yamlStart));
  if (!closing) return parseCase(text);
  const yaml = text.slice(yamlStart, yamlStart + closing.index);
  if (textSizeProblem('front matter', yaml, INPUT_LIMITS.frontMatter) || !isPlainFrontMatter(yaml))
    return parseCase(text);
  let json: unknown;
  try {
    // js-yaml's depth limit (4.3; not in its typings yet) is at least as strict as `yaml`'s, so what it refuses
    // goes to parseCase.
    json = load(yaml, { schema: CORE_SCHEMA, maxDepth: MAX_YAML_DEPTH } as LoadOptions) ?? {};
  } catch {
    return parseCase(text);
  }
  const parsed = caseFrontMatterSchema.safeParse(json);
  if (!parsed.success) return parseCase(text);
  const data = parsed.data;
  const conversation: Message[] =
    data.conversation ?? (data.prompt !== undefined ? [{ role: 'user', content: data.prompt }] : []);
  const question = conversation
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
  return {
    data,
    body: text.slice(yamlStart + closing.index + closing[0].length),
    conversation,
    question,
    problems: [],
  };
}
