import * as vscode from 'vscode';
import { caseFilesGlob } from '../caseDocuments';
import type { ExtensionServices } from '../services';

export interface WorkspaceLintSummary {
  files: number;
  findings: number;
}

/**
 * "Lint workspace": every file matching `clinalign.caseFiles`, open ones from the editor and the rest from
 * disk, through the same core lint; findings go to the Problems panel.
 */
export async function lintWorkspace(
  services: Pick<ExtensionServices, 'controller' | 'log'>,
): Promise<WorkspaceLintSummary> {
  const glob = caseFilesGlob();
  const summary: WorkspaceLintSummary = { files: 0, findings: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ClinAlign: linting case files', cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles(glob, '**/node_modules/**', undefined, token);
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
        const document = open.get(uri.toString());
        let result;
        if (document) {
          await services.controller.lintNow(document);
          result = services.controller.resultFor(document);
        } else {
          // A file that cannot be read is logged and the others are still linted (one over the size cap is read
          // and gets its diagnostic from the parser; nothing of it is parsed).
          try {
            const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
            result = await services.controller.lintUnopened(uri, text);
          } catch (error) {
            services.log.warn(
              `Lint workspace: cannot read ${vscode.workspace.asRelativePath(uri)}: ${(error as Error).message}`,
            );
            continue;
          }
        }
        summary.files++;
        summary.findings += (result?.findings.length ?? 0) + (result?.document.problems.length ?? 0);
      }
    },
  );
  services.log.info(`Lint workspace: ${summary.findings} findings in ${summary.files} case files`);
  void vscode.window
    .showInformationMessage(`ClinAlign: ${summary.findings} findings in ${summary.files} case files.`, 'Show Problems')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return summary;
}
