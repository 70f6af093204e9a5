import { posix } from 'node:path';
import { Writable } from 'node:stream';
import type {
  AsyncFileSystemPort,
  AsyncOpenFile,
  DirEntry,
  FileStats,
  FileSystemPort,
  OpenFile,
} from '../../src/core/project/fileSystemPort';

type MemoryNode =
  | { kind: 'file'; data: Buffer; mode: number; mtimeMs: number }
  | { kind: 'folder'; mode: number; mtimeMs: number }
  | { kind: 'link'; target: string; mtimeMs: number };

/** An Error as node:fs throws it, so the core's decisions on `code` work the same. */
const { dirname } = posix;

function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/**
 * A FileSystemPort over a map in memory, POSIX paths only: files, folders and symbolic links, with the
 * errors node:fs gives (ENOENT, EEXIST, ENOTDIR, ENOTEMPTY, ELOOP). Enough of a file system to run the core's
 * real project, principle and dataset code in a test without touching the disk.
 */
export class MemoryFileSystem implements FileSystemPort {
  private readonly nodes = new Map<string, MemoryNode>([['/', { kind: 'folder', mode: 0o755, mtimeMs: 0 }]]);
  /** Every path an operation was asked about, to show what the core did. */
  readonly touched: string[] = [];
  private clock = 1;

  /** Creates `path` with its folders. */
  put(path: string, text: string): this {
    this.mkdir(dirname(path), { recursive: true });
    this.writeFile(path, text);
    return this;
  }

  symlink(target: string, path: string): this {
    this.mkdir(dirname(path), { recursive: true });
    this.nodes.set(posix.resolve(path), { kind: 'link', target, mtimeMs: this.clock++ });
    return this;
  }

  /** Every file's text by path (folders and links left out). */
  files(): Map<string, string> {
    const files = new Map<string, string>();
    for (const [path, node] of this.nodes) if (node.kind === 'file') files.set(path, node.data.toString('utf8'));
    return files;
  }

  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  stat(path: string): FileStats {
    return statsOf(this.existing(this.resolve(path, true)));
  }

  lstat(path: string): FileStats {
    return statsOf(this.existing(this.resolve(path, false)));
  }

  realpath(path: string): string {
    const real = this.resolve(path, true);
    this.existing(real);
    return real;
  }

  readdir(path: string): string[] {
    const folder = this.resolve(path, true);
    const node = this.existing(folder);
    if (node.kind !== 'folder') throw fsError('ENOTDIR', path);
    return [...this.nodes.keys()].filter((p) => p !== '/' && dirname(p) === folder).map((p) => posix.basename(p));
  }

  readdirEntries(path: string): DirEntry[] {
    const folder = this.resolve(path, true);
    return this.readdir(path).map((name) => {
      const node = this.nodes.get(posix.join(folder, name))!;
      return { name, isFile: () => node.kind === 'file', isDirectory: () => node.kind === 'folder' };
    });
  }

  readText(path: string): string {
    return this.file(this.resolve(path, true), path).data.toString('utf8');
  }

  writeFile(path: string, data: string | Uint8Array, options?: { exclusive?: boolean }): void {
    const target = this.resolve(path, !options?.exclusive);
    if (options?.exclusive && this.nodes.has(target)) throw fsError('EEXIST', path);
    this.folderOf(target);
    const mode = this.nodes.get(target)?.kind === 'file' ? (this.nodes.get(target) as { mode: number }).mode : 0o644;
    this.nodes.set(target, { kind: 'file', data: Buffer.from(data), mode, mtimeMs: this.clock++ });
  }

  mkdir(path: string, options?: { recursive?: boolean }): void {
    const target = this.resolve(path, true);
    const node = this.nodes.get(target);
    if (node) {
      if (node.kind === 'folder' && options?.recursive) return;
      throw fsError('EEXIST', path);
    }
    if (!this.nodes.has(dirname(target))) {
      if (!options?.recursive) throw fsError('ENOENT', path);
      this.mkdir(dirname(target), options);
    }
    this.folderOf(target);
    this.nodes.set(target, { kind: 'folder', mode: 0o755, mtimeMs: this.clock++ });
  }

  rename(from: string, to: string): void {
    const source = this.resolve(from, false);
    const target = this.resolve(to, false);
    this.existing(source);
    this.folderOf(target);
    const existing = this.nodes.get(target);
    if (existing?.kind === 'folder' && this.below(target).length > 0) throw fsError('ENOTEMPTY', to);
    for (const path of this.below(target)) this.nodes.delete(path);
    this.nodes.delete(target);
    for (const path of [source, ...this.below(source)]) {
      this.nodes.set(target + path.slice(source.length), this.nodes.get(path)!);
      this.nodes.delete(path);
    }
  }

  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void {
    const target = this.resolve(path, false);
    if (!this.nodes.has(target)) {
      if (options?.force) return;
      throw fsError('ENOENT', path);
    }
    const below = this.below(target);
    if (below.length > 0 && !options?.recursive) throw fsError('ENOTEMPTY', path);
    for (const p of [target, ...below]) this.nodes.delete(p);
  }

