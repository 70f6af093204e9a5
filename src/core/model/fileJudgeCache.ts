import { join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import type { JudgeCache } from './judgeCache';

/** One JSON file per result, `<dir>/<first two hex digits>/<key>.json`, written atomically. */
export class FileJudgeCache implements JudgeCache {
  constructor(
    readonly dir: string,
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {}

  async get(key: string): Promise<unknown | undefined> {
    try {
      return (JSON.parse(await this.fs.promises.readText(this.pathOf(key))) as { value: unknown }).value;
    } catch {
      // Missing or damaged: either way the call is made again.
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    const file = this.pathOf(key);
    await this.fs.promises.mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await this.fs.promises.writeFile(temp, `${JSON.stringify({ value })}\n`);
    await this.fs.promises.rename(temp, file);
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('judge cache keys are sha256 hex digests');
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
