import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkAcceptable, proposalId, type RevisionProposal } from '../../core/case/revisionProposal';
import { checkHistoryWritable, historyEntry, historyFile, recordRevision } from '../../core/case/revisionHistory';
import { UnsafePathError } from '../../core/project/confinedPath';
import { REVISION_SCHEME, type ReadOnlyDocuments } from './readOnlyDocuments';
import { applyTextChange } from '../editor/textChangeEdit';

export type ReviewOutcome =
  | { status: 'accepted'; historyFile: string }
  | { status: 'refused'; reason: string }
  | { status: 'rejected' }
  | { status: 'none' };

/**
 * Revisions waiting for the reviewer: each is shown with `vscode.diff` between two read-only documents
 * (the draft and the revision) whose title bar carries Accept and Reject. Accept replaces only the answer body,
 * and only when the case is exactly as it was when the revision was requested, with one WorkspaceEdit (so Undo
 * works), then appends both drafts to `.clinalign/history/<case-id>.jsonl`.
 */
export class RevisionReview {
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  constructor(
    private readonly documents: ReadOnlyDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Opens the diff; resolves with the proposal's id once it is showing. */
  async show(proposal: Omit<RevisionProposal, 'id'>, root: string): Promise<RevisionProposal> {
    const id = proposalId(++this.counter);
    const name = path.basename(vscode.Uri.parse(proposal.documentUri).path);
    const left = this.documents.set(revisionUri(id, 'draft', name), proposal.draft);
    const right = this.documents.set(revisionUri(id, 'revision', name), proposal.revised);
    const full: Pending = { ...proposal, id, root, sides: [left, right] };
    this.pending.set(id, full);
    const addressed =
      proposal.principlesAddressed.length > 0
        ? ` · ${proposal.principlesAddressed.length} principle${proposal.principlesAddressed.length === 1 ? '' : 's'}`
        : '';
    const unsafe = proposal.unsafe?.length ? ' · ⚠ less safe' : '';
    await vscode.commands.executeCommand(
      'vscode.diff',
      left,
      right,
      `${name}: draft ↔ revision by ${proposal.model}${addressed}${unsafe}`,
      { preview: false },
    );
    this.log.info(
      `Revision of ${name} by ${proposal.model}: ${proposal.summary || 'no summary'}${proposal.principlesAddressed.length ? ` (addresses ${proposal.principlesAddressed.join(', ')})` : ''}`,
    );
    if (proposal.unsafe?.length) {
      void vscode.window.showWarningMessage(
        `ClinAlign: this revision is less safe than the draft — it ${proposal.unsafe.join('; it ')}. Accept will refuse it unless you choose “Accept anyway”.`,
      );
    } else {
      void vscode.window.showInformationMessage(
        `ClinAlign: ${proposal.summary || 'revision ready'} — Accept or Reject it from the diff’s title bar.`,
      );
    }
    return full;
  }

  /** The proposal a command refers to: by the diff's URI (editor title), else the active editor's, else the latest. */
  private find(uri: vscode.Uri | undefined): Pending | undefined {
    const target = uri ?? activeRevisionUri();
    const id = target?.scheme === REVISION_SCHEME ? target.path.split('/')[1] : undefined;
    if (id) return this.pending.get(id);
    return [...this.pending.values()].at(-1);
  }

  /** `force` accepts a revision the safety gate refused (the reviewer chose "Accept anyway"). */
  async accept(uri?: vscode.Uri, options: { force?: boolean } = {}): Promise<ReviewOutcome> {
    const proposal = this.find(uri);
    if (!proposal) return this.nothingPending();
    const document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === proposal.documentUri) ??
      (await openQuietly(proposal.documentUri));
    const check = checkAcceptable(
      proposal,
      document && !document.isClosed ? { version: document.version, text: document.getText() } : undefined,
      options,
    );
    if (!check.ok) {
      if (proposal.unsafe?.length && !options.force) {
        void vscode.window.showWarningMessage(`ClinAlign: ${check.reason}`, 'Accept anyway').then((choice) => {
          if (choice === 'Accept anyway') void this.accept(uri, { force: true });
        });
        this.log.warn(`Revision not applied to ${proposal.documentUri}: ${check.reason}`);
        return { status: 'refused', reason: check.reason };
      }
      void vscode.window.showWarningMessage(`ClinAlign: ${check.reason}`);
      this.log.warn(`Revision not applied to ${proposal.documentUri}: ${check.reason}`);
      return { status: 'refused', reason: check.reason };
    }
    // The history must be writable before the answer changes: a refusal leaves the case as it was.
    const file = historyFile(proposal.root, proposal.caseId);
    try {
      checkHistoryWritable(proposal.root, file);
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      return this.refuse(`Revision not applied: ${error.message}. The diff stays open.`);
    }
    if (!(await applyTextChange(document!, check))) {
      const reason = 'VS Code did not apply the edit; nothing was changed.';
      void vscode.window.showWarningMessage(`ClinAlign: ${reason}`);
      return { status: 'refused', reason };
    }
    try {
      await recordRevision(
        proposal.root,
        file,
        proposal.draft,
        historyEntry('model-revision', proposal.revised, {
          model: proposal.model,
          principlesAddressed: proposal.principlesAddressed,
        }),
      );
    } catch (error) {
      return this.refuse(
        `The revision was applied but not recorded in ${file}: ${(error as Error).message}. Undo brings the draft back.`,
      );
    }
    this.log.info(`Revision accepted into ${proposal.documentUri}; both drafts recorded in ${file}`);
    await this.close(proposal);
    // Show the change, not the front matter above it: a long rubric pushes the answer off-screen (issue 15).
    const at = document!.positionAt(check.firstChange);
    const editor = await vscode.window.showTextDocument(document!, { selection: new vscode.Range(at, at) });
    editor.revealRange(new vscode.Range(at.with({ character: 0 }), at), vscode.TextEditorRevealType.AtTop);
    return { status: 'accepted', historyFile: file };
  }

  async reject(uri?: vscode.Uri): Promise<ReviewOutcome> {
    const proposal = this.find(uri);
    if (!proposal) return this.nothingPending();
    this.log.info(`Revision of ${proposal.documentUri} rejected`);
    await this.close(proposal);
    return { status: 'rejected' };
  }

  private refuse(reason: string): ReviewOutcome {
    void vscode.window.showErrorMessage(`ClinAlign: ${reason}`);
    this.log.error(reason);
    return { status: 'refused', reason };
  }

  private nothingPending(): ReviewOutcome {
    void vscode.window.showInformationMessage('ClinAlign: no revision is waiting to be accepted or rejected.');
    return { status: 'none' };
  }

  /** Drops the proposal and closes its diff. */
  private async close(proposal: Pending): Promise<void> {
    this.pending.delete(proposal.id);
    const right = proposal.sides[1].toString();
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === right);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    for (const side of proposal.sides) this.documents.delete(side);
  }
}

interface Pending extends RevisionProposal {
  root: string;
  /** The draft and revision documents of the diff. */
  sides: [vscode.Uri, vscode.Uri];
}

function revisionUri(id: string, side: 'draft' | 'revision', name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REVISION_SCHEME, path: `/${id}/${side}/${name}` });
}

function activeRevisionUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input.modified : vscode.window.activeTextEditor?.document.uri;
}

async function openQuietly(uri: string): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  } catch {
    return undefined;
  }
}
