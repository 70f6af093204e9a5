import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Principle } from '../../core/principles/principle';
import { TEAM_PRINCIPLES_FOLDER } from '../../core/principles/teamPrinciples';
import type { ExtensionServices } from '../services';

/** Opens a principle's YAML at its `id:` line. */
export async function openPrincipleSource(principle: Principle): Promise<vscode.TextEditor> {
  const position = new vscode.Position(principle.location.line, principle.location.column);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(principle.location.file), {
    selection: new vscode.Range(position, position),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}

/** "Show principle…": a principle by id (hover link), or picked from every principle of the library. */
export async function showPrinciple(
  services: Pick<ExtensionServices, 'host'>,
  principleId?: string,
): Promise<vscode.TextEditor | undefined> {
  if (principleId) {
    const principle = services.host.principle(principleId);
    if (principle) return openPrincipleSource(principle);
    void vscode.window.showWarningMessage(`ClinAlign: no principle "${principleId}" in the current library.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    services.host.library.principles.map((principle) => ({
      label: principle.title,
      description: principle.id,
      detail: `${principle.dimension} · ${principle.severity}${principle.disabled ? ' · disabled' : ''}${principle.overriddenBy ? ' · changed by the team' : ''}`,
      principle,
    })),
    {
      title: 'Show principle',
      placeHolder: 'Type to search titles and ids',
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  return picked && openPrincipleSource(picked.principle);
}

/**
 * "Open principle library": a list of the library's YAML files, the team's first (what a team edits), then
 * the bundled ones, each with how many principles it defines; the chosen file opens.
 */
export async function openPrincipleLibrary(services: Pick<ExtensionServices, 'host' | 'context'>): Promise<void> {
  const counts = new Map<string, number>();
  for (const principle of services.host.library.principles) {
    counts.set(principle.location.file, (counts.get(principle.location.file) ?? 0) + 1);
  }
  const team = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
    yamlFiles(path.join(folder.uri.fsPath, TEAM_PRINCIPLES_FOLDER)),
  );
  const bundled = yamlFiles(path.join(services.context.extensionPath, 'principles'));
  const item = (file: string, kind: string) => ({
    label: path.basename(file),
    description: `${kind} · ${counts.get(file) ?? 0} principles`,
    detail: vscode.workspace.asRelativePath(file),
    file,
  });
  const items = [...team.map((f) => item(f, 'team')), ...bundled.map((f) => item(f, 'bundled'))];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Open principle library',
    placeHolder:
      team.length > 0
        ? 'Team files first; bundled files are overridden by id in a team file'
        : 'No team files yet: add .clinalign/principles/*.yaml to override by id',
  });
  if (picked) await vscode.window.showTextDocument(vscode.Uri.file(picked.file));
}

function yamlFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
