// Real extension host: what a writer expects beside a case (issue 15) — a status bar item with the review
// status, last score and findings that opens the review panel; keyboard shortcuts for grade, revise and the
// panel on case files only; and the list of principles that apply to the case and why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScenarioReport } from '../../src/core/scenario/scenarioReport';
import type { CaseStatusSnapshot } from '../../src/extension/editor/caseStatusItem';
import type { ApplicablePrincipleRow } from '../../src/extension/explorer/applicablePrinciplesCommand';
import type { OpenAiTestServer } from '../support/openaiTestServer';
import { caseWithRubric, done, startModelServer, stopModelServer, waitForModelReady, type Run } from './modelSupport';
import { clinalignDiagnostics, openCase, removeTeamFolder, waitFor, workspaceUri, writeWorkspaceFile } from './support';

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when?: string;
}

/** `ctrl+shift+alt+g` and `alt+ctrl+shift+g` are the same key. */
const normalKey = (key: string) =>
  key
    .toLowerCase()
    .split(' ')
    .map((part) => part.split('+').sort().join('+'))
    .join(' ');

describe('case status item, shortcuts and the principles that apply (issue 15)', () => {
  let status: () => CaseStatusSnapshot;
  let server: OpenAiTestServer | undefined;

  before(async () => {
    const api = (await vscode.extensions.getExtension('clinalign.clinalign')!.activate()) as {
      caseStatus(): CaseStatusSnapshot;
    };
    status = () => api.caseStatus();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTeamFolder();
  });
  after(async () => {
    if (server) await stopModelServer(server);
  });

  it('the status bar item shows the review status, findings and principles of the active case, opens the review panel, and hides on other files', async function () {
    this.timeout(30000);
    const uri = workspaceUri('chest-pain-at-rest.case.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const findings = await waitFor('the findings', () =>
      clinalignDiagnostics(uri).length > 0 ? clinalignDiagnostics(uri).length : undefined,
    );
    const shown = await waitFor('the case status', () => {
      const s = status();
      return s.visible && s.text.includes(`${findings} finding`) ? s : undefined;
    });
    assert.match(shown.text, new RegExp(`^\\$\\(checklist\\) draft · not graded · ${findings} findings$`));
    const report = await vscode.commands.executeCommand<ScenarioReport>('clinalign.classifyScenario');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.match(shown.tooltip, /Review status: draft/);
    assert.match(shown.tooltip, /Last score: not graded yet/);
    assert.match(
      shown.tooltip,
      new RegExp(`${report.applicablePrinciples} principles apply to chest-pain-at-rest\\.case\\.md`),
    );
    assert.match(shown.tooltip, /\(command:clinalign\.showApplicablePrinciples\)/);
    assert.equal(shown.command, 'clinalign.openReviewPanel');

    await vscode.commands.executeCommand(shown.command!);
    await waitFor('the review panel', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /Review/.test(t.label)),
    );

    // The front matter's review status, and a recorded grade (from the review panel) on disk, stale once the answer differs.
    await writeWorkspaceFile(
      '.clinalign/grades/it-status-disk.jsonl',
      `${JSON.stringify({ time: '2026-01-02T03:04:05.000Z', judgeModel: 'it-judge', mode: 'rubric', score: 0.5, answerSha256: 'a'.repeat(64), rubricSha256: 'b'.repeat(64), items: [] })}\n`,
    );
    await openCase(
      'it-status-disk.case.md',
      caseWithRubric('it-status-disk', 'Call emergency services now.', 'review:\n  status: in-review\n'),
    );
    const recorded = await waitFor('the recorded grade', () => (/50%\*/.test(status().text) ? status() : undefined));
    assert.match(recorded.text, /^\$\(checklist\) in-review · 50%\* · \d+ findings?$/);
    assert.match(
      recorded.tooltip,
      /Last score: 50\.0% \(judge it-judge, 2026-01-02T03:04:05\.000Z\) — the answer and the rubric changed since this grade/,
    );

    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a case' });
    await vscode.window.showTextDocument(other);
    await waitFor('the item hidden', () => (status().visible ? undefined : true));
  });

  it('after "Grade answer" the item shows the score, marked once the answer changes', async function () {
    this.timeout(30000);
    server ??= await startModelServer();
    const editor = await openCase(
      'it-status-grade.case.md',
      caseWithRubric('it-status-grade', 'Call emergency services now. Do not wait to see whether it passes.'),
    );
    await waitForModelReady();
    await vscode.window.showTextDocument(editor.document);
    assert.match(status().text, /not graded/);
    done(await vscode.commands.executeCommand<Run<unknown>>('clinalign.gradeAnswer'));
    await vscode.window.showTextDocument(editor.document);
    await waitFor('the score in the status bar', () => (/ · 27% · /.test(status().text) ? true : undefined));
    await editor.edit((edit) =>
      edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, ' Chew an aspirin.'),
    );
    await waitFor('the score marked stale', () => (/ · 27%\* · /.test(status().text) ? true : undefined));
    assert.match(status().tooltip, /the answer changed since this grade/);
  });

  it('keyboard shortcuts for grade, revise and the review panel: case files only, no clash with VS Code defaults, and they run there', async function () {
    this.timeout(60000);
    const manifest = vscode.extensions.getExtension('clinalign.clinalign')!.packageJSON as {
      contributes: { keybindings: Keybinding[] };
    };
    const ours = manifest.contributes.keybindings;
    assert.deepEqual(ours.map((k) => k.command).sort(), [
      'clinalign.gradeAnswer',
      'clinalign.openReviewPanel',
      'clinalign.reviseAnswer',
    ]);
    for (const k of ours) {
      assert.match(k.when ?? '', /\bclinalign\.caseFileActive\b/, `${k.command} is bound outside case files`);
      assert.ok(k.mac, `${k.command} has no macOS key`);
    }

    // The workbench's own default keybindings, as "Open Default Keyboard Shortcuts (JSON)" lists them.
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = await waitFor(
      'the default keybindings',
      () => {
        const document = vscode.window.activeTextEditor?.document;
        return document && /keybindings\.json$/.test(document.uri.path) && document.getText().length > 1000
          ? document.getText()
          : undefined;
      },
      20000,
    );
    const entries = [...defaults.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({
      key: normalKey(m[1]!),
      command: m[2]!,
    }));
    assert.ok(entries.length > 300, `only ${entries.length} default keybindings read`);
    const clashes = entries.filter(
      (e) =>
        !e.command.startsWith('clinalign.') &&
        !e.command.startsWith('-') &&
        ours.some((k) => normalKey(k.key) === e.key),
    );
    assert.deepEqual(clashes, []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The context key the `when` clauses use is on for a case file and off for anything else.
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ language: 'markdown', content: '# notes' }),
    );
    await waitFor('the context off on a plain Markdown file', () => (status().visible ? undefined : true));
    server ??= await startModelServer();
    const editor = await openCase('it-keys.case.md', caseWithRubric('it-keys', 'Call emergency services now.'));
    await waitFor('the context on for the case', () => (status().visible ? true : undefined));
    // What each shortcut runs, on the case.
    await waitForModelReady();
    await vscode.window.showTextDocument(editor.document);
    assert.equal(
      done(await vscode.commands.executeCommand<Run<{ score: number }>>('clinalign.gradeAnswer')).score,
      10 / 15,
    );
    await vscode.window.showTextDocument(editor.document);
    const revision = await vscode.commands.executeCommand<Run<unknown>>('clinalign.reviseAnswer');
    assert.notEqual(revision?.status, 'unavailable', JSON.stringify(revision));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('clinalign.openReviewPanel');
    await waitFor('the review panel', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /Review/.test(t.label)),
    );
  });

  it('lists the principles that apply to the case and why, as many as the status item counts', async function () {
    this.timeout(30000);
    const uri = workspaceUri('chest-pain-at-rest.case.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const rows = await vscode.commands.executeCommand<ApplicablePrincipleRow[]>('clinalign.showApplicablePrinciples');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const report = await vscode.commands.executeCommand<ScenarioReport>('clinalign.classifyScenario');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(rows.length, report.applicablePrinciples);
    await waitFor('the status item count', () =>
      status().tooltip.includes(`${rows.length} principles apply`) ? true : undefined,
    );
    const cardiac = rows.find((r) => r.id === 'urgency.chest-pain-cardiac-features');
    assert.match(cardiac?.why ?? '', /^Applies because the question mentions “/);
    assert.match(rows[0]!.why, /^Applies because the question/, 'the principles named by the question come first');
    assert.ok(rows.some((r) => r.why === 'Applies to every case'));
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);

    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a case' }),
    );
    assert.equal(await vscode.commands.executeCommand('clinalign.showApplicablePrinciples'), undefined);
  });
});
