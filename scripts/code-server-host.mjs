#!/usr/bin/env node
// The "VS Code executable" that `npm run test:integration` hands to @vscode/test-electron's runTests
// (`vscodeExecutablePath`): it takes the arguments runTests gives a desktop VS Code
// (`--extensionDevelopmentPath=… --extensionTestsPath=… <folder>`) and runs the extension's mocha suites in the
// REAL VS Code Node extension host of code-server instead, since desktop VS Code cannot be downloaded here.
//
// code-server 4.100.3 (= VS Code 1.100.3 server + web workbench, installed into .vscode-test-tools/ by
// scripts/setup-vscode-test-env.sh) is opened in headless Chromium through playwright-core. code-server has no
// --extensionTestsPath flag, but the workbench reads the same settings from the URL's `payload` parameter; it
// then reports the test log through window.codeAutomationLog(type, args) and the extension host's exit code
// through window.codeAutomationExit(code), both exposed here with Playwright.
//
// Counts go to CLINALIGN_IT_RESULT_FILE (set by scripts/run-integration-tests.mjs). Exit code: 0 only if >= 1
// test ran and none failed.
//
// Environment (runTests passes it through `extensionTestsEnv`):
//   CLINALIGN_IT_RESTRICTED=1         workspace trust on and the folder untrusted (Restricted Mode)
//   CLINALIGN_IT_GREP=<regexp>        run only the matching tests (read by out/test/integration/index.js)
//   CLINALIGN_IT_TIMEOUT_MS=<ms>      whole-run timeout (default 600000)
//   CLINALIGN_IT_BROWSER_CONSOLE=1    also echo the workbench's browser console
//   CLINALIGN_IT_SERVER_LOG=1         also echo code-server's own log
//   CLINALIGN_IT_VERBOSE=1            do not hide the workbench's start-up chatter
//   CLINALIGN_IT_KEEP_TMP=1           keep the editor's data dirs (path printed)
//   CLINALIGN_IT_SCREENSHOT=<file>    save a screenshot of the workbench when the run ends
//   CODE_SERVER, CHROMIUM             override the code-server / chromium executables
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import {
  CHROMIUM,
  CODE_SERVER,
  ensureTools,
  isolatedEditor,
  launchChromium,
  loadPlaywright,
  REPO,
  RunResources,
  startCodeServer,
  TOOLS,
} from './lib/workbenchHarness.mjs';

// The arguments runTests gives a VS Code executable (profile and sandbox flags are not needed here).
const argValue = (name) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const DEV_PATH = argValue('extensionDevelopmentPath');
const TESTS_PATH = argValue('extensionTestsPath');
const FOLDER = process.argv.slice(2).find((a) => !a.startsWith('-'));
// Restricted Mode: workspace trust on and the folder untrusted; only test/integration/restricted/ runs.
const RESTRICTED = process.env.CLINALIGN_IT_RESTRICTED === '1';
const RESULT_FILE =
  process.env.CLINALIGN_IT_RESULT_FILE ||
  path.join(REPO, 'out', 'test', RESTRICTED ? 'integration-restricted-result.json' : 'integration-result.json');
const TIMEOUT_MS = Number(process.env.CLINALIGN_IT_TIMEOUT_MS || 600_000);
const STARTUP_TIMEOUT_MS = 60_000;
const RESULT_MARKER = '__EXT_TEST_RESULT__';
const PROGRESS_MARKER = '__EXT_TEST_PROGRESS__';
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:)/;

const t0 = Date.now();
const log = (...args) => console.log('[integration]', ...args);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

// ---------------------------------------------------------------------------------------------------------
// Released however the run ends: code-server's process group, Chromium, the temp folder.
const run = new RunResources({ log, keepTmp: Boolean(process.env.CLINALIGN_IT_KEEP_TMP) });

function summaryLine({ passed, failed, pending }) {
  return `${passed} passed, ${failed} failed` + (pending ? `, ${pending} skipped` : '');
}

