// Real extension host: guided revision against the test server — the diff of two read-only documents,
// Accept (one undoable edit of the answer body + history), Accept refused after an edit, Reject, and Cancel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenAiTestServer } from '../support/openaiTestServer';
import { scriptedModel } from '../support/scriptedModel';
import { done, requestsFor, startModelServer, stopModelServer, type Run } from './modelSupport';
import { openCase, waitFor, workspaceUri } from './support';

const FRONT = (id: string) =>
  `---\nid: ${id} # the case id\naudience: layperson\nprompt: "I'm 58 and have crushing chest pain. What should I do?"\n---\n`;
const DRAFT = 'Maybe rest a while and see if it passes.\n';
const REVISED = 'Call 911 now: crushing chest pain can be a heart attack.\n';

interface Proposal {
  id: string;
  revised: string;
  principlesAddressed: string[];
}
type Outcome =
  | { status: 'accepted'; historyFile: string }
  | { status: 'refused'; reason: string }
  | { status: 'rejected' }
  | { status: 'none' };

function diffTab(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff && input.modified.scheme === 'clinalign-revision' ? input : undefined;
}

/** The suite's usual model: every revision puts the emergency first (tests that script another restore it). */
function safeReviser() {
  return scriptedModel({
    revise_answer: () => ({
      content: {
        revised_answer: REVISED,
        addressed_principles: ['urgency.escalate-red-flags'],
        summary: 'Put the emergency first.',
      },
    }),
  });
}

