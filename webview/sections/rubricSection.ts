import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewAction, ReviewState, RubricItemView } from '../../src/core/review/reviewMessages';
import { send } from '../vscodeApi';

const POINTS_HINT = 'Points are whole numbers from −10 to 10, never 0';

function edit(action: ReviewAction): void {
  send({ type: 'edit', action });
}

/** Reads a points field: an integer −10…10 other than 0, else undefined (and the field is marked invalid). */
function pointsOf(field: HTMLInputElement & { invalid?: boolean }): number | undefined {
  const value = Number(field.value.trim().replace('−', '-'));
  const ok = Number.isInteger(value) && value >= -10 && value <= 10 && value !== 0;
  field.invalid = !ok;
  return ok ? value : undefined;
}

/** Alt+↑ / Alt+↓ on a row moves the item (the ↑ ↓ buttons do the same for the mouse). */
function rowKeys(item: RubricItemView, count: number) {
  return (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const to = item.index + (event.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= count) return;
    event.preventDefault();
    edit({ kind: 'moveItem', index: item.index, to });
  };
}

function itemRow(item: RubricItemView, state: ReviewState): TemplateResult {
  const n = item.index + 1;
  const count = state.rubric.length;
  return html`<li
    class=${item.verified ? 'item verified' : 'item'}
    data-item=${item.index}
    aria-label="Rubric item ${n}"
    @keydown=${rowKeys(item, count)}
  >
    <div class="item-main">
      <span class="num" aria-hidden="true">${n}</span>
      <vscode-textfield
        class="criterion-field"
        label="Criterion ${n}"
        aria-label="Criterion ${n}"
        .value=${item.criterion}
        @change=${(event: Event) => {
          const field = event.target as HTMLInputElement & { invalid?: boolean };
          const text = field.value.trim();
          field.invalid = text === '';
          if (text !== '' && text !== item.criterion)
            edit({ kind: 'setCriterion', index: item.index, criterion: text });
        }}
      ></vscode-textfield>
    </div>
    <div class="item-controls">
      <label class="points"
        >Points
        <vscode-textfield
          class="points-field"
          inputmode="numeric"
          maxlength="3"
          label="Points of criterion ${n}"
          aria-label="Points of criterion ${n} (−10 to 10, never 0)"
          title=${POINTS_HINT}
          .value=${String(item.points)}
          @change=${(event: Event) => {
            const points = pointsOf(event.target as HTMLInputElement);
            if (points !== undefined && points !== item.points) edit({ kind: 'setPoints', index: item.index, points });
          }}
        ></vscode-textfield>
      </label>
      <vscode-single-select
        class="axis-select"
        label="Axis of criterion ${n}"
        aria-label="Axis of criterion ${n}"
        .value=${item.axis ?? ''}
        @change=${(event: Event) => {
          const axis = (event.target as HTMLInputElement).value;
          if (axis && axis !== item.axis) edit({ kind: 'setAxis', index: item.index, axis });
        }}
      >
        ${item.axis === null ? html`<vscode-option value="" selected>(no axis)</vscode-option>` : nothing}
        ${state.axes.map((axis) => html`<vscode-option value=${axis} ?selected=${axis === item.axis}>${axis.replace(/_/g, ' ')}</vscode-option>`)}
      </vscode-single-select>
      <vscode-checkbox
        label="Verified"
        aria-label="Criterion ${n} verified"
        .checked=${item.verified}
        @change=${(event: Event) => edit({ kind: 'setVerified', index: item.index, verified: (event.target as HTMLInputElement).checked })}
      ></vscode-checkbox>
      <span class="row-actions">
        <vscode-button
          secondary
          ?disabled=${item.index === 0}
          aria-label="Move criterion ${n} up"
          title="Move up (Alt+↑)"
          @click=${() => edit({ kind: 'moveItem', index: item.index, to: item.index - 1 })}
          >↑</vscode-button
        >
        <vscode-button
          secondary
          ?disabled=${item.index === count - 1}
          aria-label="Move criterion ${n} down"
          title="Move down (Alt+↓)"
          @click=${() => edit({ kind: 'moveItem', index: item.index, to: item.index + 1 })}
          >↓</vscode-button
        >
        <vscode-button
          secondary
          aria-label="Delete criterion ${n}"
          title="Delete"
          @click=${() => edit({ kind: 'deleteItem', index: item.index })}
          >✕</vscode-button
        >
      </span>
    </div>
    <div class="item-principle">
      ${
        item.principleId
          ? html`Principle:
              <a
                href="#"
                role="button"
                title=${item.principleId}
                aria-label="Open principle ${item.principleTitle ?? item.principleId}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  send({ type: 'openPrinciple', id: item.principleId! });
                }}
                >${item.principleTitle ?? item.principleId}</a
              >`
          : html`<span class="muted">No linked principle</span>`
      }
    </div>
    ${item.warnings.map((w) => html`<div class="item-warning">⚠ ${w}</div>`)}
  </li>`;
}

/** The rubric items with the toolbar and the reviewer-rule warnings. */
export function rubricSection(state: ReviewState): TemplateResult {
  const busy = state.busy !== null;
  const verb = state.rubric.length === 0 ? 'Draft' : 'Extend';
  return html`<section aria-labelledby="rubric-heading">
    <h2 id="rubric-heading">Rubric <span class="muted">(${state.rubric.length} items)</span></h2>
    <div class="toolbar" role="toolbar" aria-label="Rubric actions">
      <vscode-button @click=${() => edit({ kind: 'addItem' })} aria-label="Add a rubric item">Add item</vscode-button>
      <vscode-button
        secondary
        ?disabled=${busy}
        @click=${() => send({ type: 'synthesize', mode: 'offline' })}
        aria-label="${verb} the rubric from the principle templates (offline)"
        >Synthesize (offline)</vscode-button
      >
      <vscode-button
        secondary
        ?disabled=${busy || !state.model.available}
        title=${state.model.detail}
        @click=${() => send({ type: 'synthesize', mode: 'model' })}
        aria-label="${verb} the rubric with the model${state.model.available ? '' : ` (unavailable: ${state.model.detail})`}"
        >Synthesize (model)</vscode-button
      >
    </div>
    ${
      state.rubricWarnings.length > 0
        ? html`<ul class="rubric-warnings" aria-label="Rubric warnings">
            ${state.rubricWarnings.map((w) => html`<li>⚠ ${w}</li>`)}
          </ul>`
        : nothing
    }
    ${
      state.rubric.length === 0
        ? html`<p class="muted">No rubric yet: synthesize a draft, or add items one by one.</p>`
        : html`<ol class="rubric" aria-label="Rubric items">
            ${state.rubric.map((item) => itemRow(item, state))}
          </ol>`
    }
  </section>`;
}
