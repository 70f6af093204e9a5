import * as vscode from 'vscode';
import { panelMementoSchema } from '../../core/review/reviewMessages';
import type { ReviewDeps } from './reviewContext';
import { REVIEW_VIEW_TYPE, ReviewPanel } from './reviewPanel';
import { HISTORY_SCHEME, RevisionDocuments } from './revisionDiff';
import { VerificationGuard } from './verificationGuard';

/** "Open review panel", the panel's restore after a reload, the revision diff documents and the verification guard. */
export function registerReviewPanel(deps: ReviewDeps): vscode.Disposable[] {
  const revisions = new RevisionDocuments();
  return [
    revisions,
    vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, revisions),
    new VerificationGuard(deps.services.log),
    vscode.commands.registerCommand('clinalign.openReviewPanel', (uri?: unknown) =>
      ReviewPanel.show(deps, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        const memento = panelMementoSchema.safeParse(state);
        ReviewPanel.revive(panel, deps, memento.success ? vscode.Uri.parse(memento.data.uri) : undefined);
      },
    }),
    { dispose: () => ReviewPanel.current?.dispose() },
  ];
}
