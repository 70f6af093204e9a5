import { escapeMarkdown, markdownCode } from '../untrusted/escapeMarkdown';
import type { Principle } from './principle';

/** A link shown at the top of a principle's hover (the editor passes command links). */
export interface MarkdownLink {
  label: string;
  href: string;
}

/** What the hover leaves out: the editor shows the statement already when the finding's diagnostic carries it. */
export interface HoverOptions {
  statement?: boolean;
}

/**
 * The hover on a finding: the links first (reachable without scrolling), then title, why it applies,
 * statement (unless shown elsewhere), rationale, sources and one passing example.
 */
export function principleHoverMarkdown(principle: Principle, links: readonly MarkdownLink[] = [], appliesBecause?: string, options: HoverOptions = {}): string {
  const parts = [
    ...(links.length > 0 ? [links.map((l) => `[${escapeMarkdown(l.label)}](${l.href})`).join(' · ')] : []),
    `**${escapeMarkdown(principle.title)}** — \`${principle.id}\` (${principle.severity})`,
    ...(appliesBecause ? [`*Applies because* ${escapeMarkdown(appliesBecause)}.`] : []),
    ...(options.statement === false ? [] : [escapeMarkdown(principle.statement)]),
    `*Why:* ${escapeMarkdown(principle.rationale)}`,
    `*Sources:* ${principle.sources.map(escapeMarkdown).join('; ')}`,
  ];
  const passing = principle.examples.find((e) => !e.violates);
  if (passing) parts.push(`*Passes:*\n\n> ${escapeMarkdown(passing.answer)}`);
  return parts.join('\n\n');
}

/** The read-only "Explain principle" page: everything a reviewer needs to judge the principle. */
export function principleDocumentMarkdown(principle: Principle): string {
  const lines = [
    `# ${escapeMarkdown(principle.title)}`,
    '',
    `\`${principle.id}\` · dimension **${principle.dimension}** · severity **${principle.severity}**`,
    '',
    escapeMarkdown(principle.statement),
    '',
    '## Why',
    '',
    escapeMarkdown(principle.rationale),
    '',
    '## Applies to',
    '',
    appliesText(principle),
    '',
    '## Rubric template',
    '',
    `${principle.rubric.points > 0 ? '+' : ''}${principle.rubric.points} points, axis ${principle.rubric.axis}: ${escapeMarkdown(principle.rubric.criterion)}`,
    '',
    '## Automatic checks',
    '',
    principle.detect?.length
      ? principle.detect.map((d) => `- \`${d.kind}\`${d.message ? `: ${escapeMarkdown(d.message)}` : ''}`).join('\n')
      : 'None: a reviewer or a model applies this principle through its statement and rubric.',
    '',
    '## Examples',
    '',
    ...principle.examples.flatMap((e) => [
      `**${e.violates ? 'Violates' : 'Passes'}**${e.question ? ` (question: ${escapeMarkdown(e.question)})` : ''}`,
      '',
      `> ${escapeMarkdown(e.answer)}`,
      '',
    ]),
    '## Sources',
    '',
    ...principle.sources.map((s) => `- ${escapeMarkdown(s)}`),
    '',
    // Principle text comes from YAML files anyone can edit, file names too: shown as text, never as Markdown.
    `Defined in ${markdownCode(principle.location.file)} line ${principle.location.line + 1}` +
      (principle.overriddenBy ? `; changed by the team file ${markdownCode(principle.overriddenBy.file)} line ${principle.overriddenBy.line + 1}.` : '.'),
    ...(principle.disabled ? ['', '**Disabled** by a team file: it produces no findings.'] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function appliesText(principle: Principle): string {
  const entries = Object.entries(principle.applies ?? {});
  if (entries.length === 0) return 'Every scenario.';
  return entries.map(([dimension, labels]) => `- ${dimension}: ${(labels as string[]).join(', ')}`).join('\n');
}
