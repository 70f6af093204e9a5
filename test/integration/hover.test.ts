// Real extension host: hovering a finding shows its principle with the two command links, and nothing else is trusted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clinalignDiagnostics, openCase, waitFor } from './support';

const FREQUENCY = 'universal.no-error-prone-frequency-abbreviations';
const CASE = `---
id: it-hover
audience: clinician
prompt: How should the insulin order be written for the ward?
---
Give insulin glargine 10 units q.d. at night.
`;

function markdownOf(content: vscode.MarkdownString | vscode.MarkedString): vscode.MarkdownString | undefined {
  return content instanceof vscode.MarkdownString ? content : undefined;
}

describe('hover on a finding', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows trusted links to exactly two commands first, then title, rationale, sources and a passing example; the statement once', async () => {
    const editor = await openCase('it-hover.case.md', CASE);
    const uri = editor.document.uri;
    const diagnostic = await waitFor('the q.d. finding', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    const markdown = await waitFor('the principle hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        diagnostic.range.start.translate(0, 1),
      );
      return hovers.flatMap((h) => h.contents.map(markdownOf)).find((m) => m?.value.includes(FREQUENCY));
    });
    const text = markdown.value;
    for (const part of [
      '*Why:*',
      '*Sources:*',
      '*Passes:*',
      '[Open principle](command:clinalign.showPrinciple?',
      '[Disable for this file](command:clinalign.disablePrincipleInFile?',
    ]) {
      assert.ok(text.includes(part), `hover lacks ${part}:\n${text}`);
    }
    assert.match(text, /frequency/i);
    // Links first, so they need no scrolling (issue 15).
    assert.ok(text.startsWith('[Open principle](command:clinalign.showPrinciple?'), text.slice(0, 200));
    // The statement once: the problem hover shows the diagnostic's related information, so this hover leaves it out.
    const statement = 'Dosing frequencies are written out';
    const shown = [diagnostic.message, ...(diagnostic.relatedInformation ?? []).map((r) => r.message), text].join('\n');
    assert.equal(shown.split(statement).length - 1, 1, `the statement should be shown once:\n${shown}`);
    const trusted = markdown.isTrusted;
    if (typeof trusted === 'object')
      assert.deepEqual([...trusted.enabledCommands].sort(), [
        'clinalign.disablePrincipleInFile',
        'clinalign.showPrinciple',
      ]);
    else assert.notEqual(trusted, true, 'the hover must not trust every command');
  });

  it('"Open principle" and "Disable for this file" run from the hover link arguments', async () => {
    const editor = await openCase('it-hover-links.case.md', CASE);
    const uri = editor.document.uri;
    await waitFor('the q.d. finding', () => clinalignDiagnostics(uri, FREQUENCY)[0]);
    assert.ok(await vscode.commands.executeCommand('clinalign.disablePrincipleInFile', FREQUENCY, uri.toString()));
    assert.equal(editor.document.lineAt(5).text, `<!-- clinalign-disable ${FREQUENCY} -->`);
    await waitFor('the finding to go', () => (clinalignDiagnostics(uri, FREQUENCY).length === 0 ? true : undefined));
    const yaml = await vscode.commands.executeCommand<vscode.TextEditor>('clinalign.showPrinciple', FREQUENCY);
    assert.match(yaml.document.uri.path, /\/principles\/universal\.yaml$/);
    assert.match(
      yaml.document.lineAt(yaml.selection.active.line).text,
      new RegExp(`id: ${FREQUENCY.replace(/\./g, '\\.')}`),
    );
  });
});
