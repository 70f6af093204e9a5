import * as path from 'node:path';
import * as vscode from 'vscode';
import { caseSlug, newCaseText, type Audience } from '../../core/case/newCaseTemplate';

/** Optional arguments: skip the prompts (walkthrough links, tests). */
export interface NewCaseArguments {
  question: string;
  audience?: Audience;
}

/**
 * "New case": asks for the question and the audience, writes `<slug>.case.md` next to the active file (or in
 * the first workspace folder) and opens it. Resolves with the new file.
 */
export async function newCase(args?: NewCaseArguments): Promise<vscode.Uri | undefined> {
  const folder = targetFolder();
  if (!folder) {
    void vscode.window.showErrorMessage('ClinAlign: open a folder (or a file in one) to create a case in it.');
    return undefined;
  }
  const question =
    args?.question ??
    (await vscode.window.showInputBox({
      title: 'New case (1/2)',
      prompt: 'The question the answer responds to (the user’s turn)',
      placeHolder: 'I’m 58 and have had crushing chest pain for 20 minutes. What should I do?',
      validateInput: (value) => (value.trim() ? undefined : 'Enter the question'),
    }));
  if (!question?.trim()) return undefined;
  let audience = args?.audience;
  if (!args) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'layperson', description: 'a patient or carer', audience: 'layperson' as Audience | undefined },
        { label: 'clinician', description: 'a health professional', audience: 'clinician' as Audience | undefined },
        { label: 'Let the classifier decide', description: 'no `audience:` in the front matter', audience: undefined },
      ],
      { title: 'New case (2/2)', placeHolder: 'Who reads the answer?' },
    );
    if (!picked) return undefined;
    audience = picked.audience;
  }
  const uri = await freeName(folder, caseSlug(question));
  await vscode.workspace.fs.writeFile(
    uri,
    Buffer.from(newCaseText({ question, audience, id: path.basename(uri.path, '.case.md') }), 'utf8'),
  );
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return uri;
}

function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active))
    return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `<slug>.case.md`, or `<slug>-2.case.md`… when taken. */
async function freeName(folder: vscode.Uri, slug: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${n === 1 ? slug : `${slug}-${n}`}.case.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}
