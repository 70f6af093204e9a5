import { YamlSource, type YamlProblem } from '../yaml/yamlSource';
import { caseFrontMatterSchema, type CaseFrontMatter, type Message } from './caseSchema';

export interface FrontMatterBlock {
  /** Offsets of the YAML text between the `---` lines. */
  start: number;
  end: number;
  /** 0-based line of the first YAML line. */
  firstLine: number;
  source: YamlSource;
}

/** A `*.case.md` (or plain Markdown) document: front matter, the answer body and where it starts. */
export interface CaseDocument {
  frontMatter?: FrontMatterBlock;
  /** Validated front matter; `{}` when there is none or it is invalid. */
  data: CaseFrontMatter;
  /** The answer: everything after the front matter. */
  body: string;
  /** Offset of the body's first character in the document. */
  bodyStart: number;
  conversation: Message[];
  /** The user's turns, joined: what question-triggered detectors read. */
  question: string;
  /** Problems in the front matter, with 0-based line/column in the whole document. */
  problems: YamlProblem[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function parseCase(text: string): CaseDocument {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opening = OPENING.exec(text);
  if (!opening) return withBody(text, bomLength, {}, [], undefined);

  const yamlStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(yamlStart));
  if (!closing) {
    const problem = { message: 'front matter is not closed: add a line with `---` after it', line: 0, column: 0, endLine: 0, endColumn: 3 };
    return withBody(text, text.length, {}, [problem], undefined);
  }
  const yamlEnd = yamlStart + closing.index;
  const source = new YamlSource(text.slice(yamlStart, yamlEnd));
  const block: FrontMatterBlock = { start: yamlStart, end: yamlEnd, firstLine: 1, source };
  const shift = (p: YamlProblem): YamlProblem => ({
    ...p,
    line: p.line + block.firstLine,
    ...(p.endLine !== undefined ? { endLine: p.endLine + block.firstLine } : {}),
  });

  const syntax = source.syntaxProblems();
  if (syntax.length > 0) return withBody(text, yamlEnd + closing[0].length, {}, syntax.map(shift), block);
  const parsed = caseFrontMatterSchema.safeParse(source.document.toJS() ?? {});
  if (!parsed.success) {
    return withBody(text, yamlEnd + closing[0].length, {}, source.zodProblems(parsed.error).map(shift), block);
  }
  return withBody(text, yamlEnd + closing[0].length, parsed.data, [], block);
}

function withBody(
  text: string,
  bodyStart: number,
  data: CaseFrontMatter,
  problems: YamlProblem[],
  frontMatter: FrontMatterBlock | undefined,
): CaseDocument {
  const conversation: Message[] = data.conversation ?? (data.prompt !== undefined ? [{ role: 'user', content: data.prompt }] : []);
  const question = conversation
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
  const document: CaseDocument = { data, body: text.slice(bodyStart), bodyStart, conversation, question, problems };
  if (frontMatter) document.frontMatter = frontMatter;
  return document;
}