  rmdir(path: string): void {
    const target = this.resolve(path, false);
    if (this.existing(target).kind !== 'folder') throw fsError('ENOTDIR', path);
    this.rm(path);
  }

  chmod(path: string, mode: number): void {
    const node = this.existing(this.resolve(path, true));
    if (node.kind !== 'link') node.mode = mode & 0o7777;
  }

  open(path: string, mode: 'read' | 'update' | 'append'): OpenFile {
    const target = this.resolve(path, true);
    if (mode === 'append' && !this.nodes.has(target)) this.writeFile(target, '');
    const file = this.file(target, path);
    let position = 0;
    return {
      size: () => file.data.length,
      read: (buffer, offset, length, at) => file.data.copy(buffer, offset, at, at + length),
      readText: () => file.data.subarray(position).toString('utf8'),
      write: (text) => {
        file.data = Buffer.concat([file.data, Buffer.from(text)]);
        position = file.data.length;
      },
      truncate: (length) => {
        file.data = file.data.subarray(0, length);
      },
      close: () => {},
    };
  }

  createWriteStream(path: string, options?: { exclusive?: boolean }): Writable {
    this.writeFile(path, '', options);
    const file = this.file(this.resolve(path, true), path);
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        file.data = Buffer.concat([file.data, chunk]);
        done();
      },
    });
  }

  async *readTextChunks(path: string): AsyncIterable<string> {
    const text = this.readText(path);
    // Small chunks, so that lines are split across them as on a disk.
    for (let at = 0; at < text.length; at += 7) yield text.slice(at, at + 7);
  }

  readonly promises: AsyncFileSystemPort = {
    readText: async (path) => this.readText(path),
    writeFile: async (path, data, options) => this.writeFile(path, data, options),
    appendFile: async (path, text) => this.open(path, 'append').write(text),
    mkdir: async (path, options) => this.mkdir(path, options),
    rename: async (from, to) => this.rename(from, to),
    rm: async (path, options) => this.rm(path, options),
    lstat: async (path) => this.lstat(path),
    chmod: async (path, mode) => this.chmod(path, mode),
    openNoFollow: async (path, mode): Promise<AsyncOpenFile> => {
      const target = this.resolve(path, false);
      if (this.nodes.get(target)?.kind === 'link') throw fsError('ELOOP', path);
      const file = this.open(target, mode);
      return {
        readText: async () => file.readText(),
        write: async (text) => file.write(text),
        close: async () => file.close(),
      };
    },
  };

  /** The path with every link in its folders followed, and in its last part when `followLast`. */
  private resolve(path: string, followLast: boolean, depth = 0): string {
    this.touched.push(path);
    if (depth > 16) throw fsError('ELOOP', path);
    const parts = posix.resolve(path).split('/').filter(Boolean);
    let current = '/';
    for (const [index, part] of parts.entries()) {
      const next = posix.join(current, part);
      const node = this.nodes.get(next);
      const last = index === parts.length - 1;
      if (node?.kind === 'link' && (!last || followLast)) {
        current = this.resolve(posix.resolve(current, node.target), true, depth + 1);
      } else if (node && node.kind !== 'folder' && !last) {
        throw fsError('ENOTDIR', path);
      } else current = next;
    }
    return current;
  }

  private existing(path: string): MemoryNode {
    const node = this.nodes.get(path);
    if (!node) throw fsError('ENOENT', path);
    return node;
  }

  private file(real: string, asked: string): Extract<MemoryNode, { kind: 'file' }> {
    const node = this.existing(real);
    if (node.kind !== 'file') throw fsError('EISDIR', asked);
    return node;
  }

  /** Throws ENOENT unless the folder that would hold `path` exists. */
  private folderOf(path: string): void {
    if (this.nodes.get(dirname(path))?.kind !== 'folder') throw fsError('ENOENT', path);
  }

  private below(folder: string): string[] {
    return [...this.nodes.keys()].filter((path) => path.startsWith(`${folder}/`));
  }
}

function statsOf(node: MemoryNode): FileStats {
  const type = node.kind === 'file' ? 0o100000 : node.kind === 'folder' ? 0o40000 : 0o120000;
  return {
    isFile: () => node.kind === 'file',
    isDirectory: () => node.kind === 'folder',
    isSymbolicLink: () => node.kind === 'link',
    size: node.kind === 'file' ? node.data.length : 0,
    mtimeMs: node.mtimeMs,
    mode: type | (node.kind === 'link' ? 0o777 : node.mode),
    dev: 1,
  };
}
