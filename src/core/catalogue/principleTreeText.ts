import { basename } from 'node:path';
import { SCENARIO_DIMENSIONS, type Scenario } from '../principles/scenarioLabels';
import { escapeMarkdown, markdownCode } from '../untrusted/escapeMarkdown';
import type { Principle, SourceLocation } from '../principles/principle';
import type { BrokenFileNode, DimensionNode, PrincipleNode } from './principleTree';
import type { Dimension } from '../principles/schema';

/** Shows a principle file's path as the reader knows it (e.g. relative to the workspace). */
export type DisplayPath = (file: string) => string;

const DIMENSION_TITLES: Record<Dimension, string> = {
  urgency: 'Urgency',
  uncertainty: 'Uncertainty',
  expertise: 'Expertise',
  task: 'Task',
  universal: 'Universal',
};

export function dimensionLabel(node: DimensionNode): string {
  return DIMENSION_TITLES[node.dimension];
}

/** "24", "24 · 5 apply", or with a filter "3 of 24 · 1 applies". */
export function dimensionDescription(node: DimensionNode, filtered: boolean): string {
  const count = filtered ? `${node.principles.length} of ${node.total}` : `${node.total}`;
  if (node.applying === undefined) return count;
  return `${count} · ${node.applying} ${node.applying === 1 ? 'applies' : 'apply'}`;
}

export function dimensionTooltip(node: DimensionNode, caseName?: string): string {
  const lines = [
    `${node.total} ${DIMENSION_TITLES[node.dimension].toLowerCase()} principle${node.total === 1 ? '' : 's'}`,
  ];
  if (node.applying !== undefined)
    lines.push(`${node.applying} of those shown apply to ${caseName ?? 'the active case'}`);
  return lines.join('\n');
}

/** "✓ urgency.escalate-red-flags · error · team override": the check only when it applies to the active case. */
export function principleDescription(node: PrincipleNode): string {
  const { principle } = node;
  const parts = [principle.id, node.severity];
  if (node.disabledBy?.kind === 'setting') parts.push('disabled in settings');
  else if (node.disabledBy) parts.push('disabled');
  else if (principle.overriddenBy) parts.push('team override');
  return `${node.applies ? '✓ ' : ''}${parts.join(' · ')}`;
}

/**
 * Markdown: statement, the scenario labels it applies to, whether it applies to the case, sources, origin.
 * Titles, statements, sources and file names come from team files and the reason from the case's question:
 * all escaped, so a hostile file shows its text and never an image or a link.
 */
export function principleTooltip(
  node: PrincipleNode,
  displayPath: DisplayPath = (f) => f,
  scenario?: Scenario,
): string {
  const { principle } = node;
  const sections = [
    `**${escapeMarkdown(principle.title)}**`,
    `${markdownCode(principle.id)} · ${severityText(node)} · ${principle.dimension}`,
    escapeMarkdown(principle.statement.trim()),
    `**Applies to:** ${appliesText(principle)}`,
  ];
  if (node.applies !== undefined) sections.push(`**Active case:** ${activeCaseText(node, scenario)}`);
  sections.push(['**Sources:**', ...principle.sources.map((s) => `- ${escapeMarkdown(s)}`)].join('\n'));
  if (node.disabledBy?.kind === 'file')
    sections.push(`Disabled by ${markdownCode(where(node.disabledBy.location, displayPath))}.`);
  else if (node.disabledBy?.kind === 'setting')
    sections.push('Disabled in settings (`clinalign.disabledPrinciples`, or `off` in `clinalign.severity`).');
  else if (principle.overriddenBy)
    sections.push(`Team override in ${markdownCode(where(principle.overriddenBy, displayPath))}.`);
  sections.push(`Defined in ${markdownCode(where(principle.location, displayPath))}.`);
  return sections.join('\n\n');
}

export function brokenFileLabel(node: BrokenFileNode): string {
  return `⚠ ${basename(node.file)} has problems`;
}

export function brokenFileTooltip(
  node: BrokenFileNode,
  displayPath: DisplayPath = (f) => f,
  firstProblem?: string,
): string {
  const problem = firstProblem ? `: ${firstProblem}` : '';
  return (
    `${displayPath(node.file)} has problems${problem}\n\n` +
    'ClinAlign keeps using the last good version of this file until it is fixed (see the Problems panel).'
  );
}

/** "urgency: emergent; expertise: layperson", or "every case" when `applies` is omitted. */
export function appliesText(principle: Principle): string {
  const parts = SCENARIO_DIMENSIONS.flatMap((dimension) => {
    const labels = principle.applies?.[dimension];
    return labels ? [`${dimension}: ${labels.join(', ')}`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : 'every case';
}

function activeCaseText(node: PrincipleNode, scenario: Scenario | undefined): string {
  if (node.applies) return node.reason ? `applies because ${escapeMarkdown(node.reason)}` : 'applies';
  if (node.disabledBy) return 'does not apply (switched off)';
  const mismatches = scenario
    ? SCENARIO_DIMENSIONS.filter((d) => {
        const allowed = node.principle.applies?.[d] as readonly string[] | undefined;
        return allowed !== undefined && !allowed.includes(scenario[d]);
      }).map((d) => `${d} is ${scenario[d]}`)
    : [];
  return mismatches.length > 0 ? `does not apply (${mismatches.join(', ')})` : 'does not apply';
}

function severityText(node: PrincipleNode): string {
  const own = node.principle.severity;
  return node.severity === own ? own : `${node.severity} (${own} in its file; remapped in \`clinalign.severity\`)`;
}

function where(location: SourceLocation, displayPath: DisplayPath): string {
  return `${displayPath(location.file)}:${location.line + 1}`;
}
