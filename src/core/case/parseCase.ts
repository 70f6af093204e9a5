import { INPUT_LIMITS, textSizeProblem } from '../untrusted/inputLimits';
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

/**
 * Parses a case document. Never throws: anything wrong with the file (broken or hostile YAML, a file or front
 * matter over its size cap) is a located problem, and the answer is still linted when it can be.
 */
export function parseCase(text: string): CaseDocument {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opening = OPENING.exec(text);
  const fileTooLarge = textSizeProblem('case file', text, INPUT_LIMITS.caseFile);
  if (!opening) {
    if (fileTooLarge)
      return withBody(text, text.length, {}, [{ message: fileTooLarge, line: 0, column: 0 }], undefined);
    return withBody(text, bomLength, {}, [], undefined);
  }

  const yamlStart = opening[0].length;
  const closing = CLOSING.exec(text.slice(yamlStart));
  if (!closing) {
    const problem = {
      message: fileTooLarge ?? 'front matter is not closed: add a line with `---` after it',
      line: 0,
      column: 0,
      endLine: 0,
      endColumn: 3,
    };
    return withBody(text, text.length, {}, [problem], undefined);
  }
  const yamlEnd = yamlStart + closing.index;
  const bodyStart = yamlEnd + closing[0].length;
  // Over a cap, nothing is parsed: the front matter's own cap names the bigger culprit first.
  const frontMatterTooLarge = textSizeProblem('front matter', text.slice(yamlStart, yamlEnd), INPUT_LIMITS.frontMatter);
  if (frontMatterTooLarge || fileTooLarge) {
    const problem = { message: frontMatterTooLarge ?? fileTooLarge!, line: frontMatterTooLarge ? 1 : 0, column: 0 };
    return withBody(text, fileTooLarge ? text.length : bodyStart, {}, [problem], undefined);
  }
  try {
    return parseFrontMatter(text, yamlStart, yamlEnd, bodyStart);
  } catch (error) {
    // The YAML library and zod should not throw on any input; if one does, it is still this file's problem.
    return withBody(
      text,
      bodyStart,
      {},
      [{ message: `cannot read the front matter: ${(error as Error).message}`, line: 1, column: 0 }],
      undefined,
    );
  }
}

function parseFrontMatter(text: string, yamlStart: number, yamlEnd: number, bodyStart: number): CaseDocument {
  const source = new YamlSource(text.slice(yamlStart, yamlEnd), INPUT_LIMITS.frontMatterTokens);
  const block: FrontMatterBlock = { start: yamlStart, end: yamlEnd, firstLine: 1, source };
  const shift = (p: YamlProblem): YamlProblem => ({
    ...p,
    line: p.line + block.firstLine,
    ...(p.endLine !== undefined ? { endLine: p.endLine + block.firstLine } : {}),
  });

  const syntax = source.syntaxProblems();
  if (syntax.length > 0) return withBody(text, bodyStart, {}, syntax.map(shift), block);
  const json = source.toJS();
  if ('problem' in json) return withBody(text, bodyStart, {}, [shift(json.problem)], block);
  const parsed = caseFrontMatterSchema.safeParse(json.value ?? {});
  if (!parsed.success) {
    return withBody(text, bodyStart, {}, source.zodProblems(parsed.error).map(shift), block);
  }
  return withBody(text, bodyStart, parsed.data, [], block);
}

function withBody(
  text: string,
  bodyStart: number,
  data: CaseFrontMatter,
  problems: YamlProblem[],
  frontMatter: FrontMatterBlock | undefined,
): CaseDocument {
  const conversation: Message[] =
    data.conversation ?? (data.prompt !== undefined ? [{ role: 'user', content: data.prompt }] : []);
  const question = conversation
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
  const document: CaseDocument = { data, body: text.slice(bodyStart), bodyStart, conversation, question, problems };
  if (frontMatter) document.frontMatter = frontMatter;
  return document;
}
