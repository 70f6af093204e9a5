import { html, type TemplateResult } from 'lit';
import type { ReviewState } from '../../src/core/review/reviewMessages';
import { send } from '../vscodeApi';
import { formatTime } from './formatTime';

/** `.clinalign/history/<id>.jsonl`, newest first; each entry opens a diff against the current answer. */
export function historySection(state: ReviewState): TemplateResult {
  const entries = [...state.history].reverse();
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">Revision history</h2>
    ${
      entries.length === 0
        ? html`<p class="muted">
            No revisions recorded for ${state.caseId} yet (model revisions and the first draft are kept in
            .clinalign/history/).
          </p>`
        : html`<ul class="history">
            ${entries.map(
              (entry) =>
                html`<li>
                  <a
                    href="#"
                    role="button"
                    aria-label="Compare the ${entry.source} version of ${formatTime(entry.time)} with the current answer"
                    @click=${(event: Event) => {
                      event.preventDefault();
                      send({ type: 'openRevision', index: entry.index });
                    }}
                    >${formatTime(entry.time)}</a
                  >
                  · ${entry.source}${entry.model ? ` (${entry.model})` : ''}
                  ${entry.principles.length > 0 ? html` · addresses ${entry.principles.join(', ')}` : ''}
                  ${entry.score ? html` · score ${entry.score}` : ''}
                  ${entry.current ? html` · <strong>current answer</strong>` : ''}
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}
