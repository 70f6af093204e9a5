#!/usr/bin/env node
// `npm run test:ui` (node --import tsx scripts/run-ui-tests.mjs): the UI tests "as a person would run them".
//
//   1. `npm run package` builds the production .vsix (into out/ui/); its zip entries are checked: no
//      node_modules, tests, sources or source maps, and dist/extension.js under 1 MB.
//   2. code-server 4.100.3 (.vscode-test-tools/, see scripts/setup-vscode-test-env.sh) installs that .vsix with
//      `--install-extension` into a fresh extensions dir, then serves the workbench on 127.0.0.1 with a fresh
//      user-data dir and a temp copy of examples/.
//   3. Headless Debian Chromium (playwright-core, /usr/bin/chromium) opens the workbench and
//      test/e2e/personJourney.ts drives it with keys and the mouse: Quick Open, typing, squiggle, Problems,
//      hover, Ctrl+. quick fix, the Principles view and its filter, the output channel.
//
// Every step is one test. Screenshots of each step go to test-results/ui/ (git-ignored). Measured figures
// (typing → squiggle latency, activation time, sizes) are printed, not asserted. The last line printed is
// `N passed, N failed`; the counts also go to out/test/ui-result.json (read by scripts/test-summary.mjs).
// Exit code 0 only if every step passed. code-server's process group is always killed.
//
// Steps: test/e2e/personJourney.ts, then the `steps` of every test/e2e/*.ui.ts (same UiStep shape).
//
// Environment:
//   CLINALIGN_UI_GREP=<regexp>        run only the steps whose names match (plus the critical set-up steps)
//   CLINALIGN_UI_VSIX=<file>          use this .vsix instead of running `npm run package`
//   CLINALIGN_UI_SHOTS=<dir>          screenshots there instead of test-results/ui/ (emptied first)
//   CLINALIGN_UI_TIMEOUT_MS=<ms>      whole-run timeout (default 300000)
//   CLINALIGN_UI_HEADED=1             show the browser window (needs a display)
//   CLINALIGN_UI_BROWSER_CONSOLE=1    echo the workbench's browser console
//   CLINALIGN_UI_SERVER_LOG=1         echo code-server's own log
//   CLINALIGN_UI_KEEP_TMP=1           keep the temp workspace + data dirs (path printed)
//   CODE_SERVER, CHROMIUM             override the code-server / chromium executables
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
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

const RESULT_FILE = path.join(REPO, 'out', 'test', 'ui-result.json');
const SHOTS = path.resolve(process.env.CLINALIGN_UI_SHOTS || path.join(REPO, 'test-results', 'ui'));
const VSIX_OUT = path.join(REPO, 'out', 'ui', 'clinalign.vsix');
const TIMEOUT_MS = Number(process.env.CLINALIGN_UI_TIMEOUT_MS || 300_000);
const STARTUP_TIMEOUT_MS = 60_000;
const EXTENSION_JS_LIMIT = 1024 * 1024;

const t0 = Date.now();
const log = (...args) => console.log('[ui]', ...args);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const results = []; // { name, ok, ms, error }
const figures = []; // [name, value]

/** Names and sizes of a zip's entries, from its central directory (a .vsix is a zip). */
function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeader = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, size, method, compressedSize, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const read = (entry) => {
    const lh = entry.localHeader;
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    return entry.method === 0 ? data : inflateRawSync(data);
  };
  return { entries, read };
}

// ---------------------------------------------------------------------------------------------------------
// Released however the run ends: code-server's process group, Chromium, the temp folder.
const run = new RunResources({ log, keepTmp: Boolean(process.env.CLINALIGN_UI_KEEP_TMP) });

/** Runs one step as a test; returns whether it passed. */
async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - started });
    log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    return true;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    results.push({ name, ok: false, ms: Date.now() - started, error });
    log(`  ✘ ${name}\n      ${error.split('\n').join('\n      ')}`);
    return false;
  }
}

function notRun(name, reason) {
  results.push({ name, ok: false, ms: 0, error: `not run: ${reason}` });
  log(`  ✘ ${name} (not run: ${reason})`);
}

