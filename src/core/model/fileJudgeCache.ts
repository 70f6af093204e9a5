import { join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import type { JudgeCache } from './judgeCache';

/**
 * One JSON file per result, `<dir>/<first two hex digits>/<key>.json`, written atomically (temporary file,
 * then rename), so processes share entries and a damaged one is only a miss.
 *
 * The file operations are synchronous: each is tens of microseconds on a local disk, while the same work
 * through fs/promises cost `clinalign serve` about 0.35 ms of CPU a judge call in thread-pool round trips
 * (the reward bench makes hundreds of calls a second). Each shard folder is made once per process.
 */
export class FileJudgeCache implements JudgeCache {
  private readonly madeFolders = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {}

  async get(key: string): Promise<unknown | undefined> {
    try {
      return (JSON.parse(this.fs.readText(this.pathOf(key))) as { value: unknown }).value;
    } catch {
      // Missing or damaged: either way the call is made again.
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    const file = this.pathOf(key);
    const folder = join(this.dir, key.slice(0, 2));
    if (!this.madeFolders.has(folder)) {
      this.fs.mkdir(folder, { recursive: true });
      this.madeFolders.add(folder);
    }
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      this.writeAtomically(temp, file, `${JSON.stringify({ value })}\n`);
    } catch (error) {
      // The folder may have been deleted while the process ran ("deleting the folder is always safe").
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      this.fs.mkdir(folder, { recursive: true });
      this.writeAtomically(temp, file, `${JSON.stringify({ value })}\n`);
    }
  }

  private writeAtomically(temp: string, file: string, text: string): void {
    this.fs.writeFile(temp, text, { exclusive: true });
    this.fs.rename(temp, file);
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('judge cache keys are sha256 hex digests');
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
