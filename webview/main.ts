// The rubric & review panel (browser side). It holds no state of its own: it renders what the extension sends
// (the case document's view model) and sends edits back; every message is checked with the shared zod schemas.
import { render } from 'lit';
import { extensionToPanelSchema, type ReviewState } from '../src/core/review/reviewMessages';
import './components';
import { panelView } from './panelView';
import { remember, send } from './vscodeApi';

const app = document.getElementById('app')!;
const notice = document.getElementById('notice')!;
let state: ReviewState | null | undefined;

function draw(): void {
  render(panelView(state), app);
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;

/** A line at the bottom of the panel; information goes after a while, errors stay until the next notice. */
function showNotice(level: 'info' | 'error', text: string): void {
  clearTimeout(noticeTimer);
  if (level === 'info' && text) noticeTimer = setTimeout(() => (notice.textContent = ''), 10_000);
  notice.textContent = text;
  notice.className = level;
  notice.setAttribute('role', level === 'error' ? 'alert' : 'status');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = extensionToPanelSchema.safeParse(event.data);
  if (!parsed.success) {
    console.warn('ClinAlign review: ignored a malformed message', parsed.error);
    return;
  }
  const message = parsed.data;
  if (message.type === 'notice') return showNotice(message.level, message.text);
  if (state && message.state && state.uri !== message.state.uri) showNotice('info', '');
  state = message.state;
  if (state) remember({ uri: state.uri });
  draw();
});

draw();
send({ type: 'ready' });
