import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewState } from '../../src/core/review/reviewMessages';
import { send } from '../vscodeApi';
import { formatTime } from './formatTime';

const STEPS = [
  { status: 'draft', label: 'Draft' },
  { status: 'in-review', label: 'In review' },
  { status: 'verified', label: 'Verified' },
] as const;

/** Review status: draft → in-review → verified, who set it and when; verifying needs every item verified. */
export function statusSection(state: ReviewState): TemplateResult {
  const review = state.review;
  const changed = review.updatedBy
    ? html`<span class="muted"
        >set by ${review.updatedBy}${review.updatedAt ? ` · ${formatTime(review.updatedAt)}` : ''}</span
      >`
    : nothing;
  return html`<section aria-labelledby="status-heading">
    <h2 id="status-heading">
      Review status
      <vscode-badge class="status-${review.status}" data-testid="review-status">${review.status}</vscode-badge>
      ${changed}
    </h2>
    ${review.note ? html`<p class="note" role="alert" data-testid="review-note">${review.note}</p>` : nothing}
    <div class="status-buttons" role="group" aria-label="Set the review status">
      ${STEPS.map(({ status, label }) => {
        const current = review.status === status;
        const blocked = status === 'verified' && review.verifyBlocker !== null;
        return html`<vscode-button
          ?secondary=${!current}
          ?disabled=${current || blocked}
          aria-pressed=${current ? 'true' : 'false'}
          aria-label="Set status: ${label}${blocked ? ` (unavailable: ${review.verifyBlocker})` : ''}"
          data-status=${status}
          @click=${() => send({ type: 'edit', action: { kind: 'setStatus', status } })}
          >${label}</vscode-button
        >`;
      })}
    </div>
    <p class="muted" data-testid="verify-progress">
      ${review.verifiedItems} of ${review.items} rubric items
      verified${review.verifyBlocker ? ` — to verify the case: ${review.verifyBlocker}` : ''}.
      ${review.reviewers.length > 0 ? html`Reviewers: ${review.reviewers.join(', ')}.` : nothing}
    </p>
  </section>`;
}
