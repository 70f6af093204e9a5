import { escapeMarkdown, markdownCode } from '../untrusted/escapeMarkdown';
import type { Principle } from './principle';

/** A link shown under a principle's hover (the editor passes command links). */
export interface MarkdownLink {
  label: string;
  href: string;
}


/** The hover on a finding: title, statement, rationale, sources, one passing example, then the links. */
export function principleHoverMarkdown(principle: Principle, links: readonly MarkdownLink[] = [], appliesBecause?: string): string {
  const parts = [
    `**${escapeMarkdown(principle.title)}** — \`${principle.id}\` (${principle.severity})`,
    ...(appliesBecause ? [`*Applies because* ${escapeMarkdown(appliesBecause)}.`] : []),
    escapeMarkdown(principle.statement),
    `*Why:* ${escapeMarkdown(principle.rationale)}`,
    `*Sources:* ${principle.sources.map(escapeMarkdown).join('; ')}`,
  ];
  const passing = principle.examples.find((e) => !e.violates);
  if (passing) parts.push(`*Passes:*\n\n> ${escapeMarkdown(passing.answer)}`);
  if (links.length > 0) parts.push(links.map((l) => `[${escapeMarkdown(l.label)}](${l.href})`).join(' · '));
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
