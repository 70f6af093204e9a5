import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
// tsx is resolved from the project, since the CLI runs in temporary folders.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (through tsx) in `cwd`. */
export function clinalign(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CliResult {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The real CLI, spawned asynchronously so that an in-process test server can answer it. */
export function clinalignAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let cacheRoot: string | undefined;

/** A new, empty judge cache folder, so that runs never touch the user's cache or each other's; removed on exit. */
export function freshCacheDir(): string {
  if (!cacheRoot) {
    const root = (cacheRoot = mkdtempSync(join(tmpdir(), 'clinalign-test-cache-')));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return mkdtempSync(join(cacheRoot, 'run-'));
}

/**
 * The environment without any endpoint settings of the machine running the tests, and with a judge cache of
 * its own (reuse the returned object for runs that should share a cache).
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'CLINALIGN_BASE_URL',
    'CLINALIGN_MODEL',
    'CLINALIGN_JUDGE_MODEL',
    'CLINALIGN_API_KEY',
    'OPENAI_API_KEY',
  ])
    delete env[name];
  return { ...env, CLINALIGN_CACHE_DIR: freshCacheDir(), ...extra };
}

/** Temporary folders with the given files, removed after the suite that made them. */
export function workspaceFactory(prefix: string): (files: Record<string, string>) => string {
  const created: string[] = [];
  after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    created.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
}
