// What the real-editor runners share (scripts/run-integration-tests.mjs, scripts/run-ui-tests.mjs): an
// isolated code-server (its own settings, extensions, XDG and temp folders, so neither the repository nor ~ is
// touched), started on a free loopback port and killed with its whole process group, and Debian's Chromium
// driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, the test tools and the browser every runner uses (each overridable by the environment). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS = process.env.VSCODE_TEST_TOOLS || path.join(REPO, '.vscode-test-tools');
export const CODE_SERVER = process.env.CODE_SERVER || path.join(TOOLS, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Chromium flags for this machine: no sandbox as root, and no network chatter to a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench quiet and offline. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** playwright-core from the project (a devDependency), else from the tools folder. */
export function loadPlaywright(bases) {
  for (const base of bases) {
    try {
      return createRequire(path.join(base, 'package.json'))('playwright-core');
    } catch {
      /* try the next one */
    }
  }
  throw new Error('playwright-core not found: run `npm ci` first');
}

/**
 * Folders, settings and environment for an editor that lives entirely inside `tmp`. Returns the code-server
 * arguments that point at them.
 */
export function isolatedEditor(tmp, extraSettings = {}) {
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const config = path.join(tmp, 'config.yaml');
  const settings = JSON.stringify({ ...QUIET_SETTINGS, ...extraSettings }, null, 2);
  // code-server keeps user settings in Machine/ as well as User/; write both.
  for (const dir of ['User', 'Machine']) {
    mkdirSync(path.join(userData, dir), { recursive: true });
    writeFileSync(path.join(userData, dir, 'settings.json'), settings);
  }
  writeFileSync(config, 'auth: none\ncert: false\n');
  mkdirSync(path.join(tmp, 'tmp'), { recursive: true });
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    XDG_STATE_HOME: path.join(tmp, 'xdg-state'),
    // The extension host's IPC sockets go to $TMPDIR: keep them in tmp too.
    TMPDIR: path.join(tmp, 'tmp'),
  };
  delete env.VSCODE_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    env,
    userData,
    extensionsDir,
    args: ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir],
  };
}

/**
 * Starts code-server on a free loopback port in its own process group and waits for /healthz.
 * `echoLog` mirrors its output. Returns the child process and the `host:port` authority.
 */
export async function startCodeServer({
  codeServer,
  cwd,
  editor,
  workspaceTrust = false,
  echoLog = false,
  startupTimeoutMs = 60_000,
}) {
  const authority = `127.0.0.1:${await freePort()}`;
  const server = spawn(
    codeServer,
    [
      ...editor.args,
      '--bind-addr',
      authority,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--disable-file-downloads',
      '--ignore-last-opened',
    ],
    { cwd, env: editor.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const onData = (data) => {
    output += data;
    if (echoLog) process.stdout.write(`[code-server] ${data}`);
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  let exited = false;
  server.once('exit', () => (exited = true));
  for (let waited = 0; ; waited += 100) {
    if (exited) throw new Error(`code-server exited during startup:\n${output}`);
    try {
      if ((await fetch(`http://${authority}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (waited > startupTimeoutMs)
      throw new Error(`code-server did not start within ${startupTimeoutMs} ms:\n${output}`);
    await sleep(100);
  }
  return { server, authority, output: () => output };
}

/** Signals code-server's whole process group (it was started detached, so it leads one). */
export function killProcessGroup(server, signal) {
  if (!server) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
}

/** SIGTERM, a few seconds' grace, then SIGKILL for what is left of the group (extension host, pty host). */
export async function stopCodeServer(server) {
  if (!server) return;
  if (server.exitCode === null && server.signalCode === null) {
    killProcessGroup(server, 'SIGTERM');
    await Promise.race([new Promise((resolve) => server.once('exit', resolve)), sleep(5000)]);
  }
  killProcessGroup(server, 'SIGKILL');
}

export function launchChromium(chromium, { executablePath, env, headless = true }) {
  return chromium.launch({
    executablePath,
    headless,
    env, // Chromium's profile and cache go to the editor's temp XDG folders
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_ARGS,
  });
}

/**
 * What a run must release however it ends — Chromium, code-server's process group, the temp folder — and the
 * exit and signal handlers that release it. Assign `server`, `browser` and `tmp` as they come into being.
 */
export class RunResources {
  server;
  browser;
  tmp;
  #cleanedUp = false;

  constructor({ log, keepTmp }) {
    this.log = log;
    this.keepTmp = keepTmp;
    // Last resort if something calls process.exit() directly.
    process.on('exit', () => {
      if (this.server && !this.#cleanedUp) killProcessGroup(this.server, 'SIGKILL');
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, async () => {
        log(`received ${signal}, stopping code-server`);
        await this.cleanup();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    }
  }

  async cleanup() {
    if (this.#cleanedUp) return;
    this.#cleanedUp = true;
    if (this.browser) await Promise.race([this.browser.close().catch(() => {}), sleep(5000)]);
    await stopCodeServer(this.server);
    if (this.tmp) {
      if (this.keepTmp) this.log('kept temp folder', this.tmp);
      else rmSync(this.tmp, { recursive: true, force: true });
    }
  }
}

/** Installs code-server (scripts/setup-vscode-test-env.sh) when it is missing; fails clearly without Chromium. */
export function ensureTools({ repo, codeServer, chromium, log }) {
  if (!existsSync(codeServer)) {
    log('code-server missing: running scripts/setup-vscode-test-env.sh');
    const result = spawnSync('bash', [path.join(repo, 'scripts', 'setup-vscode-test-env.sh')], { stdio: 'inherit' });
    if (result.status !== 0 || !existsSync(codeServer)) throw new Error('setup-vscode-test-env.sh failed');
  }
  if (!existsSync(chromium)) throw new Error(`${chromium} missing: run scripts/setup-vscode-test-env.sh`);
}
