import type { Writable } from 'node:stream';

/**
 * The disk as src/core sees it: only the operations the core really uses, so that the core can run (and be
 * tested) over any file system — node:fs in the front ends (`nodeFileSystem`), a map in memory in tests.
 *
 * Failures are thrown as by node:fs: an Error whose `code` is `ENOENT`, `ENOTDIR`, `EEXIST`, `ELOOP`,
 * `EACCES`, … — the core decides on those codes (a missing file is no history yet, `ELOOP` is a refused link).
 */
export interface FileSystemPort {
  exists(path: string): boolean;
  /** Follows symbolic links. */
  stat(path: string): FileStats;
  /** Never follows a symbolic link: describes the link itself. */
  lstat(path: string): FileStats;
  realpath(path: string): string;
  /** The names in a folder (no `.` or `..`), in the order the file system gives them. */
  readdir(path: string): string[];
  /** The entries of a folder with their kinds; a symbolic link is neither a file nor a folder here. */
  readdirEntries(path: string): DirEntry[];
  readText(path: string): string;
  /** `exclusive`: fail with EEXIST on any existing name, a link included (O_EXCL). */
  writeFile(path: string, data: string | Uint8Array, options?: { exclusive?: boolean }): void;
  mkdir(path: string, options?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void;
  /** Removes an empty folder. */
  rmdir(path: string): void;
  chmod(path: string, mode: number): void;
  /** A file held open: `read` for reading, `update` for reading and cutting short, `append` to add at the end. */
  open(path: string, mode: 'read' | 'update' | 'append'): OpenFile;
  /** A stream writing a new file; `exclusive` as in writeFile. */
  createWriteStream(path: string, options?: { exclusive?: boolean }): Writable;
  /** The UTF-8 text of a file in chunks, so a file of any size is never held whole. */
  readTextChunks(path: string): AsyncIterable<string>;
  readonly promises: AsyncFileSystemPort;
}

/** The operations the core does without blocking (project files written from the editor, the judge cache, traces). */
export interface AsyncFileSystemPort {
  readText(path: string): Promise<string>;
  writeFile(path: string, data: string, options?: { exclusive?: boolean }): Promise<void>;
  appendFile(path: string, text: string): Promise<void>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options?: { force?: boolean }): Promise<void>;
  lstat(path: string): Promise<FileStats>;
  chmod(path: string, mode: number): Promise<void>;
  /**
   * Opens a file without following a link in its last part (O_NOFOLLOW where the platform has it): a link
   * fails with `ELOOP`. `append` creates the file when missing.
   */
  openNoFollow(path: string, mode: 'read' | 'append'): Promise<AsyncOpenFile>;
}

/** What the core reads of a file's metadata (a node:fs Stats has all of it). */
export interface FileStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
  mtimeMs: number;
  /** Permission bits and file type, as in stat(2). */
  mode: number;
  /** The device: a folder on another device than its parent is a mount point. */
  dev: number;
}

/** One entry of a folder (a node:fs Dirent has all of it). */
export interface DirEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface OpenFile {
  /** The size now, of this open file (not of whatever the name points to later). */
  size(): number;
  /** Reads up to `length` bytes at `position` into `buffer` from `offset`; returns the count read. */
  read(buffer: Uint8Array, offset: number, length: number, position: number): number;
  /** The rest of the file as UTF-8 text. */
  readText(): string;
  write(text: string): void;
  truncate(length: number): void;
  close(): void;
}

export interface AsyncOpenFile {
  readText(): Promise<string>;
  write(text: string): Promise<void>;
  close(): Promise<void>;
}
