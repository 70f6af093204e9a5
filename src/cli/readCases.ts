import { relative } from 'node:path';
import { parseCase, type CaseDocument } from '../core/case/parseCase';
import { collectMarkdownFiles } from './collectFiles';
import { INPUT_LIMITS } from '../core/untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../core/untrusted/readFileWithinLimit';

export interface CliCase {
  file: string;
  /** As shown to the user: relative to the working folder. */
  shown: string;
  text: string;
  document: CaseDocument;
}

/**
 * The case files under `paths` with sound front matter and a question; the others are reported and skipped.
 * `broken` counts the skipped ones whose front matter has problems.
 */
export function readCases(paths: string[]): { cases: CliCase[]; skipped: number; broken: number } {
  const cases: CliCase[] = [];
  let skipped = 0;
  let broken = 0;
  for (const file of collectMarkdownFiles(paths)) {
    const shown = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileWithinLimit(file, INPUT_LIMITS.caseFile, 'case file');
    } catch (error) {
      process.stderr.write(`${shown}:1:1: ${unreadableMessage(error)}\n${shown}: skipped\n`);
      skipped++;
      broken++;
      continue;
    }
    const document = parseCase(text);
    if (document.problems.length > 0) {
      for (const p of document.problems) process.stderr.write(`${shown}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
      process.stderr.write(`${shown}: skipped (fix the front matter first)\n`);
      skipped++;
      broken++;
      continue;
    }
    if (document.question.trim() === '') {
      process.stderr.write(`${shown}: skipped (no question: add \`prompt:\` or \`conversation:\` to the front matter)\n`);
      skipped++;
      continue;
    }
    cases.push({ file, shown, text, document });
  }
  return { cases, skipped, broken };
}
