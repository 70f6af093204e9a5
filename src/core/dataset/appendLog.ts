import type { FileSystemPort, OpenFile } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { jsonlLines } from './jsonlLines';

/**
 * A JSONL file that only grows: each finished record is appended (one write call) as soon as it is done,
 * so a crash or Ctrl+C loses at most the records in flight. On open, a half-written last line is cut off
 * and the ids already present are returned, so a re-run skips them.
 */
export class AppendLog {
  private constructor(
    private readonly file: OpenFile,
    readonly done: Set<string>,
  ) {}

  static async open(
    file: string,
    idOf: (record: unknown) => string | undefined,
    fs: FileSystemPort = nodeFileSystem,
  ): Promise<AppendLog> {
    const done = new Set<string>();
    if (fs.exists(file)) {
      cutPartialLine(fs, file);
      for await (const line of jsonlLines(file, fs)) {
        try {
          const id = idOf(JSON.parse(line.text));
          if (id) done.add(id);
        } catch {
          // A damaged line is redone rather than trusted.
        }
      }
    }
    return new AppendLog(fs.open(file, 'append'), done);
  }

  append(id: string, record: unknown): void {
    this.file.write(`${JSON.stringify(record)}\n`);
    this.done.add(id);
  }

  close(): void {
    this.file.close();
  }
}

/** Truncates the file after its last newline (a record cut short by a crash). */
function cutPartialLine(fs: FileSystemPort, path: string): void {
  const file = fs.open(path, 'update');
  try {
    const size = file.size();
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const read = file.read(chunk, 0, end - start, start);
      const at = chunk.subarray(0, read).lastIndexOf(0x0a);
      if (at >= 0) {
        if (start + at + 1 < size) file.truncate(start + at + 1);
        return;
      }
      end = start;
    }
    if (size > 0) file.truncate(0);
  } finally {
    file.close();
  }
}
