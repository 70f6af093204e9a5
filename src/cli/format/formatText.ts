import { relative } from 'node:path';
import type { LintRecord } from './lintRecord';

/** `file:line:col: severity message [principle]`, one per line, then a summary. */
export function formatText(records: LintRecord[], fileCount: number): string {
  const lines = records.map(
    (r) => `${relative(process.cwd(), r.file) || r.file}:${r.line}:${r.column}: ${r.severity} ${r.message} [${r.principle}]`,
  );
  const count = (severity: string) => records.filter((r) => r.severity === severity).length;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  lines.push(
    records.length === 0
      ? `${files} checked, no findings`
      : `${files} checked: ${records.length} finding${records.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info') + count('hint')} notes)`,
  );
  return lines.join('\n');
}
