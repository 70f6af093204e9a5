import * as vscode from 'vscode';
import { setScenarioLabel } from '../../core/case/setScenarioLabel';
import type { ScenarioRow } from '../../core/scenario/describeScenario';
import { SCENARIO_DIMENSIONS, SCENARIO_LABELS, type ScenarioDimension } from '../../core/scenario/labels';
import type { ScenarioReport } from '../../core/scenario/scenarioReport';
import type { ExtensionServices } from '../services';
import { currentCase, reportOf } from './caseReport';
import { applyTextChange } from './textChangeEdit';

/** Optional arguments (keybindings, tests): set this label without asking. */
export interface ClassifyArguments {
  dimension: ScenarioDimension;
  label: string;
}

/**
 * "Classify scenario": shows the four labels with confidence, source and evidence; picking one offers the
 * labels of that dimension and writes the chosen one into the front matter's `scenario:`. Resolves with the
 * report it shows as soon as the list is open (the pick is handled when the user makes it).
 */
export async function classifyScenario(
  services: Pick<ExtensionServices, 'controller' | 'host' | 'model'>,
  args?: ClassifyArguments,
): Promise<ScenarioReport | undefined> {
  const editor = vscode.window.activeTextEditor;
  const c = editor && currentCase(services, editor.document);
  if (!editor || !c) {
    void vscode.window.showInformationMessage(
      'Open a case file (one matching "clinalign.caseFiles") to classify its scenario.',
    );
    return undefined;
  }
  if (args) {
    await writeLabel(editor.document, args.dimension, args.label);
    const updated = currentCase(services, editor.document);
    return updated && reportOf(services, updated);
  }
  const report = reportOf(services, c);
  showLabels(editor.document, report);
  return report;
}

interface RowItem extends vscode.QuickPickItem {
  row: ScenarioRow;
}

function showLabels(document: vscode.TextDocument, report: ScenarioReport): void {
  const pick = vscode.window.createQuickPick<RowItem>();
  pick.title = `Scenario: ${report.detail}`;
  pick.placeholder =
    'Pick a dimension to set its label in the front matter (a reviewer’s label wins over the classifier)';
  pick.matchOnDetail = true;
  pick.items = report.rows.map((row) => ({
    label: `${row.dimension}: ${row.label}`,
    description: row.confidenceText,
    detail: row.evidence,
    row,
  }));
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (!chosen) return;
    const dimension = chosen.row.dimension;
    const label = await vscode.window.showQuickPick(
      [...SCENARIO_LABELS[dimension], 'unknown'].map((l) => ({
        label: l,
        description: l === chosen.row.label ? 'current' : '',
      })),
      { title: `Set scenario.${dimension} in the front matter` },
    );
    if (label) await writeLabel(document, dimension, label.label);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

async function writeLabel(document: vscode.TextDocument, dimension: ScenarioDimension, label: string): Promise<void> {
  if (
    !SCENARIO_DIMENSIONS.includes(dimension) ||
    ![...SCENARIO_LABELS[dimension], 'unknown'].includes(label as never)
  ) {
    throw new Error(`"${label}" is not a label of ${dimension}`);
  }
  let change;
  try {
    change = setScenarioLabel(document.getText(), dimension, label);
  } catch (error) {
    void vscode.window.showErrorMessage(`ClinAlign: ${(error as Error).message}`);
    return;
  }
  await applyTextChange(document, change);
}
