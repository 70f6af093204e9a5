import { severitySettingFor, type SeverityMap } from '../lint/remapSeverity';
import { scenarioMatches, type Scenario } from '../principles/scenarioLabels';
import type { Principle, SourceLocation } from '../principles/principle';
import { DIMENSIONS, type Dimension, type Severity } from '../principles/schema';

/** Why a principle is switched off: by a principle file (`disabled: true`) or by the user's settings. */
export type DisabledBy = { kind: 'file'; location: SourceLocation } | { kind: 'setting' };

export interface PrincipleNode {
  kind: 'principle';
  principle: Principle;
  /** The severity its findings get: the principle's own, or as remapped in `clinalign.severity`. */
  severity: Severity;
  disabledBy?: DisabledBy;
  /** Whether it applies to the active case; undefined when no case is active. */
  applies?: boolean;
  /** Why it applies ("the question mentions “crushing chest pain”"), from principle selection. */
  reason?: string;
}

export interface DimensionNode {
  kind: 'dimension';
  dimension: Dimension;
  /** Principles of this dimension in the whole library. */
  total: number;
  /** The ones shown: all of them, or those matching the filter. */
  principles: PrincipleNode[];
  /** How many of the shown ones apply to the active case; undefined when no case is active. */
  applying?: number;
}

/** A principle file that failed to load; its last good version (if any) is in use. */
export interface BrokenFileNode {
  kind: 'broken-file';
  file: string;
}

export type PrincipleTreeNode = DimensionNode | PrincipleNode | BrokenFileNode;

export interface PrincipleTreeOptions {
  /** Case-insensitive substring over id, title and statement; blank shows everything. */
  filter?: string;
  /** The active case's scenario; omitted when no case is active. */
  scenario?: Scenario;
  /** Ids switched off in settings (`clinalign.disabledPrinciples`). */
  disabledIds?: ReadonlySet<string>;
  /** `clinalign.severity`: principle id or dimension → severity, or `off` (which also switches it off). */
  severityMap?: SeverityMap;
  brokenFiles?: Iterable<string>;
  /**
   * The principles that apply to the active case and why, from selectPrinciples (the same selection as the
   * status item and the rubric); without it, applicability falls back to the scenario labels alone.
   */
  applicable?: ReadonlyMap<string, string>;
}

export interface PrincipleTree {
  brokenFiles: BrokenFileNode[];
  /** Every dimension without a filter; with one, only those with a match. */
  dimensions: DimensionNode[];
  filter?: string;
}

/** The explorer's tree: broken files first, then principles grouped by dimension in library order. */
export function buildPrincipleTree(
  principles: readonly Principle[],
  options: PrincipleTreeOptions = {},
): PrincipleTree {
  const filter = normalizeFilter(options.filter);
  const dimensions: DimensionNode[] = [];
  for (const dimension of DIMENSIONS) {
    const members = principles.filter((p) => p.dimension === dimension);
    const shown = members
      .filter((p) => filter === undefined || matchesFilter(p, filter))
      .map((p) => principleNode(p, options));
    if (filter !== undefined && shown.length === 0) continue;
    const applying = options.scenario || options.applicable ? shown.filter((n) => n.applies).length : undefined;
    dimensions.push({
      kind: 'dimension',
      dimension,
      total: members.length,
      principles: shown,
      ...(applying !== undefined && { applying }),
    });
  }
  const brokenFiles = [...(options.brokenFiles ?? [])]
    .sort()
    .map((file): BrokenFileNode => ({ kind: 'broken-file', file }));
  return { brokenFiles, dimensions, ...(filter !== undefined && { filter }) };
}

/** A trimmed filter, or undefined when it is blank. */
export function normalizeFilter(filter: string | undefined): string | undefined {
  const trimmed = filter?.trim();
  return trimmed ? trimmed : undefined;
}

export function matchesFilter(principle: Principle, filter: string): boolean {
  const needle = filter.toLowerCase();
  return [principle.id, principle.title, principle.statement].some((text) => text.toLowerCase().includes(needle));
}

function principleNode(principle: Principle, options: PrincipleTreeOptions): PrincipleNode {
  const setting = options.severityMap ? severitySettingFor(principle.id, options.severityMap) : undefined;
  const disabledBy =
    disabledReason(principle, options.disabledIds) ?? (setting === 'off' ? { kind: 'setting' as const } : undefined);
  const severity = setting && setting !== 'off' ? setting : principle.severity;
  const node: PrincipleNode = { kind: 'principle', principle, severity };
  if (disabledBy) node.disabledBy = disabledBy;
  // A switched-off principle produces no findings, so it does not apply to any case.
  if (options.applicable) {
    const reason = options.applicable.get(principle.id);
    node.applies = !disabledBy && reason !== undefined;
    if (node.applies) node.reason = reason!;
  } else if (options.scenario) node.applies = !disabledBy && scenarioMatches(principle.applies, options.scenario);
  return node;
}

function disabledReason(principle: Principle, disabledIds: ReadonlySet<string> | undefined): DisabledBy | undefined {
  // `disabled: true` only comes from a team patch, which also sets `overriddenBy`.
  if (principle.disabled) return { kind: 'file', location: principle.overriddenBy ?? principle.location };
  if (disabledIds?.has(principle.id)) return { kind: 'setting' };
  return undefined;
}
