import * as path from 'node:path';
import * as vscode from 'vscode';
import { APPLICABLE_GROUP_TITLES, applicableList, type ApplicablePrinciple } from '../../core/catalogue/applicableList';
import { currentResult } from '../editor/caseReport';
import { openPrincipleSource } from '../editor/principleCommands';
import type { ExtensionServices } from '../services';

/** One row of the list, as the command resolves it (for tests and keybindings). */
export interface ApplicablePrincipleRow {
  id: string;
  title: string;
  why: string;
}

interface PrincipleItem extends vscode.QuickPickItem {
  entry?: ApplicablePrinciple;
}

/**
 * "Principles that apply to this case": the case's principles with why each applies, grouped from the most
 * specific (named in the question) to the most general; picking one opens its YAML. Resolves with the rows as
 * soon as the list is open.
 */
export async function showApplicablePrinciples(
  services: Pick<ExtensionServices, 'controller' | 'host'>,
  uri?: vscode.Uri,
): Promise<ApplicablePrincipleRow[] | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const result = document && currentResult(services, document);
  if (!document || !result) {
    void vscode.window.showInformationMessage(
      'ClinAlign: open a case file (one matching "clinalign.caseFiles") to see the principles that apply to it.',
    );
    return undefined;
  }
  const { principles, lexicon } = services.host.library;
  const entries = applicableList(principles, result.classification.scenario, result.document.question, lexicon);
  const pick = vscode.window.createQuickPick<PrincipleItem>();
  pick.title = `${entries.length} ${entries.length === 1 ? 'principle applies' : 'principles apply'} to ${path.basename(document.uri.path)}`;
  pick.placeholder = 'Type to search; pick one to open it';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = withSeparators(entries);
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0]?.entry;
    pick.hide();
    if (chosen) await openPrincipleSource(chosen.principle);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return entries.map(({ principle, why }) => ({ id: principle.id, title: principle.title, why }));
}

function withSeparators(entries: readonly ApplicablePrinciple[]): PrincipleItem[] {
  const items: PrincipleItem[] = [];
  let group: ApplicablePrinciple['group'] | undefined;
  for (const entry of entries) {
    if (entry.group !== group) {
      group = entry.group;
      items.push({ label: APPLICABLE_GROUP_TITLES[group], kind: vscode.QuickPickItemKind.Separator });
    }
    const { principle } = entry;
    items.push({
      label: principle.title,
      description: `${principle.id} · ${principle.severity}`,
      detail: entry.why,
      entry,
    });
  }
  return items;
}
