import { SEVERITIES, type Severity } from '../principles/schema';
import type { Finding } from './finding';

/** What a severity setting may say for a principle id or a dimension: a severity, or `off` to hide it. */
export type SeveritySetting = Severity | 'off';

/** `clinalign.severity`: principle id or dimension → severity or `off`. */
export type SeverityMap = Readonly<Record<string, string>>;

/**
 * Applies the user's severity remapping: a principle id wins over its dimension (the id's first segment),
 * `off` drops the finding, and values that are not a severity are ignored (settings are hand-edited JSON).
 */
export function remapSeverity(findings: readonly Finding[], severityMap: SeverityMap): Finding[] {
  if (Object.keys(severityMap).length === 0) return [...findings];
  const remapped: Finding[] = [];
  for (const finding of findings) {
    const setting = severitySettingFor(finding.principleId, severityMap);
    if (setting === 'off') continue;
    remapped.push(setting && setting !== finding.severity ? { ...finding, severity: setting } : finding);
  }
  return remapped;
}

/** The setting that applies to one principle, if any. */
export function severitySettingFor(principleId: string, severityMap: SeverityMap): SeveritySetting | undefined {
  const dimension = principleId.split('.')[0]!;
  for (const key of [principleId, dimension]) {
    const value = Object.prototype.hasOwnProperty.call(severityMap, key) ? severityMap[key] : undefined;
    if (isSeveritySetting(value)) return value;
  }
  return undefined;
}

function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'off' || (SEVERITIES as readonly unknown[]).includes(value);
}
