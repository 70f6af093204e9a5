// Real extension host against the OpenAI-compatible test server started in this process: endpoint state,
// grading, model checks, classification, rubric synthesis, and the API key kept out of logs and errors and
// sent only to the endpoint it was stored for.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScenarioReport } from '../../src/core/scenario/scenarioReport';
import { OpenAiTestServer } from '../support/openaiTestServer';
import { scriptedModel } from '../support/scriptedModel';
import {
  CHEST_PAIN_QUESTION,
  caseWithRubric,
  modelSetting,
  done,
  startModelServer,
  stopModelServer,
  type Run,
} from './modelSupport';
import { openCase, waitFor } from './support';

const QUESTION = CHEST_PAIN_QUESTION;
const withRubric = caseWithRubric;

describe('model commands', () => {
  let server: OpenAiTestServer | undefined;
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.commands.executeCommand('clinalign.clearApiKey');
    await stopModelServer(server);
  });

  it('without an endpoint says plainly that it needs one and sends nothing', async () => {
    await openCase('it-model-none.case.md', withRubric('it-model-none', 'Call emergency services now.'));
    const run = await vscode.commands.executeCommand<Run<unknown>>('clinalign.gradeAnswer');
    assert.equal(run.status, 'unavailable');
    assert.match((run as { message: string }).message, /needs a model endpoint/);
    const report = await vscode.commands.executeCommand<ScenarioReport>('clinalign.classifyScenario');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.match(report.detail, /model: not configured$/);
  });

  it('with the settings the status says ready; grading shows a score with the judge model, item by item', async () => {
    server = await startModelServer();
    const editor = await openCase(
      'it-model-grade.case.md',
      withRubric('it-model-grade', 'Call emergency services now. Do not wait to see whether it passes.'),
    );
    const report = await waitFor('the ready state', async () => {
      const r = await vscode.commands.executeCommand<ScenarioReport>('clinalign.classifyScenario');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return r.detail.endsWith('model: ready') ? r : undefined;
    });
    assert.equal(report.model, 'ready');
    await vscode.window.showTextDocument(editor.document);
    const grade = done(
      await vscode.commands.executeCommand<
        Run<{ score: number; judgeModel: string; items: { met: boolean }[]; report: string }>
      >('clinalign.gradeAnswer'),
    );
    assert.deepEqual(
      grade.items.map((i) => i.met),
      [true, false, true],
    );
    assert.equal(grade.score, (10 - 6) / 15);
    assert.equal(grade.judgeModel, 'it-judge');
    assert.equal(server.chatRequests.filter((r) => r.body?.model === 'it-judge').length, 3);
    const page = (await vscode.workspace.openTextDocument(vscode.Uri.parse(grade.report))).getText();
    assert.match(page, /\*\*Score 26\.7%\*\* — judged by `it-judge`/);
    assert.match(page, /❌ not met \| 5 \| Mentions chewing aspirin/);
  });

  it('the grade report stays open when another file is clicked, and "Show grade report" reopens it from the case', async () => {
    server ??= await startModelServer(); // also when run alone (CLINALIGN_IT_GREP)
    const editor = await openCase('it-model-kept.case.md', withRubric('it-model-kept', 'Call emergency services now.'));
    await waitFor('the ready state', async () => {
      const r = await vscode.commands.executeCommand<ScenarioReport | undefined>('clinalign.classifyScenario');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return r?.detail.endsWith('model: ready') ? true : undefined;
    });
    await vscode.window.showTextDocument(editor.document);
    const grade = done(await vscode.commands.executeCommand<Run<{ report: string }>>('clinalign.gradeAnswer'));
    const reportName = vscode.Uri.parse(grade.report).path.split('/').pop()!;
    const reportTab = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes(reportName));
    await waitFor('the report preview', reportTab);
    // Another Markdown file in the case's column: an unlocked preview would follow it and the report be gone.
    await openCase('it-model-other.case.md', withRubric('it-model-other', 'Rest.'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(
      reportTab(),
      `the report was replaced: ${vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => t.label)
        .join(' | ')}`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(reportTab(), undefined);
    const reopened = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'clinalign.showGradeReport',
      editor.document.uri,
    );
    assert.equal(reopened?.toString(), grade.report);
    await waitFor('the reopened report', reportTab);
    assert.equal(
      await vscode.commands.executeCommand(
        'clinalign.showGradeReport',
        vscode.Uri.parse(editor.document.uri.toString().replace('kept', 'never')),
      ),
      undefined,
    );
  });

  it('an empty answer is not graded: no judge call, as in the CLI', async () => {
    const before = server!.chatRequests.length;
    await openCase('it-model-empty.case.md', withRubric('it-model-empty', '<!-- clinalign-disable-next-line -->\n'));
    assert.equal(await vscode.commands.executeCommand('clinalign.gradeAnswer'), undefined);
    assert.equal(server!.chatRequests.length, before, 'no judge call for an empty answer');
  });

  it('model check puts `clinalign (model)` diagnostics on the quoted words and an edit clears them', async () => {
    const editor = await openCase(
      'it-model-check.case.md',
      withRubric('it-model-check', 'Wait and see how it goes. Rest for now.'),
    );
    const check = done(
      await vscode.commands.executeCommand<Run<{ findings: unknown[] }>>('clinalign.checkAnswerWithModel'),
    );
    assert.equal(check.findings.length, 1);
    const uri = editor.document.uri;
    const model = await waitFor('the model diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'clinalign (model)'),
    );
    assert.equal(editor.document.getText(model.range), 'Wait and see how it goes.');
    assert.equal(typeof model.code === 'object' ? typeof model.code.value : 'none', 'string');
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Call 911.\n'));
    await waitFor('the model diagnostics to clear', () =>
      vscode.languages.getDiagnostics(uri).some((d) => d.source === 'clinalign (model)') ? undefined : true,
    );
  });

  it('classify with model writes the model’s labels into scenario: when asked', async () => {
    const editor = await openCase(
      'it-model-classify.case.md',
      `---\nid: it-model-classify\nprompt: "${QUESTION}"\n---\nCall 911.\n`,
    );
    const result = done(
      await vscode.commands.executeCommand<Run<{ written: boolean; scenario: Record<string, string> }>>(
        'clinalign.classifyScenarioWithModel',
        { write: true },
      ),
    );
    assert.ok(result.written);
    assert.equal(result.scenario.urgency, 'emergent');
    assert.match(editor.document.getText(), /scenario:\n {2}urgency: emergent\n/);
  });

  it('synthesize writes `rubric:` into the front matter and refuses to overwrite verified items', async () => {
    const editor = await openCase(
      'it-model-synth.case.md',
      `---\nid: it-model-synth # keep\nprompt: "${QUESTION}"\n---\nCall 911.\n`,
    );
    const rubric = done(
      await vscode.commands.executeCommand<Run<{ written: boolean; items: unknown[] }>>(
        'clinalign.synthesizeRubricWithModel',
      ),
    );
    assert.ok(rubric.written);
    const text = editor.document.getText();
    assert.match(text, /^---\nid: it-model-synth # keep\n/);
    assert.match(text, /\nrubric:\n {2}- criterion: /);
    assert.ok(text.endsWith('---\nCall 911.\n'));

    const verified = await openCase(
      'it-model-synth-verified.case.md',
      `---\nprompt: "${QUESTION}"\nrubric:\n  - criterion: Calls 911\n    points: 10\n    verified: true\n---\nCall 911.\n`,
    );
    const before = server!.chatRequests.length;
    assert.equal(await vscode.commands.executeCommand('clinalign.synthesizeRubricWithModel'), undefined);
    assert.match(verified.document.getText(), /verified: true/);
    assert.equal(server!.chatRequests.length, before, 'no request for a verified rubric');
  });

  it('the API key is sent as the Authorization header but never appears in errors or the log', async function () {
    this.timeout(30000);
    const key = 'sk-it-SECRET-4f9a8b7c6d5e';
    await vscode.commands.executeCommand('clinalign.setApiKey', key);
    await modelSetting('maxConcurrency', 1); // a new client: it must pick up the key
    await openCase('it-model-key.case.md', withRubric('it-model-key', 'Call emergency services now.'));
    server!.reset();
    server!.failNext({ kind: 'echo-credentials', status: 401 }, 3);
    const run = await vscode.commands.executeCommand<Run<unknown>>('clinalign.gradeAnswer');
    assert.equal(run.status, 'failed');
    const message = (run as { message: string }).message;
    assert.match(message, /401/);
    assert.match(message, /\[redacted\]/);
    assert.ok(!message.includes(key), message);
    assert.ok(
      server!.chatRequests.some((r) => r.headers.authorization === `Bearer ${key}`),
      'the key was not sent',
    );
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('clinalign')).includes(key));

    const api = vscode.extensions.getExtension<{ logFolder: vscode.Uri }>('clinalign.clinalign')!.exports;
    const log = await waitFor(
      'the failure in the log file',
      async () => {
        const text = await readLogs(api.logFolder);
        return text.includes('Grade answer failed') ? text : undefined;
      },
      15000,
    );
    assert.match(log, /answered 401/);
    assert.ok(!log.includes(key), 'the key is in the log');
  });

  it('an API key is stored for the current base URL and sent only there', async function () {
    this.timeout(30000);
    const key = 'sk-it-PER-ENDPOINT-7c2e9d';
    server!.reset();
    await modelSetting('maxConcurrency', 2); // a new client for the new key
    const { document } = await openCase(
      'it-model-key-endpoint.case.md',
      withRubric('it-model-key-endpoint', 'Call emergency services now.'),
    );
    assert.equal(await vscode.commands.executeCommand('clinalign.setApiKey', key), true);
    const other = await OpenAiTestServer.start({ script: scriptedModel() });
    const otherKey = 'sk-it-OTHER-ENDPOINT-41ab';
    try {
      // A second endpoint has no key until one is stored for it; then only its own key goes there.
      await modelSetting('baseUrl', other.baseUrl);
      assert.equal(await vscode.commands.executeCommand('clinalign.setApiKey', otherKey), true);
      done(await vscode.commands.executeCommand<Run<unknown>>('clinalign.gradeAnswer', document.uri));
      assert.ok(other.chatRequests.length > 0);
      assert.ok(
        other.chatRequests.every((r) => r.headers.authorization === `Bearer ${otherKey}`),
        'the other endpoint got its own key',
      );
      assert.ok(
        other.requests.every((r) => !JSON.stringify(r.headers).includes(key) && !r.rawBody.includes(key)),
        'the key went to another endpoint',
      );

      await modelSetting('baseUrl', server!.baseUrl);
      done(await vscode.commands.executeCommand<Run<unknown>>('clinalign.gradeAnswer', document.uri));
      assert.ok(server!.chatRequests.length > 0);
      assert.ok(
        server!.chatRequests.every((r) => r.headers.authorization === `Bearer ${key}`),
        'the key of this endpoint was sent',
      );
    } finally {
      await modelSetting('baseUrl', server!.baseUrl);
      await other.close();
    }
  });
});

/** Every .log file under the extension's log folder, concatenated. */
async function readLogs(folder: vscode.Uri): Promise<string> {
  let text = '';
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return '';
  }
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) text += await readLogs(uri);
    else if (name.endsWith('.log')) text += Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  }
  return text;
}
