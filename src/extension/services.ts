import type * as vscode from 'vscode';
import type { LintController } from './lintController';
import type { ApiKeyStore } from './model/apiKeyStore';
import type { ModelSessionService } from './model/modelSessionService';
import type { PrincipleLibraryHost } from './principleLibraryHost';

/** The long-lived parts of the extension that feature modules build on. */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  diagnostics: vscode.DiagnosticCollection;
  host: PrincipleLibraryHost;
  controller: LintController;
  /** The model endpoint: state, shared client, cancellable runs. */
  model: ModelSessionService;
  apiKeys: ApiKeyStore;
}
