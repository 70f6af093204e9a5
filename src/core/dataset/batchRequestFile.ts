import type { BatchRequest } from './batchFiles';
import { AtomicFile } from './outputFolder';

/**
 * A Batch API request file being written: identical requests (same custom_id) are written once, and the file
 * appears only when committed, so a failure leaves no half-written request file behind.
 */
export class BatchRequestFile {
  private readonly file: AtomicFile;
  private readonly ids = new Set<string>();

  constructor(path: string) {
    this.file = new AtomicFile(path);
  }

  get count(): number {
    return this.ids.size;
  }

  async add(request: BatchRequest): Promise<void> {
    if (this.ids.has(request.custom_id)) return;
    this.ids.add(request.custom_id);
    await this.file.writeLine(request);
  }

  /** Runs `write`, then commits; on any error the temporary file is discarded and the error rethrown. */
  async writeAll(write: (add: (request: BatchRequest) => Promise<void>) => Promise<void>): Promise<number> {
    try {
      await write((request) => this.add(request));
      await this.file.commit();
    } catch (error) {
      await this.file.discard();
      throw error;
    }
    return this.count;
  }
}
