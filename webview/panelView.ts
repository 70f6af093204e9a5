import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewState } from '../src/core/review/reviewMessages';
import { gradeSection } from './sections/gradeSection';
import { historySection } from './sections/historySection';
import { rubricSection } from './sections/rubricSection';
import { scenarioSection } from './sections/scenarioSection';
import { statusSection } from './sections/statusSection';
import { send } from './vscodeApi';

/** The whole panel for one state: undefined while waiting for the first, null without a case. */
export function panelView(state: ReviewState | null | undefined): TemplateResult {
  if (state === undefined) return html`<p>Loading…</p>`;
  if (state === null) {
    return html`<h1>ClinAlign review</h1>
      <p>Open a case file (<code>*.case.md</code>) to review its scenario, rubric, grade and history here.</p>`;
  }
  return html`
    <header class="panel-header">
      <h1>Review: ${state.fileName}</h1>
      <vscode-button
        secondary
        @click=${() => send({ type: 'openCase' })}
        aria-label="Show ${state.fileName} in the editor"
        >Show case</vscode-button
      >
    </header>
    ${state.busy ? html`<p class="busy" role="status">${state.busy}</p>` : nothing}
    ${
      state.problem
        ? html`<p class="problem" role="alert">${state.problem}</p>`
        : html`${statusSection(state)} ${scenarioSection(state)} ${rubricSection(state)} ${gradeSection(state)}
          ${historySection(state)}`
    }
  `;
}
