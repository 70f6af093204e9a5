import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { jsonlLines } from './jsonlLines';

/**
 * A JSONL file that only grows: each finished record is appended (one write call) as soon as it is done,
 * so a crash or Ctrl+C loses at most the records in flight. On open, a half-written last line is cut off
 * and the ids already present are returned, so a re-run skips them.
 */
export class AppendLog {
  private constructor(
    private readonly fd: number,
    readonly done: Set<string>,
  ) {}

  static async open(file: string, idOf: (record: unknown) => string | undefined): Promise<AppendLog> {
    const done = new Set<string>();
    if (existsSync(file)) {
      cutPartialLine(file);
      for await (const line of jsonlLines(file)) {
        try {
          const id = idOf(JSON.parse(line.text));
          if (id) done.add(id);
        } catch {
          // A damaged line is redone rather than trusted.
        }
      }
    }
    return new AppendLog(openSync(file, 'a'), done);
  }

  append(id: string, record: unknown): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    this.done.add(id);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Truncates the file after its last newline (a record cut short by a crash). */
function cutPartialLine(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const read = readSync(fd, chunk, 0, end - start, start);
      const at = chunk.subarray(0, read).lastIndexOf(0x0a);
      if (at >= 0) {
        if (start + at + 1 < size) ftruncateSync(fd, start + at + 1);
        return;
      }
      end = start;
    }
    if (size > 0) ftruncateSync(fd, 0);
  } finally {
    closeSync(fd);
  }
}
