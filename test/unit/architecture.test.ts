import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('src/core never imports vscode (it must run in the CLI and in tests without an editor)', () => {
    const offenders = sourceFiles(join(ROOT, 'src', 'core')).filter((file) =>
      /(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
  });

  it('src/core and src/cli never import from src/extension', () => {
    const files = [...sourceFiles(join(ROOT, 'src', 'core')), ...sourceFiles(join(ROOT, 'src', 'cli'))];
    const offenders = files.filter((file) => /from\s+['"][./]*\/extension\//.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
  });
});
