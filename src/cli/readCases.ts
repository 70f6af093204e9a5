import { relative } from 'node:path';
import { INPUT_LIMITS } from '../core/untrusted/inputLimits';
import { readFileWithinLimit, unreadableMessage } from '../core/untrusted/readFileWithinLimit';
import { openCase, type Case, type CaseLibrarySource } from '../core/workflows/case';
import { notReady, type CaseNeed } from '../core/workflows/caseReadiness';
import { collectMarkdownFiles } from './collectFiles';

export interface CliCase {
  /** As shown to the user: relative to the working folder. */
  shown: string;
  case: Case;
}

/** What the CLI adds to a readiness refusal: the command that fixes it. */
const HINTS: Partial<Record<CaseNeed, string>> = { rubric: 'run `clinalign synthesize --write` first' };

/**
 * The case files under `paths` that are ready for the command (sound front matter, and what `needs` lists:
 * the one readiness check the editor uses too); the others are reported and skipped. `broken` counts the
 * skipped ones that cannot be read or whose front matter has problems. Each case's project is looked up
 * from its own folder, with the working folder as the fallback (caseProjectRoot).
 */
export function readCases(
  paths: string[],
  library: CaseLibrarySource,
  needs: readonly CaseNeed[] = ['question'],
): { cases: CliCase[]; skipped: number; broken: number } {
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
    const c = openCase(library, { text, file, workFolder: process.cwd() });
    const refusal = notReady(c, needs);
    if (refusal?.need === 'front matter') {
      for (const p of c.document.problems)
        process.stderr.write(`${shown}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
      process.stderr.write(`${shown}: skipped (fix the front matter first)\n`);
      skipped++;
      broken++;
      continue;
    }
    if (refusal) {
      const hint = HINTS[refusal.need];
      process.stderr.write(`${shown}: skipped (${refusal.message}${hint ? `: ${hint}` : ''})\n`);
      skipped++;
      continue;
    }
    cases.push({ shown, case: c });
  }
  return { cases, skipped, broken };
}
