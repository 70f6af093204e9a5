import * as vscode from 'vscode';
import { openModelSettings } from './modelSettings';
import type { ModelSessionService } from './modelSessionService';

/** "Configure model endpoint": the settings, the key, and the state they add up to, in one list. */
export async function configureModel(model: ModelSessionService): Promise<void> {
  const { state, detail } = model.status(vscode.window.activeTextEditor?.document.uri);
  const items: (vscode.QuickPickItem & { command: string })[] = [
    {
      label: '$(settings-gear) Open model settings',
      detail: 'Base URL, model, judge model, timeout, concurrency, structured output, temperature',
      command: 'settings',
    },
    {
      label: '$(key) Set API key',
      detail: 'For the current base URL only, kept in VS Code’s secret storage; not needed for local vLLM or Ollama',
      command: 'clinalign.setApiKey',
    },
    { label: '$(trash) Clear API key', detail: 'Of the current base URL', command: 'clinalign.clearApiKey' },
    { label: '$(output) Show log', detail: 'Requests, retries, tokens used', command: 'clinalign.showLog' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: `ClinAlign model: ${state} — ${detail}` });
  if (!choice) return;
  if (choice.command === 'settings') await openModelSettings();
  else await vscode.commands.executeCommand(choice.command);
}
