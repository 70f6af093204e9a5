import * as vscode from 'vscode';
import { applyReviewAction } from '../../core/review/applyReviewAction';
import { blockingFindings } from '../../core/review/verificationGate';
import {
  extensionToPanelSchema,
  panelToExtensionSchema,
  type ExtensionToPanel,
  type PanelToExtension,
  type ReviewAction,
  type ReviewState,
} from '../../core/review/reviewMessages';
import { isLintable } from '../caseDocuments';
import { askReviewerName, reviewerName } from './reviewerName';
import { gradeCase, openPrinciple, openRevision, synthesizeInto } from './reviewCommands';
import { capitalize, type ReviewDeps } from './reviewContext';
import { reviewPanelHtml, reviewResourceRoots } from './reviewPanelHtml';
import { buildReviewState } from './reviewState';
import { applyTextChange } from '../editor/textChangeEdit';

export const REVIEW_VIEW_TYPE = 'clinalign.reviewPanel';
const REFRESH_DELAY_MS = 80;

/**
 * The rubric & review panel: one webview that follows the active case document. The document is the only
 * state — every panel action becomes a WorkspaceEdit of the front matter, and every change of the document
 * (from the panel, the text editor, Undo, a model command) re-renders the panel.
 */
export class ReviewPanel implements vscode.Disposable {
  static current: ReviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private busy: string | null = null;
  private ready = false;
  private refreshTimer: NodeJS.Timeout | undefined;
  private edits: Promise<unknown> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  /** Resolves with each state posted (integration tests). */
  readonly onDidPostState: vscode.Event<ReviewState | null>;
  private readonly posted = new vscode.EventEmitter<ReviewState | null>();

