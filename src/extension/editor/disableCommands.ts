import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseCase } from '../../core/case/parseCase';
import { disableInFile } from '../../core/lint/disableCommentEdits';
import { disablePrincipleInTeamFile, TEAM_OVERRIDES_FILE } from '../../core/principles/teamOverrides';
import { TEAM_PRINCIPLES_FOLDER } from '../../core/principles/teamPrinciples';
import { applyTextChange } from './textChangeEdit';

/** "Disable for this file" (hover link): `<!-- clinalign-disable <id> -->` at the top of the answer. */
export async function disablePrincipleInFile(principleId: string, uriText?: string): Promise<boolean> {
  const uri = uriText ? vscode.Uri.parse(uriText) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const change = disableInFile(text, parseCase(text).bodyStart, principleId);
  return change ? applyTextChange(document, change) : false;
}

/**
 * "Disable for the team": `disabled: true` for the id in `.clinalign/principles/overrides.yaml` of the case's
 * workspace folder, created when missing. An open (maybe unsaved) copy of the file is edited and saved.
 * The library watcher then reloads and re-lints. Resolves with the file written.
 */
export async function disablePrincipleForTeam(principleId: string, uriText?: string): Promise<vscode.Uri | undefined> {
  const caseUri = uriText ? vscode.Uri.parse(uriText) : vscode.window.activeTextEditor?.document.uri;
  const folder = (caseUri && vscode.workspace.getWorkspaceFolder(caseUri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage(
      'ClinAlign: team principle files live in a workspace folder; open a folder first.',
    );
    return undefined;
  }
  const file = vscode.Uri.joinPath(folder.uri, ...TEAM_PRINCIPLES_FOLDER.split(path.sep), TEAM_OVERRIDES_FILE);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  try {
    if (open) {
      const updated = disablePrincipleInTeamFile(open.getText(), principleId);
      await applyTextChange(open, { start: 0, end: open.getText().length, newText: updated });
      await open.save();
    } else {
      const existing = await readIfExists(file);
      await vscode.workspace.fs.writeFile(file, Buffer.from(disablePrincipleInTeamFile(existing, principleId), 'utf8'));
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      `ClinAlign: ${(error as Error).message} (${vscode.workspace.asRelativePath(file)})`,
    );
    return undefined;
  }
  void vscode.window
    .showInformationMessage(
      `Disabled ${principleId} for the team in ${vscode.workspace.asRelativePath(file)}.`,
      'Open file',
    )
    .then((choice) => choice && vscode.window.showTextDocument(file));
  return file;
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
