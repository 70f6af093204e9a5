// Real extension host: every code action on a finding — quick fix, fix-all (source.fixAll.clinalign and the
// command), disable on this line / in this file / for the team, explain principle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clinalignDiagnostics, openCase, waitFor, workspaceUri } from './support';

const FREQUENCY = 'universal.no-error-prone-frequency-abbreviations';
/** Code actions name a principle by its title (issue 15: raw ids meant nothing to writers). */
const NAME = '“Write dosing frequencies in full”';
const CASE = `---
id: it-actions
audience: clinician
prompt: How should the insulin order be written for the ward?
---
Give insulin glargine 10 units q.d. at night.

Then 5 units QD with breakfast.
`;

async function openWithFinding(name: string): Promise<{ editor: vscode.TextEditor; diagnostic: vscode.Diagnostic }> {
  const editor = await openCase(name, CASE);
  const diagnostic = await waitFor('the q.d. finding', () => clinalignDiagnostics(editor.document.uri, FREQUENCY)[0]);
  return { editor, diagnostic };
}

/** Polls: right after diagnostics appear the provider can still answer empty. */
function codeAction(uri: vscode.Uri, range: vscode.Range, title: string, kind?: string): Promise<vscode.CodeAction> {
  return waitFor(`the code action "${title}"`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      kind,
    );
    return actions.find((a) => a.title === title);
  });
}

const gone = (uri: vscode.Uri) => () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined);

describe('code actions on findings', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('fix-all as source.fixAll.clinalign fixes every mechanical finding in one edit', async () => {
    const { editor, diagnostic } = await openWithFinding('it-fixall.case.md');
    const uri = editor.document.uri;
    const action = await codeAction(
      uri,
      diagnostic.range,
      'Fix all mechanical findings in this file',
      'source.fixAll.clinalign',
    );
    assert.equal(action.kind?.value, 'source.fixAll.clinalign');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.lineAt(5).text, 'Give insulin glargine 10 units daily at night.');
    assert.equal(editor.document.lineAt(7).text, 'Then 5 units daily with breakfast.');
    await waitFor('the findings to clear', gone(uri));
  });

  it('the clinalign.fixAll command applies the same fixes and reports how many', async () => {
    const { editor } = await openWithFinding('it-fixall-command.case.md');
    assert.equal(await vscode.commands.executeCommand('clinalign.fixAll'), 2);
    assert.equal(editor.document.lineAt(7).text, 'Then 5 units daily with breakfast.');
    await waitFor('the findings to clear', gone(editor.document.uri));
  });

  it('every quick fix names the principle by its title, never by its raw id', async () => {
    const { editor, diagnostic } = await openWithFinding('it-action-titles.case.md');
    await codeAction(editor.document.uri, diagnostic.range, `Disable ${NAME} on this line`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic.range,
    );
    const titles = actions.map((a) => a.title);
    for (const expected of [
      `Disable ${NAME} in this file`,
      `Disable ${NAME} for the team`,
      `Explain principle ${NAME}`,
    ])
      assert.ok(titles.includes(expected), `missing "${expected}" in ${titles.join(' | ')}`);
    assert.deepEqual(
      titles.filter((t) => t.includes(FREQUENCY)),
      [],
      'a title shows the raw principle id',
    );
  });

  it('"Disable … on this line" writes a disable-next-line comment above it and the finding goes', async () => {
    const { editor, diagnostic } = await openWithFinding('it-disable-line.case.md');
    const uri = editor.document.uri;
    const action = await codeAction(uri, diagnostic.range, `Disable ${NAME} on this line`);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.lineAt(5).text, `<!-- clinalign-disable-next-line ${FREQUENCY} -->`);
    const left = await waitFor('only the other line’s finding', () => {
      const found = clinalignDiagnostics(uri, FREQUENCY);
      return found.length === 1 ? found : undefined;
    });
    assert.equal(editor.document.getText(left[0]!.range), 'QD');
  });

  it('"Disable … in this file" writes a disable comment at the top of the answer and every finding goes', async () => {
    const { editor, diagnostic } = await openWithFinding('it-disable-file.case.md');
    const uri = editor.document.uri;
    const action = await codeAction(uri, diagnostic.range, `Disable ${NAME} in this file`);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(editor.document.lineAt(4).text, '---');
    assert.equal(editor.document.lineAt(5).text, `<!-- clinalign-disable ${FREQUENCY} -->`);
    await waitFor('the findings to go', gone(uri));
  });

  it('"Disable … for the team" writes overrides.yaml and the finding goes', async function () {
    this.timeout(30000);
    const { editor, diagnostic } = await openWithFinding('it-disable-team.case.md');
    const uri = editor.document.uri;
    const action = await codeAction(uri, diagnostic.range, `Disable ${NAME} for the team`);
    try {
      const file = await vscode.commands.executeCommand<vscode.Uri>(
        action.command!.command,
        ...action.command!.arguments!,
      );
      assert.match(file.path, /\/\.clinalign\/principles\/overrides\.yaml$/);
      const written = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
      assert.equal(written, `group: team\nprinciples:\n  - id: ${FREQUENCY}\n    disabled: true\n`);
      await waitFor('the findings to go', gone(uri), 15000);
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('.clinalign'), { recursive: true });
    }
    await waitFor('the finding to return', () => clinalignDiagnostics(uri, FREQUENCY)[0], 15000);
  });

  it('"Explain principle" opens a read-only rendered page of the principle', async () => {
    const { editor, diagnostic } = await openWithFinding('it-explain.case.md');
    const action = await codeAction(editor.document.uri, diagnostic.range, `Explain principle ${NAME}`);
    const page = await vscode.commands.executeCommand<vscode.Uri>(
      action.command!.command,
      ...action.command!.arguments!,
    );
    assert.equal(page.scheme, 'clinalign-principle');
    const text = (await vscode.workspace.openTextDocument(page)).getText();
    for (const heading of ['## Why', '## Examples', '## Sources', '**Violates**', '**Passes**'])
      assert.ok(text.includes(heading), `page lacks ${heading}`);
    assert.ok(text.includes(`\`${FREQUENCY}\``));
  });
});
