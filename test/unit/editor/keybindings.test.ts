import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('keyboard shortcuts (issue 15)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const keybindings: { command: string; key: string; mac: string; when: string }[] =
    manifest.contributes.keybindings ?? [];
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('binds grade, revise and the review panel, on case files only', () => {
    assert.deepEqual(keybindings.map((k) => k.command).sort(), [
      'clinalign.gradeAnswer',
      'clinalign.openReviewPanel',
      'clinalign.reviseAnswer',
    ]);
    for (const k of keybindings) {
      assert.match(k.when, /(^|&& )clinalign\.caseFileActive( &&|$)/, k.command);
      assert.match(k.when, /editorTextFocus/, k.command);
      // Three modifiers: VS Code's defaults leave them free (the integration test checks against the real list).
      assert.match(k.key, /^ctrl\+shift\+alt\+[a-z]$/, k.command);
      assert.match(k.mac, /^cmd\+shift\+alt\+[a-z]$/, k.command);
    }
    assert.equal(new Set(keybindings.map((k) => k.key)).size, keybindings.length);
  });

  it('every shortcut is in the README', () => {
    for (const k of keybindings) {
      const pretty = (key: string) =>
        key
          .split('+')
          .map((part) => (part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1)))
          .join('+');
      assert.ok(readme.includes(pretty(k.key)), `${pretty(k.key)} (${k.command}) is not in the README`);
      assert.ok(readme.includes(pretty(k.mac)), `${pretty(k.mac)} (${k.command}) is not in the README`);
    }
  });
});
