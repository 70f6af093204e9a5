// The webview side of VS Code's message channel; acquireVsCodeApi may be called once per page.
import type { PanelMemento, PanelToExtension } from '../src/core/review/reviewMessages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function send(message: PanelToExtension): void {
  api.postMessage(message);
}

export function remember(memento: PanelMemento): void {
  api.setState(memento);
}
