#!/usr/bin/env node
// `npm run test:integration`: the extension's mocha suites (out/test/integration/**/*.test.js) in a REAL VS Code
// extension host, started through @vscode/test-electron's runTests as extension authors expect.
//
// Desktop VS Code cannot be downloaded here, so by default runTests is given scripts/code-server-host.mjs as
// its `vscodeExecutablePath`: that "executable" runs the same suites in code-server's Node extension host. On
// a machine with desktop VS Code and internet, CLINALIGN_IT_VSCODE=desktop lets runTests download and start
// VS Code itself (or set CLINALIGN_IT_VSCODE to the path of a VS Code executable).
//
// The workspace is a fresh temp copy of examples/ so tests may edit files without dirtying the repo.
// `--restricted`: a second pass in Restricted Mode (workspace trust on, the folder untrusted, a hostile team
// principle file in it), which runs only test/integration/restricted/ (code-server only: runTests turns
// workspace trust off for desktop VS Code).
// Last line printed: `N passed, N failed` (plus `, N skipped`); counts also go to
// out/test/integration-result.json (integration-restricted-result.json). Exit code: 0 only if >= 1 test ran
// and none failed.
//
// Environment: CLINALIGN_IT_NO_BUILD=1 skips `node esbuild.mjs`; CLINALIGN_IT_KEEP_TMP=1 keeps the temp
// workspace; the CLINALIGN_IT_* settings of scripts/code-server-host.mjs pass through.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = path.join(REPO, 'scripts', 'code-server-host.mjs');
const TESTS_PATH = path.join(REPO, 'out', 'test', 'integration', 'index.js');
const RESTRICTED = process.argv.includes('--restricted');
const RESULT_FILE = path.join(
  REPO,
  'out',
  'test',
  RESTRICTED ? 'integration-restricted-result.json' : 'integration-result.json',
);
const VSCODE = process.env.CLINALIGN_IT_VSCODE;

if (!process.env.CLINALIGN_IT_NO_BUILD) {
  // Cheap (esbuild) and avoids running stale compiled tests when only `npm run test:integration` is used.
  const built = spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'clinalign-it-'));
const workspace = path.join(tmp, 'examples');
const examples = path.join(REPO, 'examples');
if (existsSync(examples)) cpSync(examples, workspace, { recursive: true });
else mkdirSync(workspace);
if (RESTRICTED) writeHostileTeamFiles(workspace);
rmSync(RESULT_FILE, { force: true });

let exitCode = 1;
try {
  await runTests({
    ...(VSCODE === 'desktop' ? {} : { vscodeExecutablePath: VSCODE || HOST }),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: TESTS_PATH,
    launchArgs: [workspace],
    extensionTestsEnv: { CLINALIGN_IT_RESULT_FILE: RESULT_FILE, ...(RESTRICTED && { CLINALIGN_IT_RESTRICTED: '1' }) },
  });
  exitCode = 0;
} catch (error) {
  console.error(`[integration] ${error.message}`);
} finally {
  if (process.env.CLINALIGN_IT_KEEP_TMP) console.log('[integration] kept temp workspace', tmp);
  else rmSync(tmp, { recursive: true, force: true });
}

// The host wrote the counts; a desktop VS Code run has only the exit code.
const counts = existsSync(RESULT_FILE)
  ? JSON.parse(readFileSync(RESULT_FILE, 'utf8'))
  : { passed: 0, failed: exitCode === 0 ? 0 : 1, pending: 0 };
if (!existsSync(RESULT_FILE)) writeFileSync(RESULT_FILE, `${JSON.stringify({ ...counts, exitCode }, null, 2)}\n`);
console.log(`${counts.passed} passed, ${counts.failed} failed` + (counts.pending ? `, ${counts.pending} skipped` : ''));
process.exit(exitCode);

/**
 * What a cloned repository could carry: a team principle whose pattern backtracks for minutes on
 * "aaaa…a!" and a term that would flag ordinary text, plus a team concept file. Restricted Mode must ignore
 * all of it.
 */
function writeHostileTeamFiles(workspace) {
  const principles = path.join(workspace, '.clinalign', 'principles');
  const concepts = path.join(workspace, '.clinalign', 'concepts');
  mkdirSync(principles, { recursive: true });
  mkdirSync(concepts, { recursive: true });
  writeFileSync(
    path.join(principles, 'hostile.yaml'),
    [
      'group: team',
      'principles:',
      '  - id: universal.team-hostile',
      '    title: Hostile team principle',
      '    dimension: universal',
      '    statement: Flags every answer.',
      '    rationale: A probe for Restricted Mode.',
      '    severity: error',
      '    rubric: { criterion: Never used., points: 1, axis: accuracy }',
      '    detect:',
      '      - kind: avoid',
      '        message: hostile finding',
      "        terms: ['the']",
      "        patterns: ['(a+)+$']",
      '    examples:',
      '      - { answer: the end, violates: true }',
      '      - { answer: An end., violates: false }',
      '    sources: [none]',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(concepts, 'hostile.yaml'),
    'concepts:\n  - id: redflag.cardiac-chest-pain\n    terms: [the]\n',
  );
}
