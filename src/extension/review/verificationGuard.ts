import * as vscode from 'vscode';
import { parseCase } from '../../core/case/parseCase';
import { reviewFingerprint } from '../../core/review/reviewFingerprint';
import { verificationDrop } from '../../core/review/reviewStatus';
import { isLintable } from '../caseDocuments';
import { applyTextChange } from '../editor/textChangeEdit';

const MAX_ATTEMPTS = 20;
const RETRY_DELAY_MS = 50;

/**
 * Any edit to the answer or rubric of a verified case — in the panel, in the text editor, anywhere — puts it
 * back to `in-review` with a note (core: `verificationDrop`). Cases with `status: verified` but no
 * fingerprint (written by hand) are remembered as first seen.
 */
export class VerificationGuard implements vscode.Disposable {
  private readonly known = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      vscode.workspace.onDidOpenTextDocument((d) => this.remember(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) void this.check(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.known.delete(d.uri.toString())),
    ];
    for (const document of vscode.workspace.textDocuments) this.remember(document);
  }

  private remember(document: vscode.TextDocument): void {
    if (!isLintable(document)) return;
    const parsed = parseCase(document.getText());
    if (parsed.data.review?.status === 'verified' && typeof parsed.data.review.fingerprint !== 'string') {
      this.known.set(document.uri.toString(), reviewFingerprint(parsed.body, parsed.data.rubric ?? []));
    }
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (!isLintable(document) || this.pending.has(key) || !/status:\s*["']?verified/.test(document.getText())) return;
    this.pending.add(key);
    try {
      // While the user keeps typing, the editor refuses an edit computed for an older version ("changed in
      // the meantime"): compute it again against the current text until it lands.
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const edit = verificationDrop(document.getText(), new Date(), this.known.get(key));
        if (!edit || document.isClosed) return;
        if (await applyTextChange(document, edit)) {
          this.known.delete(key);
          this.log.info(
            `${vscode.workspace.asRelativePath(document.uri)}: edited after verification, back to in-review`,
          );
          void vscode.window.showInformationMessage(
            `ClinAlign: ${vscode.workspace.asRelativePath(document.uri)} changed after it was verified; it is back in review.`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
      this.log.warn(
        `${vscode.workspace.asRelativePath(document.uri)}: could not set it back to in-review after an edit; the next edit tries again`,
      );
    } finally {
      this.pending.delete(key);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
