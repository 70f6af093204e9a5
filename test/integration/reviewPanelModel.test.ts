// Real extension host + the OpenAI-compatible test server: the review panel's Grade and Synthesize (model)
// buttons call the model through the extension's session, record the grade, show it, and mark it stale
// once the answer changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenAiTestServer } from '../support/openaiTestServer';
import { startModelServer, stopModelServer } from './modelSupport';
import { openCase, waitFor, workspaceUri } from './support';

interface GradeLike {
  judgeModel: string;
  score: number | null;
  stale: boolean;
  items: { criterion: string; met: boolean }[];
}

interface StateLike {
  rubric: { criterion: string; points: number }[];
  grade: GradeLike | null;
  model: { available: boolean };
}

interface PanelLike {
  webviewReady: boolean;
  receive(message: unknown): Promise<void>;
  refresh(): Promise<StateLike | null>;
  dispose(): void;
}

const CASE = `---
id: it-panel-model
audience: layperson
prompt: I have crushing chest pain spreading to my arm. What should I do?
rubric:
  - criterion: Tells the person to call emergency services now.
    points: 10
    tags: [level:example, axis:accuracy]
  - criterion: Suggests waiting to see if the pain settles.
    points: -8
    tags: [level:example, axis:accuracy]
review:
  status: draft
---
Call emergency services now and chew an aspirin if you are not allergic.
`;

describe('review panel with a model', () => {
  let server: OpenAiTestServer | undefined;
  let panel: PanelLike | undefined;

  before(async () => {
    server = await startModelServer();
  });

  after(async () => {
    panel?.dispose();
    await stopModelServer(server);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Grade calls the judge, records the grade and shows it; an answer edit marks it stale', async () => {
    const editor = await openCase('it-panel-model.case.md', CASE);
    panel = await vscode.commands.executeCommand<PanelLike>('clinalign.openReviewPanel');
    await waitFor('the webview', () => (panel!.webviewReady ? true : undefined), 30000);
    await waitFor(
      'the model to be available',
      async () => ((await panel!.refresh())?.model.available ? true : undefined),
      10000,
    );
    const before = server!.chatRequests.length;
    await panel.receive({ type: 'grade' });
    const graded = await waitFor(
      'a grade',
      async () => {
        const state = await panel!.refresh();
        return state?.grade ?? undefined;
      },
      20000,
    );
    assert.ok(server!.chatRequests.length > before, 'the judge was called');
    assert.equal(graded.judgeModel, 'it-judge');
    assert.equal(graded.items.length, 2);
    assert.equal(graded.stale, false);
    assert.equal(typeof graded.score, 'number');
    const records = await vscode.workspace.fs.readFile(workspaceUri('.clinalign', 'grades', 'it-panel-model.jsonl'));
    assert.match(Buffer.from(records).toString('utf8'), /"judgeModel":"it-judge"/);

    await vscode.window.showTextDocument(editor.document);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, 'Do not drive yourself.\n'));
    const stale = await waitFor(
      'the grade to be marked stale',
      async () => ((await panel!.refresh())?.grade?.stale ? true : undefined),
      10000,
    );
    assert.equal(stale, true);
  });
});