describe('guided revision', () => {
  let server: OpenAiTestServer;
  before(async () => {
    server = await startModelServer();
    server.script = safeReviser();
  });
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri('.clinalign'), { recursive: true }).then(undefined, () => undefined);
    await stopModelServer(server);
  });
  afterEach(async () => {
    server.latencyMs = 0;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('revise → the diff opens → Accept replaces the answer (undoably) and writes both drafts to the history', async () => {
    const editor = await openCase('it-revise-accept.case.md', FRONT('it-revise-accept') + DRAFT);
    const proposal = done(await vscode.commands.executeCommand<Run<Proposal>>('clinalign.reviseAnswer'));
    assert.equal(proposal.revised, REVISED);
    const diff = await waitFor('the revision diff', diffTab);
    assert.equal((await vscode.workspace.openTextDocument(diff.original)).getText(), DRAFT);
    assert.equal((await vscode.workspace.openTextDocument(diff.modified)).getText(), REVISED);

    const outcome = await vscode.commands.executeCommand<Outcome>('clinalign.acceptRevision', diff.modified);
    assert.equal(outcome.status, 'accepted', JSON.stringify(outcome));
    assert.equal(editor.document.getText(), FRONT('it-revise-accept') + REVISED);
    assert.ok(!diffTab(), 'the diff is still open');

    const history = Buffer.from(
      await vscode.workspace.fs.readFile(workspaceUri('.clinalign', 'history', 'it-revise-accept.jsonl')),
    ).toString('utf8');
    const entries = history
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      entries.map((e) => [e.source, e.text]),
      [
        ['human', DRAFT],
        ['model-revision', REVISED],
      ],
    );
    assert.equal(entries[1].model, 'it-model');
    assert.deepEqual(entries[1].principlesAddressed, proposal.principlesAddressed);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('Undo to bring the draft back', () =>
      editor.document.getText() === FRONT('it-revise-accept') + DRAFT ? true : undefined,
    );
  });

  it('after Accept the changed answer is in view, not off-screen under a long front matter', async () => {
    const notes = Array.from({ length: 150 }, (_, i) => `# reviewer note ${i + 1}\n`).join('');
    const front = FRONT('it-revise-reveal').replace('---\n', `---\n${notes}`);
    const editor = await openCase('it-revise-reveal.case.md', front + DRAFT);
    assert.equal(editor.visibleRanges[0]!.start.line, 0);
    done(await vscode.commands.executeCommand<Run<Proposal>>('clinalign.reviseAnswer'));
    const diff = await waitFor('the revision diff', diffTab);
    assert.equal(
      (await vscode.commands.executeCommand<Outcome>('clinalign.acceptRevision', diff.modified)).status,
      'accepted',
    );
    const answerLine = front.split('\n').length - 1;
    const shown = await waitFor('the case editor', () =>
      vscode.window.activeTextEditor?.document === editor.document ? vscode.window.activeTextEditor : undefined,
    );
    assert.equal(shown.selection.active.line, answerLine);
    await waitFor(
      `line ${answerLine} in view`,
      () =>
        shown.visibleRanges.some((r) => r.start.line <= answerLine && answerLine <= r.end.line) ? true : undefined,
      3000,
    );
  });

  it('a revision that drops "Call 911" is refused at Accept, and "Accept anyway" (force) applies it', async () => {
    server.script = scriptedModel({
      revise_answer: () => ({
        content: { revised_answer: DRAFT, addressed_principles: [], summary: 'Softer wording.' },
      }),
    });
    try {
      const editor = await openCase('it-revise-unsafe.case.md', FRONT('it-revise-unsafe') + REVISED);
      const proposal = done(
        await vscode.commands.executeCommand<Run<Proposal & { unsafe: string[] }>>('clinalign.reviseAnswer'),
      );
      assert.ok(
        proposal.unsafe.some((r) => /^drops “Call 911”/.test(r)),
        proposal.unsafe.join('\n'),
      );
      const diff = await waitFor('the revision diff', diffTab);
      const refused = await vscode.commands.executeCommand<Outcome>('clinalign.acceptRevision', diff.modified);
      assert.equal(refused.status, 'refused');
      assert.match((refused as { reason: string }).reason, /less safe than the draft.*drops “Call 911”/);
      assert.equal(editor.document.getText(), FRONT('it-revise-unsafe') + REVISED, 'the safe answer is kept');
      const forced = await vscode.commands.executeCommand<Outcome>('clinalign.acceptRevision', diff.modified, {
        force: true,
      });
      assert.equal(forced.status, 'accepted', JSON.stringify(forced));
      assert.equal(editor.document.getText(), FRONT('it-revise-unsafe') + DRAFT);
    } finally {
      server.script = safeReviser();
    }
  });

  it('an edit while a revision is pending → Accept is refused and the edit is kept; Reject closes the diff', async () => {
    const editor = await openCase('it-revise-stale.case.md', FRONT('it-revise-stale') + DRAFT);
    done(await vscode.commands.executeCommand<Run<Proposal>>('clinalign.reviseAnswer'));
    const diff = await waitFor('the revision diff', diffTab);
    // The diff took the editor's place: edit the document as any other change would.
    const typing = new vscode.WorkspaceEdit();
    typing.insert(editor.document.uri, new vscode.Position(editor.document.lineCount - 1, 0), 'Written meanwhile.\n');
    assert.ok(await vscode.workspace.applyEdit(typing));
    const expected = FRONT('it-revise-stale') + DRAFT + 'Written meanwhile.\n';

    const refused = await vscode.commands.executeCommand<Outcome>('clinalign.acceptRevision', diff.modified);
    assert.equal(refused.status, 'refused');
    assert.match((refused as { reason: string }).reason, /changed after the revision was requested/);
    assert.equal(editor.document.getText(), expected);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.stat(workspaceUri('.clinalign', 'history', 'it-revise-stale.jsonl'))),
    );

    assert.equal(
      (await vscode.commands.executeCommand<Outcome>('clinalign.rejectRevision', diff.modified)).status,
      'rejected',
    );
    await waitFor('the diff to close', () =>
      vscode.window.tabGroups.all.some((g) =>
        g.tabs.some(
          (t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === diff.modified.toString(),
        ),
      )
        ? undefined
        : true,
    );
    assert.equal(editor.document.getText(), expected);
  });

  it('the code action on a finding revises against that principle only', async () => {
    const editor = await openCase(
      'it-revise-action.case.md',
      `${FRONT('it-revise-action')}Take 10 IU of insulin q.d.\n`,
    );
    const diagnostic = await waitFor('a clinalign finding', () =>
      vscode.languages
        .getDiagnostics(editor.document.uri)
        .find((d) => d.source === 'clinalign' && typeof d.code === 'object'),
    );
    const id = String((diagnostic.code as { value: string }).value);
    const action = await waitFor('the revise code action', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        diagnostic.range,
      );
      return actions.find(
        (a) =>
          a.command?.command === 'clinalign.reviseWithModel' &&
          (a.command.arguments?.[0] as { principleId?: string }).principleId === id,
      );
    });
    // Named by the principle's title, not its raw id (issue 15).
    assert.match(action.title, /^Revise with model against “[^”]+”$/);
    assert.ok(!action.title.includes(id), action.title);
    assert.ok(!action.edit, 'the action must only carry a command');
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic.range,
    );
    assert.ok(all.some((a) => a.title === 'Revise answer against all principles'));

    server.reset();
    done(await vscode.commands.executeCommand<Run<Proposal>>(action.command!.command, ...action.command!.arguments!));
    const request = server.chatRequests.find((r) => r.rawBody.includes('revise_answer'))!;
    assert.ok(request.rawBody.includes(id));
    assert.equal(requestsFor(server, 'grade_item'), 0);
    assert.equal((await vscode.commands.executeCommand<Outcome>('clinalign.rejectRevision')).status, 'rejected');
  });

  it('with a rubric, at the default of one round, a revision that does not score higher is not proposed (as `clinalign revise`)', async () => {
    const rubric = 'rubric:\n  - criterion: Advises calling emergency services immediately\n    points: 10\n';
    await openCase('it-revise-no-gain.case.md', FRONT('it-revise-no-gain').replace(/---\n$/, `${rubric}---\n`) + DRAFT);
    server.script = scriptedModel({
      revise_answer: () => ({
        content: { revised_answer: 'Rest and drink water.\n', addressed_principles: [], summary: 'Calmer.' },
      }),
    });
    try {
      server.reset();
      const run = await vscode.commands.executeCommand<Run<Proposal | undefined>>('clinalign.reviseAnswer');
      assert.equal(done(run), undefined, 'nothing to accept: the draft stays');
      assert.equal(requestsFor(server, 'revise_answer'), 1);
      assert.equal(requestsFor(server, 'grade_item'), 2, 'the draft and the revision were both graded');
      assert.ok(!diffTab());
    } finally {
      server.script = safeReviser();
    }
  });

  it('Cancel aborts the requests in flight and no further request is sent', async function () {
    this.timeout(30000);
    const rubric =
      'rubric:\n  - criterion: Advises calling emergency services (cancel test)\n    points: 10\n  - criterion: Explains heart attack warning symptoms (cancel test)\n    points: 5\n';
    const editor = await openCase(
      'it-revise-cancel.case.md',
      FRONT('it-revise-cancel').replace(/---\n$/, `${rubric}---\n`) + DRAFT,
    );
    assert.match(editor.document.getText(), /rubric:/);
    server.reset();
    server.latencyMs = 3000;
    const pending = vscode.commands.executeCommand<Run<Proposal>>('clinalign.reviseAnswer');
    await waitFor('the first judge requests', () => (server.chatRequests.length > 0 ? true : undefined));
    assert.equal(await vscode.commands.executeCommand('clinalign.cancelModelRequests'), 1);
    const run = await pending;
    assert.equal(run.status, 'cancelled');
    const sent = server.chatRequests.length;
    await waitFor(
      'the server to see the cancelled requests closed',
      () => (server.inFlight === 0 ? true : undefined),
      5000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3500));
    assert.equal(server.chatRequests.length, sent, 'a request was sent after Cancel');
    assert.equal(requestsFor(server, 'revise_answer'), 0);
    assert.equal(editor.document.getText().endsWith(DRAFT), true);
    assert.ok(!diffTab());
  });
});
