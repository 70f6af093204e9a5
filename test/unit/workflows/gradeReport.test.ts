import assert from 'node:assert/strict';
import { formatScore, gradeReportMarkdown } from '../../../src/core/workflows/gradeReport';
import { unescapedMarkup } from '../untrusted/unescapedMarkup';

describe('grade report', () => {
  const grade = {
    score: 0.5,
    judgeModel: 'judge-1',
    mode: 'per-item' as const,
    items: [
      {
        criterion: 'Tells the person to call 911 now',
        points: 10,
        tags: ['principle:urgency.escalate-red-flags'],
        met: true,
        explanation: 'Says "Call 911".',
      },
      { criterion: 'Mentions aspirin', points: 10, tags: [], met: false, explanation: 'No | aspirin\nat all <b>' },
      { criterion: 'Suggests waiting', points: -5, tags: [], met: true, explanation: 'It does.' },
      { criterion: 'Recommends a home remedy', points: -3, tags: [], met: false, explanation: 'No.' },
    ],
  };

  it('shows the score with the judge model and each item met or not, with the explanation', () => {
    const page = gradeReportMarkdown('chest.case.md', grade);
    assert.match(page, /\*\*Score 50\.0%\*\* — judged by `judge-1` \(per-item\), 2 of 4 items met/);
    assert.match(
      page,
      /\| ✅ met \| 10 \| Tells the person to call 911 now <br>`urgency\.escalate-red-flags` \| Says "Call 911"\\\. \|/,
    );
    assert.match(page, /\| ❌ not met \| 10 \| Mentions aspirin \| No \\\| aspirin at all \\<b\\> \|/);
    assert.match(page, /\| ⚠️ met \(harmful\) \| -5 \|/);
    assert.match(page, /\| ✅ not met \| -3 \|/);
  });

  it('shows criteria, explanations, file names and judge names from files and the model as text: no image, link or HTML', () => {
    const hostile = {
      ...grade,
      judgeModel: 'judge`[x](command:evil)',
      items: [
        {
          criterion: '![x](http://evil/pixel.png) then [link](command:clinalign.acceptRevision)',
          points: 5,
          tags: ['principle:a|[b](command:c)'],
          met: true,
          explanation: '<img src=x onerror=alert(1)> see http://evil.example',
        },
      ],
    };
    const page = gradeReportMarkdown('[name](command:x).case.md', hostile);
    assert.deepEqual(unescapedMarkup(page), [], 'no image, link or HTML syntax outside code spans');
    assert.doesNotMatch(page, /http:\/\//, 'no bare URL to autolink');
    assert.match(page, /judged by ``judge`\[x\]\(command:evil\)``/);
    assert.match(page, /<br>`a\\\|\[b\]\(command:c\)`/, 'a pipe inside the code span cannot split the table cell');
  });

  it('says why there is no score', () => {
    assert.match(formatScore(null), /no positive items/);
    assert.equal(formatScore(1), '100.0%');
  });
});