  /** Shows the panel (creating it beside the editor) for the given or active case. */
  static show(deps: ReviewDeps, uri?: vscode.Uri): ReviewPanel {
    const target = uri ?? activeCaseUri();
    if (ReviewPanel.current) {
      ReviewPanel.current.panel.reveal(undefined, false);
      if (target) ReviewPanel.current.follow(target);
      return ReviewPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      REVIEW_VIEW_TYPE,
      'ClinAlign Review',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: reviewResourceRoots(deps.services.context.extensionUri),
      },
    );
    return new ReviewPanel(panel, deps, target);
  }

  /** A panel VS Code restored after a reload (registerWebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, deps: ReviewDeps, uri: vscode.Uri | undefined): ReviewPanel {
    ReviewPanel.current?.dispose();
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: reviewResourceRoots(deps.services.context.extensionUri),
    };
    return new ReviewPanel(panel, deps, uri ?? activeCaseUri());
  }

  private disposed = false;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ReviewDeps,
    uri: vscode.Uri | undefined,
  ) {
    ReviewPanel.current = this;
    this.uri = uri;
    this.onDidPostState = this.posted.event;
    panel.iconPath = vscode.Uri.joinPath(deps.services.context.extensionUri, 'media', 'clinalign.svg');
    panel.webview.html = reviewPanelHtml(panel.webview, deps.services.context.extensionUri);
    this.disposables.push(
      this.posted,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message) => this.receive(message)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isLintable(editor.document)) this.follow(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri?.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.toString() === this.uri?.toString()) this.scheduleRefresh();
      }),
      deps.services.host.onDidChange(() => this.scheduleRefresh()),
      ...(deps.model?.onDidChangeStatus ? [deps.model.onDidChangeStatus(() => this.scheduleRefresh())] : []),
    );
  }

  get caseUri(): vscode.Uri | undefined {
    return this.uri;
  }

  /** The webview has loaded its script (under the CSP) and asked for the state. */
  get webviewReady(): boolean {
    return this.ready;
  }

  follow(uri: vscode.Uri): void {
    if (uri.toString() === this.uri?.toString()) return;
    this.uri = uri;
    this.scheduleRefresh(0);
  }

  scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  /** Builds the state of the followed case and posts it. */
  async refresh(): Promise<ReviewState | null> {
    this.refreshTimer = undefined;
    const document = await this.document();
    const state = document ? await buildReviewState(this.deps, document, this.busy) : null;
    if (this.disposed) return state; // closed while the state was being built
    this.panel.title = state ? `Review: ${state.fileName}` : 'ClinAlign Review';
    if (this.ready) this.post({ type: 'state', state });
    this.posted.fire(state);
    return state;
  }

  /** Handles one message as the webview would send it (also the integration tests' way in). */
  async receive(raw: unknown): Promise<void> {
    const parsed = panelToExtensionSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.services.log.warn(`Review panel: ignored a malformed message: ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    const message: PanelToExtension = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.refresh();
        return;
      case 'edit':
        await this.enqueue(() => this.applyAction(message.action));
        return;
      case 'openPrinciple':
        await openPrinciple(this.deps, message.id, this.uri);
        return;
      case 'openRevision':
        if (this.uri) await openRevision(this.deps, this.uri, message.index);
        return;
      case 'openCase':
        if (this.uri) await vscode.window.showTextDocument(this.uri, { viewColumn: vscode.ViewColumn.One });
        return;
      case 'synthesize':
        await this.whileBusy(
          message.mode === 'model' ? 'Synthesizing with the model…' : 'Synthesizing…',
          async (document) => {
            const text = await synthesizeInto(this.deps, document, message.mode);
            if (text) this.notice('info', text);
          },
        );
        return;
      case 'grade':
        await this.whileBusy('Grading…', async (document) => {
          const text = await gradeCase(this.deps, document);
          if (text) this.notice(text.startsWith('Graded') ? 'info' : 'error', text);
          this.scheduleRefresh(0);
        });
        return;
    }
  }

  /** Panel edits run one after another, each against the document as the previous one left it. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.edits.then(work, work);
    this.edits = next.catch(() => undefined);
    return next;
  }

  private async applyAction(action: ReviewAction): Promise<void> {
    const document = await this.document();
    if (!document) return;
    let reviewer: string | undefined;
    if (action.kind === 'setStatus') {
      reviewer = (await reviewerName(document.uri)) ?? (await askReviewerName(document.uri));
      if (!reviewer)
        return this.notice(
          'error',
          'The status was not changed: set your name in the setting clinalign.reviewerName (or git config user.name).',
        );
    }
    const library = this.deps.services.host.library;
    const outcome = applyReviewAction(document.getText(), action, {
      reviewer,
      now: new Date(),
      safety: (text) => blockingFindings(library, text),
    });
    if ('error' in outcome) {
      this.notice('error', capitalize(outcome.error));
      if (outcome.unsafe && action.kind === 'setStatus') void this.offerOverride(action);
      return;
    }
    if (!outcome.edit) return;
    if (!(await applyTextChange(document, outcome.edit)))
      this.notice('error', 'The editor refused the change (is the file read-only?).');
  }

  /** Verifying an answer with error findings takes a recorded reason: ask for one, then try again. */
  private async offerOverride(action: Extract<ReviewAction, { kind: 'setStatus' }>): Promise<void> {
    const choice = await vscode.window.showWarningMessage(
      'ClinAlign: the answer has error-level findings, so it was not verified.',
      'Verify with an override…',
    );
    if (choice !== 'Verify with an override…') return;
    const reason = await vscode.window.showInputBox({
      title: 'Why is this answer safe despite its error findings?',
      prompt: 'The reason is kept in the case (review.override) with your name and the time.',
      validateInput: (value) => (value.trim().length < 3 ? 'Give a reason a second reviewer can check.' : undefined),
    });
    if (reason) await this.enqueue(() => this.applyAction({ ...action, overrideReason: reason.trim() }));
  }

  private async whileBusy(label: string, work: (document: vscode.TextDocument) => Promise<void>): Promise<void> {
    const document = await this.document();
    if (!document || this.busy) return;
    this.busy = label;
    this.scheduleRefresh(0);
    try {
      await this.enqueue(() => work(document));
    } catch (error) {
      this.notice('error', (error as Error).message);
    } finally {
      this.busy = null;
      this.scheduleRefresh(0);
    }
  }

  private async document(): Promise<vscode.TextDocument | undefined> {
    if (!this.uri) return undefined;
    try {
      return await vscode.workspace.openTextDocument(this.uri);
    } catch {
      return undefined;
    }
  }

  private notice(level: 'info' | 'error', text: string): void {
    this.post({ type: 'notice', level, text });
  }

  private post(message: ExtensionToPanel): void {
    // Outgoing messages are checked too: a state the webview would reject is a bug here, not there.
    const checked = extensionToPanelSchema.safeParse(message);
    if (!checked.success) {
      this.deps.services.log.error(
        `Review panel: not sending an invalid ${message.type} message: ${checked.error.message.slice(0, 300)}`,
      );
      return;
    }
    void this.panel.webview.postMessage(checked.data);
  }

  dispose(): void {
    this.disposed = true;
    if (ReviewPanel.current === this) ReviewPanel.current = undefined;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function activeCaseUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document && isLintable(document)) return document.uri;
  return vscode.window.visibleTextEditors.find((e) => isLintable(e.document))?.document.uri;
}
