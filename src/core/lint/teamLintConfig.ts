import * as z from 'zod';
import { SEVERITIES } from '../principles/schema';
import type { SeverityMap } from './remapSeverity';

/**
 * The `lint:` section of `.clinalign/config.yaml`: what the team decided about findings, read by the CLI and the
 * editor alike so `clinalign lint` in CI reports what the editor shows. Keys of `severity` are principle ids or
 * dimensions (`urgency`), as in the editor's `clinalign.severity`; `off` hides a principle's findings.
 */
export const teamLintConfigSchema = z
  .object({
    disable: z.array(z.string().min(1)).default([]),
    severity: z.record(z.string().min(1), z.enum([...SEVERITIES, 'off'])).default({}),
  })
  .strict();
export type TeamLintConfig = z.infer<typeof teamLintConfigSchema>;

export const NO_TEAM_LINT_CONFIG: TeamLintConfig = { disable: [], severity: {} };

/** The team's decisions as one severity map (`disable` is `off`; an explicit severity for the id wins). */
export function teamSeverityMap(config: TeamLintConfig): SeverityMap {
  return { ...Object.fromEntries(config.disable.map((id) => [id, 'off'])), ...config.severity };
}

/**
 * The team's map with a user's editor settings on top: their severities, then the principles they switched
 * off. A key set at both levels takes the user's value.
 */
export function layeredSeverityMap(
  team: TeamLintConfig,
  user: { severity: SeverityMap; disabled: readonly string[] },
): SeverityMap {
  return { ...teamSeverityMap(team), ...user.severity, ...Object.fromEntries(user.disabled.map((id) => [id, 'off'])) };
}
