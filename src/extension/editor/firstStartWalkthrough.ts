import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'clinalign.clinalign#clinalign.gettingStarted';
const SHOWN_KEY = 'clinalign.firstStartWalkthroughShown';

/**
 * On the first start of `npm start` (the extension loaded for development, never installed or under test),
 * opens the ClinAlign walkthrough beside the case scripts/start.mjs opens: code-server's own welcome page hid it
 * and the workbench was otherwise empty (issue 15). Once per user-data folder.
 */
export async function showWalkthroughOnFirstStart(
  context: Pick<vscode.ExtensionContext, 'extensionMode' | 'globalState'>,
): Promise<boolean> {
  if (context.extensionMode !== vscode.ExtensionMode.Development || context.globalState.get<boolean>(SHOWN_KEY))
    return false;
  await context.globalState.update(SHOWN_KEY, true);
  // Beside the case when one is open, so the writer sees both.
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    WALKTHROUGH_ID,
    vscode.window.visibleTextEditors.length > 0,
  );
  return true;
}
