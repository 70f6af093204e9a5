import { createHash } from 'node:crypto';
import { barChartSvg, type Bar } from './barChartSvg';
import type { EvalReport } from './runEval';
import type { SetStatistics } from './setStatistics';

const fmt = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3));

function bars(group: Record<string, SetStatistics>): Bar[] {
  return Object.entries(group)
    .filter(([, s]) => s.score !== null)
    .map(([label, s]) => ({ label, value: s.score!, error: s.std_error, n: s.n }));
}

function source(report: EvalReport): string {
  return report.responses_from === 'model'
    ? `answers sampled from ${report.model}`
    : 'answers read from a responses file';
}

/** Which protocol judged: only the HealthBench grader's figures compare with published HealthBench numbers. */
function graderNote(report: EvalReport): string {
  return report.grader === 'healthbench' ? ' (HealthBench grader protocol)' : ' (ClinAlign structured grader)';
}

/** The evaluation as Markdown: overall score, then a table per breakdown; the judge named under each. */
export function evalMarkdown(report: EvalReport): string {
  const judged = `Judge: ${report.judge_model}${graderNote(report)}. Scores are means clipped to [0, 1] ± bootstrap standard error (${report.bootstrap.resamples} resamples).`;
  const table = (title: string, group: Record<string, SetStatistics>) =>
    Object.keys(group).length === 0
      ? []
      : [
          `## ${title}`,
          '',
          '| | score | ± | n |',
          '| --- | ---: | ---: | ---: |',
          ...Object.entries(group).map(([k, s]) => `| ${k} | ${fmt(s.score)} | ${fmt(s.std_error)} | ${s.n} |`),
          '',
          `_${judged}_`,
          '',
        ];
  return [
    '# HealthBench-style evaluation',
    '',
    `**Score: ${fmt(report.score)} ± ${fmt(report.std_error)}** over ${report.n} examples (${source(report)}; judge ${report.judge_model}).`,
    '',
    ...(report.n_unscored > 0
      ? [`${report.n_unscored} examples have no positive rubric points and are not scored.`, '']
      : []),
    ...(report.missing.length > 0 ? [`${report.missing.length} examples have no response and were left out.`, ''] : []),
    ...(report.failures.length > 0
      ? [
          `${report.failures.length} examples failed to grade: ${report.failures
            .slice(0, 5)
            .map((f) => `${f.prompt_id} (${f.message})`)
            .join('; ')}`,
          '',
        ]
      : []),
    ...table('By axis', report.by_axis),
    ...table('By rubric level', report.by_level),
    ...table('By consensus cluster', report.by_cluster),
    ...table('By theme', report.by_theme),
    ...table('By physician-agreed category', report.by_category),
  ].join('\n');
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#111827;max-width:60rem}figure{margin:1.5rem 0}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #e5e7eb;text-align:right}td:first-child,th:first-child{text-align:left}';

/**
 * A self-contained HTML page: inline SVG charts per axis and theme, no script, no external asset. The CSP
 * allows nothing but this page's own style block, pinned by its hash.
 */
export function evalHtml(report: EvalReport): string {
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  const caption = `Judge: ${report.judge_model}${graderNote(report)} · ${source(report)} · bars: clipped mean, whiskers: ± bootstrap SE`;
  const figure = (title: string, group: Record<string, SetStatistics>) => {
    const data = bars(group);
    return data.length === 0 ? '' : `<figure>${barChartSvg(title, data, caption)}</figure>`;
  };
  const overall = barChartSvg(
    'Overall',
    report.score === null
      ? []
      : [{ label: 'HealthBench score', value: report.score, error: report.std_error, n: report.n }],
    caption,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:">`,
    '<title>HealthBench-style evaluation</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>HealthBench-style evaluation</h1>',
    `<p><strong>Score ${fmt(report.score)} ± ${fmt(report.std_error)}</strong> over ${report.n} examples; judge <code>${escapeHtml(report.judge_model)}</code>; ${escapeHtml(source(report))}.</p>`,
    `<figure>${overall}</figure>`,
    figure('By axis', report.by_axis),
    figure('By rubric level', report.by_level),
    figure('By consensus cluster', report.by_cluster),
    figure('By theme', report.by_theme),
    figure('By physician-agreed category', report.by_category),
    '</body></html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
