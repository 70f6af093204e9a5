#!/usr/bin/env node
// `npm start` (after `npm run build`): opens a scratch copy of examples/ (.vscode-test-tools/examples, so the
// tracked files never change) in an editor with this repo loaded as the extension under development, with a
// case open; the extension shows its walkthrough beside it on the first start.
//   - If a desktop `code` is on PATH: `code --extensionDevelopmentPath=<repo> <scratch> <scratch>/<case>`.
//   - Otherwise: code-server 4.100.3 (installed by scripts/setup-vscode-test-env.sh on first use) on
//     127.0.0.1:$PORT (default 8080, or a free port if 8080 is taken). Open the printed URL in a browser; its
//     `payload` parameter loads the extension from this repo. Ctrl+C stops code-server.
//     Editor state (settings, extensions, logs) lives in .vscode-test-tools/ so ~ is left alone.
// Arguments: --fresh copies examples/ again over the scratch copy (your edits there are lost).
// Environment: PORT, CLINALIGN_START_CODE_SERVER=1 (use code-server even if `code` exists), CODE_SERVER (an
// installed code-server to use instead of installing one), VSCODE_TEST_TOOLS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { caseToOpen, prepareScratchExamples, workbenchUrl, writeSessionSettings } from './lib/startSession.mjs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(REPO, 'examples');
const TOOLS = process.env.VSCODE_TEST_TOOLS || path.join(REPO, '.vscode-test-tools');
const CODE_SERVER = process.env.CODE_SERVER || path.join(TOOLS, 'node_modules', '.bin', 'code-server');
const HOST = '127.0.0.1';
const SCRATCH = path.join(TOOLS, 'examples');

const log = (...args) => console.log('[start]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, cmd)));
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port`);
    if (!(await portFree(port))) throw new Error(`PORT ${port} is already in use on ${HOST}`);
    return port;
  }
  return (await portFree(8080)) ? 8080 : anyFreePort();
}

// --- the scratch copy of examples/ ---------------------------------------------------------------------
mkdirSync(TOOLS, { recursive: true });
const copied = prepareScratchExamples(EXAMPLES, SCRATCH, { fresh: process.argv.includes('--fresh') });
log(
  `${copied ? 'copied examples/ to' : 'reusing'} ${SCRATCH}: edits go there, examples/ stays as committed (npm start -- --fresh copies it again).`,
);
const firstCase = caseToOpen(SCRATCH);

// --- desktop VS Code -------------------------------------------------------------------------------------
if (onPath('code') && !process.env.CLINALIGN_START_CODE_SERVER) {
  const args = [`--extensionDevelopmentPath=${REPO}`, SCRATCH, ...(firstCase ? [firstCase] : [])];
  log(`code ${args.join(' ')}`);
  const child = spawn('code', args, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  child.on('error', (err) => {
    console.error('[start] could not run `code`:', err.message);
    process.exit(1);
  });
} else {
  await startCodeServer();
}

// --- code-server -----------------------------------------------------------------------------------------
async function startCodeServer() {
  if (!existsSync(CODE_SERVER)) {
    // The first run installs code-server (about a minute) and, only if missing, the Debian packages it builds
    // with (ripgrep, libkrb5-dev), which needs root or sudo. The browser for the tests is not needed here.
    log(
      'code-server is not installed yet: running scripts/setup-vscode-test-env.sh (about a minute; progress follows)',
    );
    const r = spawnSync('bash', [path.join(REPO, 'scripts', 'setup-vscode-test-env.sh')], {
      stdio: 'inherit',
      env: { ...process.env, CLINALIGN_SETUP_NO_BROWSER: '1' },
    });
    if (r.status !== 0 || !existsSync(CODE_SERVER)) {
      console.error(
        '[start] setup-vscode-test-env.sh failed (see above); README "Set up" says what to do without root',
      );
      process.exit(1);
    }
  }

  const data = path.join(TOOLS, 'user-data');
  const userData = path.join(data, 'vscode');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (writeSessionSettings(settingsFile) === 'kept') log(`${settingsFile} is not plain JSON, so it was left as it is`);
  const sockDir = mkdtempSync(path.join(os.tmpdir(), 'clinalign-start-'));
  process.on('exit', () => rmSync(sockDir, { recursive: true, force: true }));
  const config = path.join(data, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(data, 'xdg-config'),
    XDG_DATA_HOME: path.join(data, 'xdg-data'),
    XDG_CACHE_HOME: path.join(data, 'xdg-cache'),
    XDG_STATE_HOME: path.join(data, 'xdg-state'),
    // IPC sockets (vscode-ipc-*.sock) go to $TMPDIR; a short private dir keeps them under the 108-byte limit.
    TMPDIR: sockDir,
  };
  delete env.PORT; // code-server would read it too; we pass --bind-addr explicitly

  let port;
  try {
    port = await choosePort();
  } catch (err) {
    console.error('[start]', err.message);
    process.exit(1);
  }
  const authority = `${HOST}:${port}`;
  const server = spawn(
    CODE_SERVER,
    [
      '--bind-addr',
      authority,
      '--auth',
      'none',
      '--config',
      config,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      path.join(data, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let serverLog = '';
  let exited = false;
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  server.once('exit', (code, signal) => {
    exited = true;
    if (!stopping) {
      console.error(`[start] code-server exited (${signal ?? code}):\n${serverLog.split('\n').slice(-30).join('\n')}`);
      process.exit(1);
    }
  });

  let stopping = false;
  const stop = async (sig, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping code-server`);
    const kill = (s) => {
      try {
        process.kill(-server.pid, s);
      } catch {
        /* gone */
      }
    };
    kill('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    kill('SIGKILL');
    process.exit(exitCode);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
  process.on('exit', () => {
    if (!exited) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });

  for (let waited = 0; ; waited += 100) {
    if (exited) return; // the exit handler reports it
    try {
      if ((await fetch(`http://${authority}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (waited > 60_000) {
      console.error(`[start] code-server did not start within 60 s:\n${serverLog}`);
      await stop('timeout', 1);
    }
    await sleep(100);
  }
  // From here on, stream code-server's log (it is quiet unless something goes wrong).
  for (const line of serverLog.split('\n')) if (line.trim()) console.log(`[code-server] ${line}`);
  server.stdout.on('data', (d) => process.stdout.write(`[code-server] ${d}`));
  server.stderr.on('data', (d) => process.stderr.write(`[code-server] ${d}`));

  const url = workbenchUrl(authority, SCRATCH, REPO, firstCase);
  const distMissing = !existsSync(path.join(REPO, 'dist', 'extension.js'));
  if (distMissing) log('WARNING: dist/extension.js is missing — run `npm run build`.');
  log(`code-server ${authority} serves ${SCRATCH} with the ClinAlign extension from ${REPO}.`);
  log(`From another machine: ssh -L ${port}:127.0.0.1:${port} <this-host> (same port), then open the same URL.`);
  log('After `npm run build` (or `npm run watch`), reload the browser tab to pick up the new extension.');
  log('Ctrl+C stops code-server.');
  console.log('');
  console.log(`Open ${url} in your browser`);
  console.log('');
}
