// `npm start` (scripts/start.mjs) opens a scratch copy of examples/ with a case, and the setup script it runs
// says what it installs and what to do without root (issue 15). start.mjs runs against a stand-in code-server.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// prettier-ignore
// @ts-expect-error: a plain .mjs module of the scripts, without types
import { FIRST_CASE, prepareScratchExamples, SESSION_SETTINGS, workbenchUrl, writeSessionSettings } from '../../../scripts/lib/startSession.mjs';

const REPO = resolve(__dirname, '../../..');

describe('npm start: session preparation', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'clinalign-start-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('copies examples/ to a scratch folder once, keeps edits there across starts, and --fresh copies again', () => {
    const scratch = join(tmp, 'examples');
    assert.equal(prepareScratchExamples(join(REPO, 'examples'), scratch), true);
    assert.ok(existsSync(join(scratch, FIRST_CASE)));
    writeFileSync(join(scratch, FIRST_CASE), 'edited');
    assert.equal(prepareScratchExamples(join(REPO, 'examples'), scratch), false);
    assert.equal(readFileSync(join(scratch, FIRST_CASE), 'utf8'), 'edited');
    assert.equal(prepareScratchExamples(join(REPO, 'examples'), scratch, { fresh: true }), true);
    assert.equal(
      readFileSync(join(scratch, FIRST_CASE), 'utf8'),
      readFileSync(join(REPO, 'examples', FIRST_CASE), 'utf8'),
    );
  });

  it('writes the session settings over existing ones, keeps the rest, and leaves a file with comments alone', () => {
    const file = join(tmp, 'settings.json');
    writeFileSync(file, JSON.stringify({ 'editor.fontSize': 16, 'workbench.startupEditor': 'welcomePage' }));
    assert.equal(writeSessionSettings(file), 'written');
    const settings = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(settings['editor.fontSize'], 16);
    assert.equal(settings['workbench.startupEditor'], 'none');
    assert.equal(settings['git.openRepositoryInParentFolders'], 'never');
    writeFileSync(file, '// mine\n{}');
    assert.equal(writeSessionSettings(file), 'kept');
    assert.equal(readFileSync(file, 'utf8'), '// mine\n{}');
    assert.equal(SESSION_SETTINGS['git.openRepositoryInParentFolders'], 'never');
  });

  it('the workbench URL opens the scratch folder and a case in it, with the extension from the repository', () => {
    const url = new URL(workbenchUrl('127.0.0.1:8080', '/t/examples', '/repo', `/t/examples/${FIRST_CASE}`));
    assert.equal(url.searchParams.get('folder'), '/t/examples');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload')!), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:8080/repo'],
      ['openFile', `vscode-remote://127.0.0.1:8080/t/examples/${FIRST_CASE}`],
    ]);
  });

  it('start.mjs opens the scratch copy with a case, never the tracked examples/, and writes the session settings', async function () {
    this.timeout(20000);
    const fake = join(tmp, 'code-server');
    // A stand-in code-server: answers /healthz on --bind-addr until it is stopped.
    writeFileSync(
      fake,
      `#!${process.execPath}\nconst i = process.argv.indexOf('--bind-addr'); const [h, p] = process.argv[i + 1].split(':');\nrequire('node:http').createServer((q, r) => r.end('ok')).listen(Number(p), h);\n`,
    );
    chmodSync(fake, 0o755);
    const tools = join(tmp, 'tools');
    const child = spawn(process.execPath, [join(REPO, 'scripts', 'start.mjs')], {
      env: { ...process.env, CODE_SERVER: fake, VSCODE_TEST_TOOLS: tools, CLINALIGN_START_CODE_SERVER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const deadline = Date.now() + 15000;
      while (!/Open (\S+) in your browser/.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) assert.fail(`no URL printed:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = new URL(/Open (\S+) in your browser/.exec(out)![1]!);
      assert.equal(url.searchParams.get('folder'), join(tools, 'examples'));
      assert.match(url.searchParams.get('payload')!, new RegExp(`${FIRST_CASE.replace(/\./g, '\\.')}`));
      assert.ok(existsSync(join(tools, 'examples', FIRST_CASE)));
      const settings = JSON.parse(readFileSync(join(tools, 'user-data', 'vscode', 'User', 'settings.json'), 'utf8'));
      assert.equal(settings['git.openRepositoryInParentFolders'], 'never');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});

describe('npm start: setup-vscode-test-env.sh without root', () => {
  let bin: string;
  let tmp: string;
  const script = join(REPO, 'scripts', 'setup-vscode-test-env.sh');
  /** A PATH with only what the script's first step uses, a non-root `id` and a `dpkg` that knows no package. */
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'clinalign-setup-'));
    bin = join(tmp, 'bin');
    mkdirSync(bin);
    for (const tool of ['date', 'dirname', 'mkdir', 'flock', 'true']) {
      const found = spawnSync('bash', ['-c', `type -P ${tool}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, join(bin, tool));
    }
    const stub = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    };
    stub('id', 'echo 1000');
    stub('dpkg', 'exit 1');
    stub(
      'apt-get',
      'echo "apt-get $*"; [ "$1" = update ] && echo "Hit:1 http://deb.debian.org/debian bookworm InRelease"; exit 0',
    );
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (env: Record<string, string> = {}) =>
    spawnSync('/bin/bash', [script], {
      encoding: 'utf8',
      env: { PATH: bin, VSCODE_TEST_TOOLS: join(tmp, 'tools'), ...env },
    });

  it('without root or sudo names the packages and every way on, and exits 1', () => {
    const result = run();
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /not root and no sudo: cannot install chromium ripgrep libkrb5-dev/);
    assert.match(result.stdout, /sudo apt-get install -y --no-install-recommends chromium ripgrep libkrb5-dev/);
    assert.match(result.stdout, /CODE_SERVER=/);
    assert.match(result.stdout, /desktop VS Code/);
  });

  it('for npm start (CLINALIGN_SETUP_NO_BROWSER) does not ask for the browser; with sudo it prints apt progress', () => {
    writeFileSync(join(bin, 'sudo'), '#!/bin/bash\n[ "$1" = -n ] && shift\nexec "$@"\n');
    chmodSync(join(bin, 'sudo'), 0o755);
    symlinkSync(spawnSync('bash', ['-c', 'type -P env'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'env'));
    // An installed code-server, so the script stops after the packages.
    const tools = join(tmp, 'tools');
    mkdirSync(join(tools, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(tools, 'node_modules', '.bin', 'code-server'), '');
    chmodSync(join(tools, 'node_modules', '.bin', 'code-server'), 0o755);
    writeFileSync(join(tools, '.code-server-4.100.3.installed'), '');
    const result = run({ CLINALIGN_SETUP_NO_BROWSER: '1' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /installing Debian packages with apt-get \(through sudo\): ripgrep libkrb5-dev \(about a minute\)/,
    );
    assert.ok(!result.stdout.includes('chromium'), result.stdout);
    assert.match(result.stdout, /Hit:1 http:\/\/deb\.debian\.org/, 'apt-get output is shown, not sent to /dev/null');
    assert.match(result.stdout, /Debian packages installed in \d+s/);
  });
});
