import * as vscode from 'vscode';

export type RevealedBy = 'os' | 'explorer' | 'editor';

/**
 * Shows an exported folder: in the system file manager on the desktop; in a browser (code-server, vscode.dev)
 * there is no `revealFileInOS` command (issue 15), so in the Explorer when the folder is inside the workspace,
 * else by opening `file` (the export's manifest) in an editor.
 */
export async function revealFolder(folder: vscode.Uri, file: vscode.Uri): Promise<RevealedBy> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('revealFileInOS')) {
    await vscode.commands.executeCommand('revealFileInOS', file);
    return 'os';
  }
  if (vscode.workspace.getWorkspaceFolder(folder)) {
    await vscode.commands.executeCommand('revealInExplorer', folder);
    return 'explorer';
  }
  await vscode.window.showTextDocument(file, { preview: false });
  return 'editor';
}
