import { html, type TemplateResult } from 'lit';
import type { ReviewState } from '../../src/core/review/reviewMessages';
import { send } from '../vscodeApi';

/** The four scenario labels with source and confidence; changing one writes it into `scenario:`. */
export function scenarioSection(state: ReviewState): TemplateResult {
  return html`<section aria-labelledby="scenario-heading">
    <h2 id="scenario-heading">Scenario</h2>
    <table class="scenario">
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Label</th>
          <th scope="col">Source</th>
          <th scope="col">Confidence</th>
        </tr>
      </thead>
      <tbody>
        ${state.scenario.map(
          (row) =>
            html`<tr title=${row.evidence}>
              <th scope="row">${row.dimension}</th>
              <td>
                <vscode-single-select
                  label="${row.dimension} label"
                  aria-label="${row.dimension} label"
                  .value=${row.label}
                  @change=${(event: Event) => {
                    const label = (event.target as HTMLInputElement).value;
                    if (label && label !== row.label)
                      send({ type: 'edit', action: { kind: 'setScenario', dimension: row.dimension, label } });
                  }}
                >
                  ${row.options.map((option) => html`<vscode-option value=${option} ?selected=${option === row.label}>${option}</vscode-option>`)}
                </vscode-single-select>
              </td>
              <td>${row.source}</td>
              <td>${row.confidence}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
