// Real extension host in Restricted Mode (run-integration-tests.mjs --restricted: workspace trust on, folder
// not trusted). The workspace carries a hostile .clinalign/principles file (a catastrophic-backtracking pattern
// and a term that flags every answer) and a concept file that would make "the" a red flag: all are ignored.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clinalignDiagnostics, openCase, waitFor } from '../support';

const FREQUENCY = 'universal.no-error-prone-frequency-abbreviations';
// "aaaa…a!" makes `(a+)+$` backtrack for minutes on a backtracking engine.
const CASE = `---
id: restricted-probe
audience: clinician
prompt: How should the insulin order be written for the ward?
---
Give the insulin glargine 10 units q.d. at night. ${'a'.repeat(40)}!
`;

describe('Restricted Mode (untrusted workspace)', () => {
  before(async () => {
    await vscode.extensions.getExtension('clinalign.clinalign')!.activate();
  });

  it('runs as an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('lints with the bundled library only: the team principle and concept files are ignored', async () => {
    const started = Date.now();
    const editor = await openCase('it-restricted.case.md', CASE);
    const uri = editor.document.uri;
    // The bundled finding proves linting ran; the hostile one must never appear.
    await waitFor('the bundled q.d. finding', () =>
      clinalignDiagnostics(uri, FREQUENCY).length > 0 ? true : undefined,
    );
    assert.ok(Date.now() - started < 20_000, 'linting did not hang');
    assert.deepEqual(clinalignDiagnostics(uri, 'universal.team-hostile'), []);
    const all = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'clinalign');
    assert.ok(!all.some((d) => /hostile/.test(d.message)), 'no finding from the team file');
    // The team concept file would have made "the" in the question a chest-pain red flag, and this answer,
    // with no emergency advice, an error of the red-flag principle.
    assert.deepEqual(clinalignDiagnostics(uri, 'urgency.red-flag-needs-urgent-care'), []);
  });
});
