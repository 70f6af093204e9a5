import * as vscode from 'vscode';
import type { Principle } from '../../core/principles/principle';
import { principleActionLabel } from '../editor/principleActionLabel';
import { DIAGNOSTIC_SOURCE } from '../findingDiagnostics';
import { MODEL_DIAGNOSTIC_SOURCE } from './modelDiagnostics';

/**
 * "Revise with model against <principle>" on each finding (lint or model check) and "Revise answer against
 * all principles". Only commands: the model is called when one is chosen, never while listing actions.
 */
export class RevisionCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly principleById: (id: string) => Principle | undefined) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (
      context.only &&
      !vscode.CodeActionKind.QuickFix.contains(context.only) &&
      !context.only.contains(vscode.CodeActionKind.QuickFix)
    )
      return [];
    const uri = document.uri.toString();
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE && diagnostic.source !== MODEL_DIAGNOSTIC_SOURCE) continue;
      const id = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : undefined;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      actions.push(
        action(`Revise with model against ${principleActionLabel(id, this.principleById)}`, diagnostic, {
          title: 'Revise with model',
          command: 'clinalign.reviseWithModel',
          arguments: [{ uri, principleId: id }],
        }),
      );
    }
    if (actions.length > 0) {
      actions.push(
        action('Revise answer against all principles', undefined, {
          title: 'Revise answer',
          command: 'clinalign.reviseAnswer',
          arguments: [{ uri }],
        }),
      );
    }
    return actions;
  }
}

function action(title: string, diagnostic: vscode.Diagnostic | undefined, command: vscode.Command): vscode.CodeAction {
  const result = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  result.command = command;
  if (diagnostic) result.diagnostics = [diagnostic];
  return result;
}
