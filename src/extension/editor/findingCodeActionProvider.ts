import * as vscode from 'vscode';
import { disableInFile, disableOnLine } from '../../core/lint/disableCommentEdits';
import type { Finding } from '../../core/lint/finding';
import type { Principle } from '../../core/principles/principle';
import { DIAGNOSTIC_SOURCE } from '../findingDiagnostics';
import type { LintController } from '../lintController';
import { mechanicalFixEdit } from './mechanicalFixEdit';
import { principleActionLabel } from './principleActionLabel';
import { textChangeEdit } from './textChangeEdit';

/** `editor.codeActionsOnSave: { "source.fixAll.clinalign": "explicit" }` applies every mechanical fix. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('clinalign');
const FIX_ALL_TITLE = 'Fix all mechanical findings in this file';

/**
 * Code actions on findings: the quick fix of `replace` detectors, fix-all, disable on this line / in this file /
 * for the team, and explain. Reads the lint result cached for this document version: never lints here.
 */
export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly controller: LintController,
    private readonly principleById: (id: string) => Principle | undefined,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const result = this.controller.resultFor(document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    if (wants(context.only, FIX_ALL_KIND)) {
      const fixAll = mechanicalFixEdit(document, result);
      if (fixAll) {
        const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
        action.edit = fixAll.edit;
        actions.push(action);
      }
    }
    if (!wants(context.only, vscode.CodeActionKind.QuickFix)) return actions;

    const text = document.getText();
    const explained = new Set<string>();
    let fixableHere = false;
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'object') continue;
      const id = String(diagnostic.code.value);
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = result.findings.find((f) => f.principleId === id && f.start === start && f.end === end);
      if (!finding) continue;
      if (finding.fix) {
        fixableHere = true;
        actions.push(quickFix(document, diagnostic, finding));
      }
      if (explained.has(id)) continue;
      explained.add(id);
      const name = principleActionLabel(id, this.principleById);
      const onLine = disableOnLine(text, finding.start, id);
      if (onLine)
        actions.push(editAction(`Disable ${name} on this line`, textChangeEdit(document, onLine), diagnostic));
      const inFile = disableInFile(text, result.document.bodyStart, id);
      if (inFile)
        actions.push(editAction(`Disable ${name} in this file`, textChangeEdit(document, inFile), diagnostic));
      actions.push(
        commandAction(`Disable ${name} for the team`, diagnostic, {
          title: 'Disable principle for the team',
          command: 'clinalign.disablePrincipleForTeam',
          arguments: [id, document.uri.toString()],
        }),
        commandAction(`Explain principle ${name}`, diagnostic, {
          title: 'Explain principle',
          command: 'clinalign.explainPrinciple',
          arguments: [id],
        }),
      );
    }
    // Next to a fixable finding, offer the whole file's fixes too (the lightbulb does not list source actions).
    if (fixableHere && result.findings.filter((f) => f.fix).length > 1) {
      const fixAll = mechanicalFixEdit(document, result);
      if (fixAll) actions.push(editAction(FIX_ALL_TITLE, fixAll.edit));
    }
    return actions;
  }
}

function wants(only: vscode.CodeActionKind | undefined, kind: vscode.CodeActionKind): boolean {
  return !only || only.contains(kind) || kind.contains(only);
}

function quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction {
  const fix = finding.fix!;
  const action = editAction(
    `Replace with “${fix.replacement}”`,
    textChangeEdit(document, { start: fix.start, end: fix.end, newText: fix.replacement }),
    diagnostic,
  );
  action.isPreferred = true;
  return action;
}

function editAction(title: string, edit: vscode.WorkspaceEdit, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}

function commandAction(title: string, diagnostic: vscode.Diagnostic, command: vscode.Command): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = command;
  action.diagnostics = [diagnostic];
  return action;
}