// ---------------------------------------------------------------------------------------------------------
async function main() {
  // 1. Tools, the arguments, the build output.
  ensureTools({ repo: REPO, codeServer: CODE_SERVER, chromium: CHROMIUM, log });
  if (!DEV_PATH || !TESTS_PATH || !FOLDER)
    throw new Error(
      `need --extensionDevelopmentPath=, --extensionTestsPath= and a folder; got ${process.argv.slice(2).join(' ')}`,
    );
  if (!existsSync(TESTS_PATH)) throw new Error(`${TESTS_PATH} missing: run npm run build`);
  const { chromium } = loadPlaywright([REPO, TOOLS]);

  // 2. The editor's data dirs in a temp folder, so ~ is not touched (the workspace folder is runTests' own).
  const tmp = (run.tmp = mkdtempSync(path.join(os.tmpdir(), 'clinalign-it-editor-')));
  const workspace = FOLDER;
  const editor = isolatedEditor(
    tmp,
    RESTRICTED
      ? {
          'security.workspace.trust.enabled': true,
          'security.workspace.trust.startupPrompt': 'never',
          'security.workspace.trust.banner': 'never',
        }
      : {},
  );
  const env = editor.env;
  if (RESTRICTED) env.CLINALIGN_IT_RESTRICTED = '1';

  // 3. code-server.
  const started = await startCodeServer({
    codeServer: CODE_SERVER,
    cwd: tmp,
    editor,
    workspaceTrust: RESTRICTED,
    echoLog: Boolean(process.env.CLINALIGN_IT_SERVER_LOG),
    startupTimeoutMs: STARTUP_TIMEOUT_MS,
  });
  const server = (run.server = started.server);
  const { authority } = started;
  log(`code-server ${authority} up after ${elapsed()}`);

  // 4. Headless Chromium on the workbench URL with the test payload.
  const browser = (run.browser = await launchChromium(chromium, { executablePath: CHROMIUM, env }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (process.env.CLINALIGN_IT_BROWSER_CONSOLE) page.on('console', (m) => console.log('[browser]', m.type(), m.text()));
  page.on('pageerror', (e) => {
    if (process.env.CLINALIGN_IT_BROWSER_CONSOLE) console.log('[browser] pageerror', e.message);
  });

  const state = { result: null, progress: null, spec: {} };
  const exitCode = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const parts = Array.isArray(args) ? args : [args];
      const line = format(...parts);
      let m = new RegExp(`${RESULT_MARKER}(\\{.*\\})`).exec(line);
      if (m) {
        state.result = JSON.parse(m[1]);
        return;
      }
      m = new RegExp(`${PROGRESS_MARKER}(\\{.*\\})`).exec(line);
      if (m) {
        state.progress = JSON.parse(m[1]);
        return;
      }
      // Fallback: mocha's own summary lines ("  3 passing (2s)", "  1 failing", "  2 pending").
      const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
      for (const [re, key] of [
        [/^\s*(\d+) passing/m, 'passed'],
        [/^\s*(\d+) failing/m, 'failed'],
        [/^\s*(\d+) pending/m, 'pending'],
      ]) {
        const mm = re.exec(plain);
        if (mm) state.spec[key] = Number(mm[1]);
      }
      if (!process.env.CLINALIGN_IT_VERBOSE) {
        // Offline noise: the workbench's extension gallery (open-vsx) is unreachable.
        if (/open-vsx\.org|marketplace/i.test(plain) && /fetch|ENOTFOUND|getaddrinfo|Failed/i.test(plain)) return;
        // Workbench start-up chatter.
        if (WORKBENCH_NOISE.test(plain)) return;
      }
      (console[type] || console.log)(...parts);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });

  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${DEV_PATH}`],
    ['extensionTestsPath', `vscode-remote://${authority}${TESTS_PATH}`],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`workspace ${workspace}`);
  log(`opening ${url}`);

  // Fail fast instead of waiting for the timeout when the page, the browser or code-server dies.
  const fatal = new Promise((_, reject) => {
    page.once('crash', () => reject(new Error('the workbench page crashed')));
    browser.once('disconnected', () => reject(new Error('Chromium exited unexpectedly')));
    server.once('exit', (c, sig) =>
      reject(
        new Error(
          `code-server exited unexpectedly (${sig ?? c}):\n${started.output().split('\n').slice(-20).join('\n')}`,
        ),
      ),
    );
  });
  fatal.catch(() => {}); // only observed through the race below

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${TIMEOUT_MS} ms waiting for the extension host to finish`)),
      TIMEOUT_MS,
    );
  });
  let code;
  let harnessError = null;
  try {
    await page.goto(url, { timeout: STARTUP_TIMEOUT_MS });
    code = await Promise.race([exitCode, timeout, fatal]);
  } catch (err) {
    harnessError = err;
  } finally {
    clearTimeout(timer);
  }
  if (process.env.CLINALIGN_IT_SCREENSHOT) {
    await page.screenshot({ path: process.env.CLINALIGN_IT_SCREENSHOT }).catch(() => {});
  }
  return { code, harnessError, state, serverLog: started.output() };
}

// ---------------------------------------------------------------------------------------------------------
let outcome;
try {
  outcome = await main();
} catch (err) {
  outcome = { code: 1, harnessError: err, state: { result: null, progress: null, spec: {} }, serverLog: '' };
}
await run.cleanup();

const { harnessError, state } = outcome;
let counts = state.result ??
  (state.spec.passed !== undefined || state.spec.failed !== undefined
    ? { passed: state.spec.passed ?? 0, failed: state.spec.failed ?? 0, pending: state.spec.pending ?? 0 }
    : state.progress) ?? { passed: 0, failed: 0, pending: 0 };
counts = { passed: counts.passed | 0, failed: counts.failed | 0, pending: counts.pending | 0 };

let exitCode = outcome.code === 0 ? 0 : 1;
if (harnessError) {
  console.error('[integration] ERROR', harnessError.message ?? harnessError);
  if (outcome.serverLog && !process.env.CLINALIGN_IT_SERVER_LOG)
    console.error(outcome.serverLog.split('\n').slice(-20).join('\n'));
  // A harness failure (timeout, crash) counts as one failure so the summary never reads "…, 0 failed".
  counts.failed += 1;
  exitCode = 1;
} else if (!state.result) {
  console.error(
    '[integration] the extension host exited without reporting results (did out/test/integration/index.js load?)',
  );
  if (counts.failed === 0) counts.failed = 1;
  exitCode = 1;
}
if (counts.passed + counts.failed === 0) {
  console.error('[integration] no test ran');
  exitCode = 1;
}
if (counts.failed > 0) exitCode = 1;

mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
const tempResult = `${RESULT_FILE}.${process.pid}.tmp`;
writeFileSync(tempResult, JSON.stringify({ ...counts, exitCode, durationMs: Date.now() - t0 }, null, 2) + '\n');
renameSync(tempResult, RESULT_FILE);
log(`extension host exit code ${outcome.code ?? 'none'}, total ${elapsed()}`);
console.log(summaryLine(counts));
process.exit(exitCode);
