// Real extension host: every contributed command is registered, and every command link of the walkthrough
// (and the hover) runs something that exists.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('contributions', () => {
  it('registers every contributed command, the walkthrough links and the hover commands', async () => {
    const extension = vscode.extensions.getExtension('clinalign.clinalign')!;
    await extension.activate();
    const manifest = extension.packageJSON as {
      contributes: { commands: { command: string }[]; walkthroughs: { steps: { description: string }[] }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    const linked = manifest.contributes.walkthroughs.flatMap((w) =>
      w.steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!)),
    );
    assert.ok(linked.length >= 5, `only ${linked.length} walkthrough links`);
    const missing = [...contributed, ...linked, 'clinalign.disablePrincipleInFile'].filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });
});
