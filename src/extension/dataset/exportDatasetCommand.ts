import * as path from 'node:path';
import * as vscode from 'vscode';
import { exportCases } from '../../core/dataset/exportCases';
import { SKIPPED_REPORT } from '../../core/dataset/exportDataset';
import { UnsafeOutputError } from '../../core/dataset/outputFolder';
import type { ExtensionServices } from '../services';
import { revealFolder } from './revealFolder';
import { readSettings } from '../settings';

/** Arguments for tests and keybindings; without them the command asks for the folder. */
export interface ExportArguments {
  outDir?: string;
  includeUnverified?: boolean;
}

/**
 * "ClinAlign: Export verified examples": the workspace's verified cases to a dataset folder, with the same
 * core export as `clinalign export` (atomic writes, byte-identical re-exports, a report of skipped cases).
 */
export async function exportVerifiedExamples(
  services: ExtensionServices,
  args: ExportArguments = {},
): Promise<string | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder of case files to export them.');
    return undefined;
  }
  const outDir = args.outDir ?? (await askForFolder(folders[0]!.uri));
  if (!outDir) return undefined;
  try {
    const { manifest } = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'ClinAlign: exporting verified examples',
        cancellable: true,
      },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() =>
          controller.abort(new Error('Export cancelled; the previous export is left as it was.')),
        );
        let reported = 0;
        return exportCases(
          services.host.library,
          {
            inputs: folders.map((f) => f.uri.fsPath),
            outDir,
            includeUnverified: args.includeUnverified,
            judgeModel: readSettings().judgeModel,
            generator: `clinalign ${services.context.extension.packageJSON.version as string} (VS Code)`,
          },
          {
            signal: controller.signal,
            onSkip: (skipped) =>
              services.log.info(`Export skipped ${skipped.file}: ${skipped.detail} (${skipped.reason})`),
            onProgress: ({ done, total }) => {
              const increment = total === 0 ? 100 : ((done - reported) / total) * 100;
              reported = done;
              progress.report({ message: `${done} of ${total} cases`, increment });
            },
          },
        );
      },
    );
    const { cases_exported, cases_read, cases_skipped } = manifest.counts;
    services.log.info(`Exported ${cases_exported} of ${cases_read} cases to ${outDir}`);
    void offerToOpen(outDir, cases_exported, cases_read, cases_skipped); // the notification must not hold up the command
    return outDir;
  } catch (error) {
    const message =
      error instanceof UnsafeOutputError
        ? `Export refused: ${error.message}`
        : `Export failed: ${(error as Error).message}`;
    services.log.error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

async function offerToOpen(outDir: string, exported: number, read: number, skippedCount: number): Promise<void> {
  const open = 'Open folder';
  const skipped = 'Show skipped';
  const choice = await vscode.window.showInformationMessage(
    `Exported ${exported} of ${read} cases to ${path.basename(outDir)}${skippedCount ? `; ${skippedCount} skipped (not verified, no rubric, …)` : ''}.`,
    open,
    ...(skippedCount ? [skipped] : []),
  );
  if (choice === open) await revealFolder(vscode.Uri.file(outDir), vscode.Uri.file(path.join(outDir, 'manifest.json')));
  if (choice === skipped) await vscode.window.showTextDocument(vscode.Uri.file(path.join(outDir, SKIPPED_REPORT)));
}

async function askForFolder(workspace: vscode.Uri): Promise<string | undefined> {
  // The dialog refuses a folder that does not exist ("Please enter a path that exists", issue 15), so the
  // suggested one is created first, and removed again if the writer picks nothing and it is still empty.
  const suggested = vscode.Uri.joinPath(workspace, 'dataset');
  const created = !(await exists(suggested));
  if (created) await vscode.workspace.fs.createDirectory(suggested);
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: suggested,
    openLabel: 'Export here',
    title: 'Folder for the exported dataset',
  });
  const chosen = picked?.[0];
  if (
    created &&
    chosen?.toString() !== suggested.toString() &&
    (await vscode.workspace.fs.readDirectory(suggested).then(
      (e) => e.length === 0,
      () => false,
    ))
  ) {
    await vscode.workspace.fs.delete(suggested).then(undefined, () => undefined);
  }
  return chosen?.fsPath;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
