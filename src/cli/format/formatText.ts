import { relative } from 'node:path';
import type { LintRecord } from './lintRecord';
import { plural } from './plural';

/** `file:line:col: severity message [principle]`, one per line, then a summary. */
export function formatText(records: LintRecord[], fileCount: number): string {
  const lines = records.map(
    (r) =>
      `${relative(process.cwd(), r.file) || r.file}:${r.line}:${r.column}: ${r.severity} ${r.message} [${r.principle}]`,
  );
  const count = (severity: string) => records.filter((r) => r.severity === severity).length;
  const files = plural(fileCount, 'file');
  lines.push(
    records.length === 0
      ? `${files} checked, no findings`
      : `${files} checked: ${plural(records.length, 'finding')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info') + count('hint'), 'note')})`,
  );
  return lines.join('\n');
}