// ---------------------------------------------------------------------------------------------------------
async function main() {
  // 0. Tools.
  ensureTools({ repo: REPO, codeServer: CODE_SERVER, chromium: CHROMIUM, log });
  const { chromium } = loadPlaywright([REPO, TOOLS]);
  // personJourney.ts first (it opens the workbench and a case), then every test/e2e/*.ui.ts in name order.
  const e2e = path.join(REPO, 'test', 'e2e');
  const stepFiles = [
    'personJourney.ts',
    ...readdirSync(e2e)
      .filter((f) => f.endsWith('.ui.ts'))
      .sort(),
  ];
  let steps = [];
  for (const file of stepFiles) steps.push(...(await import(path.join(e2e, file))).steps);
  if (process.env.CLINALIGN_UI_GREP) {
    const grep = new RegExp(process.env.CLINALIGN_UI_GREP, 'i');
    steps = steps.filter((s) => s.critical || grep.test(s.name));
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });

  // 1. The .vsix, as a user would get it.
  let vsix = process.env.CLINALIGN_UI_VSIX;
  const packaged = await step(
    'package: the .vsix has dist/, principles/ and media/ only, and dist/extension.js < 1 MB',
    async () => {
      if (!vsix) {
        mkdirSync(path.dirname(VSIX_OUT), { recursive: true });
        rmSync(VSIX_OUT, { force: true });
        const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', VSIX_OUT], {
          cwd: REPO,
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
        vsix = VSIX_OUT;
      }
      const { entries, read } = zipEntries(vsix);
      const files = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
      const bad = files.filter(
        (n) =>
          /(^|\/)(node_modules|src|test|bench|scripts|out|examples|webview)\//.test(n) ||
          /\.(ts|map|mjs|cjs)$/.test(n) ||
          /(^|\/)\.|tsconfig|esbuild/.test(n),
      );
      if (bad.length) throw new Error(`the .vsix holds files that do not belong there: ${bad.join(', ')}`);
      for (const needed of [
        'extension/package.json',
        'extension/THIRD_PARTY_NOTICES.md',
        'extension/dist/extension.js',
        'extension/dist/principles.snapshot.json',
        'extension/dist/concepts.snapshot.json',
        'extension/dist/phrases.snapshot.json',
        'extension/principles/concepts/context.yaml',
        'extension/media/clinalign.svg',
      ]) {
        if (!files.includes(needed)) throw new Error(`the .vsix lacks ${needed}`);
      }
      if (!files.some((n) => /^extension\/principles\/[^/]+\.yaml$/.test(n)))
        throw new Error('the .vsix has no principles/*.yaml');
      const extensionJs = entries.find((e) => e.name === 'extension/dist/extension.js');
      const code = read(extensionJs).toString('utf8');
      if (extensionJs.size >= EXTENSION_JS_LIMIT)
        throw new Error(`dist/extension.js is ${kb(extensionJs.size)} (limit 1 MB)`);
      // Minified: long lines (the only line breaks left are inside template literals). Unminified esbuild output averages ~40.
      if (code.length / code.split('\n').length < 400)
        throw new Error('dist/extension.js in the .vsix is not minified');
      if (/sourceMappingURL/.test(code.slice(-300)))
        throw new Error('dist/extension.js in the .vsix points at a source map');
      figures.push(['dist/extension.js (minified, in the .vsix)', kb(extensionJs.size)]);
      figures.push([
        '.vsix',
        `${kb(statSync(vsix).size)}, ${files.length} files: ${files
          .map((f) => f.replace(/^extension\//, ''))
          .filter((f) => !f.startsWith('principles/') && !f.startsWith('media/walkthrough/'))
          .join(', ')}, principles/*.yaml, media/walkthrough/*.md`,
      ]);
    },
  );
  const skipAll = (reason) => {
    for (const s of [{ name: 'install: code-server --install-extension installs the .vsix' }, ...steps]) {
      if (!results.some((r) => r.name === s.name)) notRun(s.name, reason);
    }
  };
  if (!packaged) return skipAll('no .vsix');

  // 2. Fresh temp workspace (a copy of examples/) and data dirs, so neither the repo nor ~ is touched.
  const tmp = (run.tmp = mkdtempSync(path.join(os.tmpdir(), 'clinalign-ui-')));
  const workspace = path.join(tmp, 'examples');
  cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
  const editor = isolatedEditor(tmp, {
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  });
  const { env, userData, extensionsDir } = editor;
  const common = editor.args;

  const installed = await step('install: code-server --install-extension installs the .vsix', async () => {
    const r = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix], {
      cwd: tmp,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0) throw new Error(`exit ${r.status}:\n${out}`);
    const dirs = existsSync(extensionsDir) ? readdirSync(extensionsDir) : [];
    if (!dirs.some((d) => /^clinalign\.clinalign-/.test(d)))
      throw new Error(`not in the extensions dir (${dirs.join(', ')}):\n${out}`);
  });
  if (!installed) return skipAll('the .vsix did not install');

  // 3. code-server, without any development path: the workbench loads only the installed extension.
  const started = await startCodeServer({
    codeServer: CODE_SERVER,
    cwd: tmp,
    editor,
    echoLog: Boolean(process.env.CLINALIGN_UI_SERVER_LOG),
    startupTimeoutMs: STARTUP_TIMEOUT_MS,
  });
  run.server = started.server;
  const { authority } = started;
  log(`code-server ${authority} up after ${elapsed()}`);

  // 4. Chromium on the workbench.
  const browser = (run.browser = await launchChromium(chromium, {
    executablePath: CHROMIUM,
    env,
    headless: !process.env.CLINALIGN_UI_HEADED,
  }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => {
    if (process.env.CLINALIGN_UI_BROWSER_CONSOLE) console.log('[browser]', m.type(), m.text());
  });
  page.on('pageerror', (e) => {
    if (process.env.CLINALIGN_UI_BROWSER_CONSOLE) console.log('[browser] pageerror', e.message);
  });
  // tsx compiles test/e2e/*.ts with esbuild's keepNames, so functions passed to page.evaluate call __name().
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}`;
  log(`workspace ${workspace}`);
  await page.goto(url, { timeout: STARTUP_TIMEOUT_MS });

  const ctx = {
    page,
    workspace,
    userDataDir: userData,
    shot: async (name) => {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    },
    figure: (name, value) => figures.push([name, value]),
    log: (...args) => log('   ', ...args),
  };
  let blocked;
  for (const s of steps) {
    if (blocked) {
      notRun(s.name, `"${blocked}" failed`);
      continue;
    }
    const ok = await step(s.name, () => s.run(ctx));
    if (!ok) {
      await page.screenshot({ path: path.join(SHOTS, `failed-${results.length}.png`) }).catch(() => {});
      // Close whatever menu, hover or input box the failed step left open, so the next step starts clean.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => {});
      if (s.critical) blocked = s.name;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
let harnessError;
let timer;
try {
  await Promise.race([
    main(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    }),
  ]);
} catch (err) {
  harnessError = err;
} finally {
  clearTimeout(timer);
}
await run.cleanup();

if (harnessError) {
  console.error('[ui] ERROR', harnessError.message ?? harnessError);
  // A harness failure counts as one failure so the summary never reads "…, 0 failed".
  results.push({ name: 'harness', ok: false, ms: 0, error: String(harnessError.message ?? harnessError) });
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (figures.length) {
  log('figures:');
  for (const [name, value] of figures) log(`  ${name}: ${value}`);
}
log(`screenshots in ${SHOTS.startsWith(REPO + path.sep) ? path.relative(REPO, SHOTS) : SHOTS}/, total ${elapsed()}`);
mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
const tempResult = `${RESULT_FILE}.${process.pid}.tmp`;
writeFileSync(
  tempResult,
  JSON.stringify(
    { passed, failed, pending: 0, durationMs: Date.now() - t0, figures: Object.fromEntries(figures), tests: results },
    null,
    2,
  ) + '\n',
);
renameSync(tempResult, RESULT_FILE);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
