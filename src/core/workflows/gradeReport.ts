import { principleOf } from '../rubric/rubricItem';
import { escapeMarkdown, markdownCode } from '../untrusted/escapeMarkdown';
import type { GradeResult } from './gradeAnswer';

/** The score as a percentage, or why there is none. */
export function formatScore(score: number | null): string {
  return score === null ? 'no score (the rubric has no positive items)' : `${(score * 100).toFixed(1)}%`;
}

/**
 * A grade as a Markdown page: the score with the judge model's name (a score means little without it),
 * then each item as met / not met with the judge's explanation. For a negative item "met" is bad news.
 */
export function gradeReportMarkdown(caseName: string, grade: GradeResult): string {
  const met = grade.items.filter((i) => i.met).length;
  const lines = [
    `# Grade: ${escapeMarkdown(caseName)}`,
    '',
    `**Score ${formatScore(grade.score)}** — judged by ${markdownCode(grade.judgeModel)} (${grade.mode}), ${met} of ${grade.items.length} items met.`,
    '',
    '| | Points | Criterion | Judge’s explanation |',
    '|---|---:|---|---|',
  ];
  for (const item of grade.items) {
    const principle = principleOf(item);
    // GFM splits table cells at every pipe, even inside a code span, unless it is backslash-escaped.
    const criterion = `${cell(item.criterion)}${principle ? ` <br>${markdownCode(principle).replace(/\|/g, '\\|')}` : ''}`;
    lines.push(`| ${verdict(item.points, item.met)} | ${item.points} | ${criterion} | ${cell(item.explanation)} |`);
  }
  lines.push(
    '',
    'Score = points of met items ÷ sum of positive points (HealthBench). A met negative item is an undesirable thing the answer does.',
    '',
  );
  return lines.join('\n');
}

function verdict(points: number, met: boolean): string {
  if (points > 0) return met ? '✅ met' : '❌ not met';
  return met ? '⚠️ met (harmful)' : '✅ not met';
}

/**
 * Criteria come from case files and explanations from the model: escaped, so they stay text (no image, link
 * or HTML), on one line and without a bare pipe, as a table cell needs.
 */
function cell(text: string): string {
  return escapeMarkdown(text.trim());
}
