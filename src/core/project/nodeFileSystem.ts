import {
  chmodSync,
  closeSync,
  constants,
  createReadStream,
  createWriteStream,
  existsSync,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { appendFile, chmod, lstat, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { AsyncFileSystemPort, FileSystemPort, OpenFile } from './fileSystemPort';

/** Opening the last part of a path never follows a link (0 where the platform has no such flag: Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

const OPEN_FLAGS = { read: 'r', update: 'r+', append: 'a' } as const;

const promises: AsyncFileSystemPort = {
  readText: (path) => readFile(path, 'utf8'),
  writeFile: (path, data, options) => writeFile(path, data, { flag: options?.exclusive ? 'wx' : 'w' }),
  appendFile: (path, text) => appendFile(path, text, 'utf8'),
  mkdir: async (path, options) => {
    await mkdir(path, options);
  },
  rename,
  rm,
  lstat,
  chmod,
  openNoFollow: async (path, mode) => {
    const flags = mode === 'read' ? constants.O_RDONLY : constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT;
    const handle = await open(path, flags | NO_FOLLOW, 0o666);
    return {
      readText: () => handle.readFile('utf8'),
      write: async (text) => {
        await handle.writeFile(text);
      },
      close: () => handle.close(),
    };
  },
};

/**
 * The file-system port over node:fs: what the CLI, the extension and `clinalign serve` hand the core. The only
 * file in src/core that imports node:fs (test/unit/architecture.test.ts checks it).
 */
export const nodeFileSystem: FileSystemPort = {
  exists: existsSync,
  stat: (path) => statSync(path),
  lstat: (path) => lstatSync(path),
  realpath: (path) => realpathSync(path),
  readdir: (path) => readdirSync(path),
  readdirEntries: (path) => readdirSync(path, { withFileTypes: true }),
  readText: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, data, options) => writeFileSync(path, data, { flag: options?.exclusive ? 'wx' : 'w' }),
  mkdir: (path, options) => {
    mkdirSync(path, options);
  },
  rename: renameSync,
  rm: rmSync,
  rmdir: (path) => rmdirSync(path),
  chmod: chmodSync,
  open: (path, mode) => openFile(openSync(path, OPEN_FLAGS[mode])),
  createWriteStream: (path, options) => createWriteStream(path, { flags: options?.exclusive ? 'wx' : 'w' }),
  readTextChunks: (path) => createReadStream(path, { encoding: 'utf8' }),
  promises,
};

function openFile(fd: number): OpenFile {
  return {
    size: () => fstatSync(fd).size,
    read: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
    readText: () => readFileSync(fd, 'utf8'),
    write: (text) => {
      writeSync(fd, text);
    },
    truncate: (length) => ftruncateSync(fd, length),
    close: () => closeSync(fd),
  };
}
