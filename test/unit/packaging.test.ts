import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// What `npm run package` puts into the .vsix (vsce reads .vscodeignore); scripts/run-ui-tests.mjs checks the
// built .vsix itself too.
describe('packaging (.vsix contents)', function () {
  this.timeout(120_000);
  let files: string[];

  before(() => {
    const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    files = out
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  });

  it('holds no node_modules, tests, sources, source maps or build scripts', () => {
    const bad = files.filter(
      (f) =>
        /^(node_modules|src|test|bench|scripts|out|examples|webview|docs|\.[^/]+)\//.test(f) ||
        /\.(ts|map|mjs|cjs|vsix)$/.test(f) ||
        /^(tsconfig\.json|esbuild\.mjs|package-lock\.json)$/.test(f),
    );
    assert.deepEqual(bad, []);
  });

  it('holds what the extension needs at run time', () => {
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'THIRD_PARTY_NOTICES.md',
      'CHANGELOG.md',
      'dist/extension.js',
      'dist/principles.snapshot.json',
      'dist/concepts.snapshot.json',
      'dist/phrases.snapshot.json',
      'media/clinalign.svg',
    ]) {
      assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
    }
    const principleFiles = files.filter((f) => /^principles\/[^/]+\.yaml$/.test(f));
    assert.ok(principleFiles.length >= 5, principleFiles.join(', '));
    // The concept lexicon ships beside the principles: without it no red flag is recognised.
    const conceptFiles = files.filter((f) => /^principles\/concepts\/[^/]+\.yaml$/.test(f));
    assert.ok(
      conceptFiles.includes('principles/concepts/context.yaml') && conceptFiles.length >= 5,
      conceptFiles.join(', '),
    );
  });

  it('ships the notices the bundled third-party code requires: Codicons (CC BY 4.0) and every runtime dependency', () => {
    assert.ok(files.includes('THIRD_PARTY_NOTICES.md'), `THIRD_PARTY_NOTICES.md missing from ${files.join(', ')}`);
    const notices = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    assert.match(notices, /@vscode\/codicons[\s\S]*Microsoft[\s\S]*creativecommons\.org\/licenses\/by\/4\.0/);
    // esbuild inlines the dependencies (without their licence comments), so each needs its notice here.
    const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(dependencies)) {
      const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))
        .version as string;
      assert.ok(
        notices.includes(`### ${name} ${version}`),
        `THIRD_PARTY_NOTICES.md has no licence text for ${name} ${version}`,
      );
    }
  });

  it('keeps dist/extension.js under 1 MB', function () {
    const file = join(ROOT, 'dist', 'extension.js');
    if (!existsSync(file)) this.skip(); // built by `npm run build` (npm test builds before the unit tests)
    assert.ok(statSync(file).size < 1024 * 1024, `dist/extension.js is ${statSync(file).size} bytes`);
  });

  it('packages a production build without asking for a repository URL', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.match(scripts['vscode:prepublish'], /build:production/);
    assert.match(scripts['build:production'], /--production/);
    assert.match(scripts.package, /vsce package --no-dependencies/);
  });
});
