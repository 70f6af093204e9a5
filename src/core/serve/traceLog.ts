import { dirname } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';

/**
 * Appends one JSON line per proxied completion, in order (one write at a time); a failing write is reported
 * to `onError`, never to the client, whose answer is already made.
 */
export class TraceLog {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly onError: (message: string) => void = () => {},
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {}

  append(record: unknown): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.chain = this.chain.then(async () => {
      try {
        await this.fs.promises.mkdir(dirname(this.file), { recursive: true });
        await this.fs.promises.appendFile(this.file, line);
      } catch (error) {
        this.onError(`trace not written to ${this.file}: ${(error as Error).message}`);
      }
    });
    return this.chain;
  }
}
