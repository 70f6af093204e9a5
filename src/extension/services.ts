import type * as vscode from 'vscode';
import type { LintController } from './lintController';
import type { PrincipleLibraryHost } from './principleLibraryHost';

/** The long-lived parts of the extension that feature modules build on. */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  diagnostics: vscode.DiagnosticCollection;
  host: PrincipleLibraryHost;
  controller: LintController;
}
