import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { summarizeEval } from '../../../src/core/evaluation/evalSummary';
import { evalHtml, evalMarkdown } from '../../../src/core/evaluation/evalReportText';
import type { EvalReport } from '../../../src/core/evaluation/runEval';

function report(): EvalReport {
  const summary = summarizeEval([
    {
      prompt_id: 'a',
      example_tags: ['theme:hedging'],
      items: [
        { points: 10, met: true, tags: ['axis:accuracy'] },
        { points: 5, met: false, tags: ['axis:completeness'] },
      ],
    },
    {
      prompt_id: 'b',
      example_tags: ['theme:emergency_referrals'],
      items: [{ points: 8, met: true, tags: ['axis:accuracy'] }],
    },
  ]);
  return {
    ...summary,
    judge_model: 'judge-<x>',
    grader: 'clinalign',
    model: null,
    responses_from: 'file',
    n_examples: 2,
    missing: [],
    failures: [],
    bootstrap: { resamples: 1000, seed: 1 },
  };
}

describe('evaluation: reports', () => {
  it('Markdown names the judge under every table', () => {
    const markdown = evalMarkdown(report());
    assert.match(markdown, /\*\*Score: 0\.833 ±/);
    const tables = markdown.split('## ').slice(1);
    assert.equal(tables.length, 2);
    for (const table of tables) assert.match(table, /Judge: judge-<x>/);
  });

  it('HTML is self-contained and CSP-safe: no script, no external asset, style pinned by hash, judge on every figure', () => {
    const html = evalHtml(report());
    assert.doesNotMatch(html, /<script|src=|href=|@import|url\(/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    assert.ok(html.includes(`style-src 'sha256-${hash}'`));
    assert.match(html, /default-src 'none'/);
    const figures = html.match(/<figure>[\s\S]*?<\/figure>/g)!;
    assert.equal(figures.length, 3, 'overall, axis, theme');
    for (const figure of figures) {
      assert.match(figure, /<svg /);
      assert.match(figure, /Judge: judge-&#60;x&#62;/, 'judge named (and escaped) in every figure');
    }
    assert.doesNotMatch(html, /judge-<x>/, 'model names are escaped');
  });
});
