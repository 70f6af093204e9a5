import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './cliError';

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** Markdown files named on the command line, and `*.md` (including `*.case.md`) under named folders. */
export function collectMarkdownFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new CliError(`no such file or folder: ${path}`);
    if (statSync(path).isDirectory()) walk(resolve(path), files);
    else files.push(resolve(path));
  }
  return [...new Set(files)].sort();
}

function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.push(full);
  }
}
