import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

/** A problem with where output would go: the caller reports it instead of writing. */
export class UnsafeOutputError extends Error {}

/**
 * The path of `name` inside `dir`, refusing anything that would land outside it: names with separators or
 * `..`, and existing symbolic links (a link inside DIR pointing elsewhere would redirect the write).
 */
export function outputPath(dir: string, name: string, fs: FileSystemPort = nodeFileSystem): string {
  if (name === '' || name === '.' || name === '..' || /[\\/]/.test(name) || name.includes('\0')) {
    throw new UnsafeOutputError(`refusing to write "${name}": output names may not contain path separators or ".."`);
  }
  const root = resolve(dir);
  const target = resolve(root, name);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new UnsafeOutputError(`refusing to write outside ${root}: ${name}`);
  let isLink = false;
  try {
    isLink = fs.lstat(target).isSymbolicLink();
  } catch {
    // Does not exist yet: fine.
  }
  if (isLink) throw new UnsafeOutputError(`refusing to write through the symbolic link ${target}`);
  return target;
}

/** Creates the output folder; refuses a path that exists and is not a folder. */
export function prepareOutputFolder(dir: string, fs: FileSystemPort = nodeFileSystem): string {
  fs.mkdir(dir, { recursive: true });
  const real = fs.realpath(dir);
  if (!fs.lstat(real).isDirectory()) throw new UnsafeOutputError(`${dir} is not a folder`);
  return real;
}

/**
 * A file written to a temporary name beside its target and renamed over it on `commit`, so a crash or a
 * cancelled run leaves the previous file intact. Writes respect back-pressure; the sha256 is computed as the
 * bytes go out, so the file is never read back.
 */
export class AtomicFile {
  readonly temp: string;
  private readonly stream: Writable;
  private readonly hash: Hash = createHash('sha256');
  private failure: Error | undefined;
  bytes = 0;
  lines = 0;

  constructor(
    readonly target: string,
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {
    this.temp = join(target, '..', `.${target.split(/[\\/]/).pop()}.${process.pid}.${Date.now()}.tmp`);
    this.stream = fs.createWriteStream(this.temp, { exclusive: true });
    this.stream.on('error', (error) => (this.failure = error));
  }

  /** Small writes are gathered into chunks of this size: far fewer stream operations for a JSONL file. */
  private static readonly CHUNK = 256 * 1024;
  private pending = '';

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.hash.update(text);
    this.bytes += Buffer.byteLength(text);
    this.pending += text;
    if (this.pending.length >= AtomicFile.CHUNK) await this.flush();
  }

  async writeLine(record: unknown): Promise<void> {
    this.lines++;
    await this.write(`${JSON.stringify(record)}\n`);
  }

  private async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    // `once` rejects on 'error' and removes its listeners either way.
    if (chunk !== '' && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes, renames over the target (or `as`, in the same folder), and returns the sha256 hex of what was written. */
  async commit(as: string = this.target): Promise<string> {
    await this.close();
    this.fs.rename(this.temp, as);
    return this.hash.digest('hex');
  }

  /** Removes the temporary file; the target is untouched. */
  async discard(): Promise<void> {
    await this.close().catch(() => {});
    this.fs.rm(this.temp, { force: true });
  }

  private async close(): Promise<void> {
    if (!this.failure && !this.stream.closed) await this.flush();
    return new Promise((done, fail) => {
      if (this.failure) return fail(this.failure);
      if (this.stream.closed) return done();
      this.stream.end((error?: Error | null) => (error ? fail(error) : done()));
    });
  }
}

/** Writes a whole small file atomically (manifest, card, report). */
export async function writeFileAtomic(
  target: string,
  text: string,
  fs: FileSystemPort = nodeFileSystem,
): Promise<string> {
  const file = new AtomicFile(target, fs);
  try {
    await file.write(text);
    return await file.commit();
  } catch (error) {
    await file.discard();
    throw error;
  }
}
