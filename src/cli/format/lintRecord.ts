import type { Severity } from '../../core/principles/schema';

/** One lint result as the CLI prints it; the JSON shape is a stable contract (1-based lines and columns). */
export interface LintRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  principle: string;
  message: string;
}

/** Pseudo-principle id for problems in a case's front matter. */
export const FRONT_MATTER_RULE = 'case.front-matter';
