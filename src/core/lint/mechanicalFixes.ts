import type { Finding, Fix } from './finding';

/**
 * The fixes of every fixable finding, in document order, without overlaps (the first of two overlapping
 * fixes wins; the other finding stays and is fixed by a second run if still wanted). Identical fixes from two
 * principles count once.
 */
export function mechanicalFixes(findings: readonly Finding[]): Fix[] {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: Fix[] = [];
  for (const fix of fixes) {
    const last = chosen[chosen.length - 1];
    if (last && fix.start < last.end) continue;
    if (last && fix.start === last.start && fix.end === last.end) continue;
    chosen.push(fix);
  }
  return chosen;
}

/** The text with the fixes applied (fixes as returned by `mechanicalFixes`). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  let result = '';
  let at = 0;
  for (const fix of fixes) {
    result += text.slice(at, fix.start) + fix.replacement;
    at = fix.end;
  }
  return result + text.slice(at);
}
