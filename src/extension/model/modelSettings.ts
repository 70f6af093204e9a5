import * as vscode from 'vscode';
import type { EndpointSettings } from '../../core/model/endpointSettings';

export const MODEL_SECTION = 'clinalign.model';

/** The model settings in effect, and where the base URL came from (for the endpoint-trust decision). */
export interface EffectiveModelSettings {
  settings: EndpointSettings;
  /** The user's own (global) base URL. */
  userUrl: string | undefined;
  /** The effective base URL was set by the workspace or a workspace folder. */
  baseUrlFromWorkspace: boolean;
}

export function readModelSettings(scope?: vscode.Uri): EffectiveModelSettings {
  const config = vscode.workspace.getConfiguration(MODEL_SECTION, scope);
  const baseUrl = config.inspect<string>('baseUrl');
  const set = (value: string | undefined) => (value?.trim() ? value : undefined);
  return {
    settings: {
      baseUrl: config.get<string>('baseUrl'),
      model: config.get<string>('model'),
      judgeModel: config.get<string>('judgeModel'),
      timeoutMs: config.get<number>('timeoutMs'),
      maxConcurrency: config.get<number>('maxConcurrency'),
      structuredOutput: config.get<string>('structuredOutput'),
      temperature: config.get<number | null>('temperature'),
    },
    userUrl: set(baseUrl?.globalValue),
    baseUrlFromWorkspace:
      set(baseUrl?.workspaceFolderValue) !== undefined || set(baseUrl?.workspaceValue) !== undefined,
  };
}

/** The base URL in the user's own settings: the one endpoint ClinAlign knows the user chose. */
export function userBaseUrl(): string | undefined {
  return readModelSettings().userUrl;
}

/** Opens the Settings editor on the model settings. */
export function openModelSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', MODEL_SECTION);
}
