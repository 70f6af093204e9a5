import { isNode, LineCounter, type Document } from 'yaml';
import type * as z from 'zod';
import { INPUT_LIMITS } from '../untrusted/inputLimits';
import { parseYaml, yamlToJs } from './parseYaml';

/** A problem in a YAML text, at a 0-based line and column of that text. */
export interface YamlProblem {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A parsed YAML document that can say where any value came from. */
export class YamlSource {
  readonly document: Document.Parsed;
  private readonly lines = new LineCounter();

  /** `maxTokens`: the YAML tokens read before giving up (INPUT_LIMITS). */
  constructor(
    readonly text: string,
    maxTokens: number = INPUT_LIMITS.yamlFileTokens,
  ) {
    this.document = parseYaml(text, { lineCounter: this.lines, maxTokens });
  }

  /** The document as JavaScript values, or a located problem (aliases that expand too much). */
  toJS(): { value: unknown } | { problem: YamlProblem } {
    const result = yamlToJs(this.document);
    return 'value' in result
      ? { value: result.value }
      : { problem: { message: result.error, ...this.positionOf(result.offset) } };
  }

  /** Syntax errors (and duplicate keys), with positions. */
  syntaxProblems(): YamlProblem[] {
    return this.document.errors.map((error) => ({
      message: firstLine(error.message),
      ...this.positionOf(error.pos[0]),
    }));
  }

  /** 0-based line/column of an offset into the text. */
  positionOf(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(Math.min(Math.max(offset, 0), this.text.length));
    return { line: line - 1, column: col - 1 };
  }

  /** The span of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number; endLine: number; endColumn: number } {
    for (let length = path.length; length >= 0; length--) {
      const node = this.document.getIn(path.slice(0, length) as (string | number)[], true);
      if (isNode(node) && node.range) {
        const start = this.positionOf(node.range[0]);
        const end = this.positionOf(node.range[1]);
        return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      }
    }
    return { line: 0, column: 0, endLine: 0, endColumn: 0 };
  }

  /** Zod issues as problems located at the offending node; `base` is the path of the validated value. */
  zodProblems(error: z.ZodError, base: readonly PropertyKey[] = []): YamlProblem[] {
    return error.issues.map((issue) => {
      const path = [...base, ...issue.path];
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return { message: `${where}${issue.message}`, ...this.locate(path) };
    });
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
