// Real extension host: diagnostics appear for a case file, link to their principle, offer the quick fix,
// honour disable comments, follow typing, report broken front matter and follow team principle files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  clinalignDiagnostics,
  codeValue,
  openCase,
  waitFor,
  workspaceUri,
  writeWorkspaceFile,
  removeTeamFolder,
} from './support';

const FREQUENCY = 'universal.no-error-prone-frequency-abbreviations';
const CASE = `---
id: integration-insulin
audience: clinician
prompt: How should the insulin order be written for the ward?
---
Give insulin glargine 10 units q.d. at night.
`;

describe('diagnostics in a real editor', () => {
  before(async () => {
    await vscode.extensions.getExtension('clinalign.clinalign')!.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTeamFolder();
  });

  it('shows a finding with its principle code, range, severity, source and related principle line', async () => {
    const editor = await openCase('it-diagnostic.case.md', CASE);
    const uri = editor.document.uri;
    const [diagnostic] = await waitFor('the q.d. finding', () => {
      const found = clinalignDiagnostics(uri, FREQUENCY);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(editor.document.getText(diagnostic!.range), 'q.d.');
    assert.equal(diagnostic!.range.start.line, 5);
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic!.source, 'clinalign');
    const code = diagnostic!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, FREQUENCY);
    assert.match(code.target.path, /\/principles\/universal\.yaml$/);
    assert.match(code.target.fragment, /^L\d+$/);
    const related = diagnostic!.relatedInformation![0]!;
    assert.match(related.location.uri.path, /\/principles\/universal\.yaml$/);
    const yaml = await vscode.workspace.openTextDocument(related.location.uri);
    assert.match(
      yaml.lineAt(related.location.range.start.line).text,
      new RegExp(`id: ${FREQUENCY.replace(/\./g, '\\.')}`),
    );
    assert.equal(`L${related.location.range.start.line + 1}`, code.target.fragment);
  });

  it('applies the quick fix through the code action provider', async () => {
    const editor = await openCase('it-quickfix.case.md', CASE);
    const uri = editor.document.uri;
    const diagnostic = await waitFor('the q.d. finding', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    // Right after diagnostics appear the provider can still answer empty: poll, do not sleep.
    const fix = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      return actions.find((a) => a.title === 'Replace with “daily”');
    });
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(editor.document.lineAt(5).text, 'Give insulin glargine 10 units daily at night.');
    await waitFor('the finding to clear', () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined));
  });

  it('a disable-next-line comment silences the finding, and typing brings findings back', async () => {
    const editor = await openCase('it-disable.case.md', CASE);
    const uri = editor.document.uri;
    await waitFor('the q.d. finding', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(5, 0), `<!-- clinalign-disable-next-line ${FREQUENCY} -->\n`),
    );
    await waitFor('the finding to be silenced', () =>
      clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined,
    );
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, 'Then 5 units QD with breakfast.\n'));
    const typed = await waitFor('a finding on the typed line', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    assert.equal(editor.document.getText(typed.range), 'QD');
    assert.equal(typed.range.start.line, 7);
  });

  it('reports broken front matter at its line without losing the body findings', async () => {
    const editor = await openCase('it-frontmatter.case.md', CASE.replace('audience: clinician', 'audience: martian'));
    const uri = editor.document.uri;
    const problem = await waitFor('the front matter problem', () =>
      vscode.languages.getDiagnostics(uri).find((d) => codeValue(d) === 'case.front-matter'),
    );
    assert.equal(problem.range.start.line, 2);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /audience/);
  });

  it('follows team principle files: disabling a principle clears its findings, a broken file is reported', async function () {
    this.timeout(30000);
    const editor = await openCase('it-team.case.md', CASE);
    const uri = editor.document.uri;
    await waitFor('the q.d. finding', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    const overrides = await writeWorkspaceFile(
      '.clinalign/principles/overrides.yaml',
      `group: team\nprinciples:\n  - id: ${FREQUENCY}\n    disabled: true\n`,
    );
    await waitFor(
      'the finding to go',
      () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined),
      15000,
    );
    await writeWorkspaceFile('.clinalign/principles/overrides.yaml', 'group: team\nprinciples:\n  - id: [broken\n');
    const yamlProblem = await waitFor('the YAML problem', () => clinalignDiagnostics(overrides)[0], 15000);
    assert.ok(yamlProblem.range.start.line >= 2, `reported at line ${yamlProblem.range.start.line}`);
    assert.equal(yamlProblem.severity, vscode.DiagnosticSeverity.Error);
    // The last good team file stays in use, so the principle is still disabled.
    assert.equal(clinalignDiagnostics(uri, FREQUENCY).length, 0);
    await vscode.workspace.fs.delete(workspaceUri('.clinalign'), { recursive: true });
    await waitFor('the finding to return', () => clinalignDiagnostics(uri, FREQUENCY)[0], 15000);
  });
});
