// Real extension host: the first `npm start` opens the ClinAlign walkthrough beside the case (issue 15: the
// workbench was empty, and code-server's own welcome page hid the walkthrough) — once, and only in development.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { showWalkthroughOnFirstStart } from '../../src/extension/editor/firstStartWalkthrough';
import { openCase, waitFor } from './support';

function memento(): vscode.Memento & { setKeysForSync(keys: readonly string[]): void } {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
    setKeysForSync: () => undefined,
  } as vscode.Memento & { setKeysForSync(keys: readonly string[]): void };
}

const walkthroughTab = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => !(t.input instanceof vscode.TabInputText) && /ClinAlign|Welcome|Walkthrough/i.test(t.label));

describe('first start (npm start)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the ClinAlign walkthrough beside the open case once, and never under test or when installed', async () => {
    const editor = await openCase(
      'it-first-start.case.md',
      '---\nid: it-first-start\nprompt: What is a normal blood pressure?\n---\nBelow 120/80.\n',
    );
    const globalState = memento();
    assert.equal(await showWalkthroughOnFirstStart({ extensionMode: vscode.ExtensionMode.Test, globalState }), false);
    assert.equal(
      await showWalkthroughOnFirstStart({ extensionMode: vscode.ExtensionMode.Production, globalState }),
      false,
    );
    assert.equal(walkthroughTab(), undefined);

    assert.equal(
      await showWalkthroughOnFirstStart({ extensionMode: vscode.ExtensionMode.Development, globalState }),
      true,
    );
    const tab = await waitFor('the walkthrough tab', walkthroughTab);
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document === editor.document),
      'the case stays visible beside it',
    );
    assert.notEqual(
      tab.group.viewColumn,
      vscode.window.visibleTextEditors.find((e) => e.document === editor.document)!.viewColumn,
    );
    assert.equal(
      await showWalkthroughOnFirstStart({ extensionMode: vscode.ExtensionMode.Development, globalState }),
      false,
      'only once',
    );
  });
});
