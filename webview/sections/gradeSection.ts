import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewState } from '../../src/core/review/reviewMessages';
import { send } from '../vscodeApi';
import { formatTime } from './formatTime';

/** The latest grade: score, judge model, per-item met / not met with the judge's explanation; stale marked. */
export function gradeSection(state: ReviewState): TemplateResult {
  const grade = state.grade;
  return html`<section aria-labelledby="grade-heading">
    <h2 id="grade-heading">Grade</h2>
    <div class="toolbar">
      <vscode-button
        ?disabled=${state.busy !== null || !state.model.available || state.rubric.length === 0}
        title=${state.model.detail}
        aria-label="Grade the answer with the judge model${state.model.available ? '' : ` (unavailable: ${state.model.detail})`}"
        @click=${() => send({ type: 'grade' })}
        >Grade</vscode-button
      >
      ${state.model.available ? nothing : html`<span class="muted">${state.model.detail}</span>`}
    </div>
    ${
      grade === null
        ? html`<p class="muted">Not graded yet.</p>`
        : html`<div class=${grade.stale ? 'grade stale' : 'grade'} data-testid="grade">
            <p>
              <strong>Score ${grade.scoreText}</strong> · judge <code>${grade.judgeModel}</code> ·
              ${formatTime(grade.time)}
              ${grade.stale ? html`<vscode-badge class="stale-badge">stale</vscode-badge> <span role="note">${grade.staleReason}: grade again.</span>` : nothing}
            </p>
            <table class="grade-items" aria-label="Graded items">
              <thead>
                <tr>
                  <th scope="col">Result</th>
                  <th scope="col">Points</th>
                  <th scope="col">Criterion</th>
                  <th scope="col">Judge’s explanation</th>
                </tr>
              </thead>
              <tbody>
                ${grade.items.map(
                  (item) =>
                    html`<tr>
                      <td class=${item.met === item.points > 0 ? 'good' : 'bad'}>${item.met ? 'met' : 'not met'}</td>
                      <td>${item.points}</td>
                      <td>${item.criterion}</td>
                      <td>${item.explanation}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}
