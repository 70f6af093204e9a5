// Proves the real-editor harness works: a workspace folder is open and the extension under development is
// loaded by the real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('integration harness (smoke)', () => {
  it('opens one workspace folder and knows the clinalign.clinalign extension', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    const extension = vscode.extensions.getExtension('clinalign.clinalign');
    assert.ok(extension, 'extension clinalign.clinalign is not loaded');
  });
});
