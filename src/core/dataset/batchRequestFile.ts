import { basename, dirname, extname, join } from 'node:path';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import type { BatchRequest } from './batchFiles';
import { AtomicFile } from './outputFolder';

/** What one Batch API input file may hold (OpenAI: 50,000 requests, 200 MB); `vllm run-batch` takes the same files. */
export interface BatchFileLimits {
  maxRequests: number;
  maxBytes: number;
}

/** 200 MB counted in decimal megabytes, so a file is under the limit whichever way a provider counts. */
export const BATCH_API_LIMITS: BatchFileLimits = { maxRequests: 50_000, maxBytes: 200_000_000 };

export interface WrittenBatch {
  /** Requests written, duplicates counted once. */
  requests: number;
  /** The files, in order: the path asked for, or its numbered parts when the requests exceed one file's limits. */
  files: string[];
}

/**
 * A Batch API request file being written: identical requests (same custom_id) are written once; past the
 * limits of one file the requests go on in another, and at the end the parts are named
 * `requests.part-1-of-3.jsonl`, … (one part keeps the name asked for). Nothing appears until committed, so a
 * failure leaves no half-written request file behind.
 */
export class BatchRequestFile {
  private readonly parts: AtomicFile[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly path: string,
    private readonly limits: BatchFileLimits = BATCH_API_LIMITS,
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {}

  get count(): number {
    return this.ids.size;
  }

  async add(request: BatchRequest): Promise<void> {
    if (this.ids.has(request.custom_id)) return;
    const line = `${JSON.stringify(request)}\n`;
    const bytes = Buffer.byteLength(line);
    if (bytes > this.limits.maxBytes)
      throw new Error(
        `request ${request.custom_id} alone is ${bytes} bytes, over the batch file limit of ${this.limits.maxBytes}`,
      );
    let part = this.parts.at(-1);
    if (!part || part.lines >= this.limits.maxRequests || part.bytes + bytes > this.limits.maxBytes) {
      // Named for its number until the count of parts is known: temporaries of one run must not collide.
      part = new AtomicFile(`${this.path}.part${this.parts.length + 1}`, this.fs);
      this.parts.push(part);
    }
    this.ids.add(request.custom_id);
    part.lines++;
    await part.write(line);
  }

  /** Runs `write`, then commits every part; on any error the temporary files are discarded and the error rethrown. */
  async writeAll(write: (add: (request: BatchRequest) => Promise<void>) => Promise<void>): Promise<WrittenBatch> {
    let files: string[];
    try {
      await write((request) => this.add(request));
      if (this.parts.length === 0) this.parts.push(new AtomicFile(this.path, this.fs));
      files =
        this.parts.length === 1
          ? [this.path]
          : this.parts.map((_, index) => partPath(this.path, index + 1, this.parts.length));
      for (const [index, part] of this.parts.entries()) await part.commit(files[index]);
    } catch (error) {
      for (const part of this.parts) await part.discard();
      throw error;
    }
    removeStaleParts(this.fs, this.path, files);
    return { requests: this.count, files };
  }
}

/** `out/requests.jsonl`, part 2 of 12 → `out/requests.part-02-of-12.jsonl`: names that sort in order. */
export function partPath(path: string, part: number, parts: number): string {
  const ext = extname(path);
  const stem = basename(path, ext);
  return join(dirname(path), `${stem}.part-${String(part).padStart(String(parts).length, '0')}-of-${parts}${ext}`);
}

/** Parts of an earlier, larger run (and the single file a split run replaces) would be sent with the new ones. */
function removeStaleParts(fs: FileSystemPort, path: string, written: string[]): void {
  const ext = extname(path);
  const stem = basename(path, ext);
  const isPart = (name: string) =>
    name.startsWith(`${stem}.part-`) &&
    name.endsWith(ext) &&
    /^\.part-\d+-of-\d+$/.test(name.slice(stem.length, name.length - ext.length));
  const keep = new Set(written.map((file) => basename(file)));
  let names: string[];
  try {
    names = fs.readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (keep.has(name)) continue;
    if (isPart(name) || (written.length > 1 && name === basename(path)))
      fs.rm(join(dirname(path), name), { force: true });
  }
}
