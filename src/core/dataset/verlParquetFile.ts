import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import type { RlExport } from './exportRecords';
import { VERL_SCHEMA, verlRow, type VerlRow } from './verlRow';

const COLUMNS = ['data_source', 'prompt', 'ability', 'reward_model', 'extra_info'] as const;

/**
 * `verl.parquet`, written like the JSONL files (a temporary beside the target, renamed on commit). Parquet
 * is columnar, so the rows are held until commit: about the size of rl.jsonl in memory.
 */
export class VerlParquetFile {
  private readonly rows: VerlRow[] = [];
  private readonly temp: string;
  bytes = 0;

  constructor(
    readonly target: string,
    private readonly fs: FileSystemPort = nodeFileSystem,
  ) {
    this.temp = join(target, '..', `.${target.split(/[\\/]/).pop()}.${process.pid}.${Date.now()}.tmp`);
  }

  get lines(): number {
    return this.rows.length;
  }

  /** Takes the case's rl record (the same rows as rl.jsonl). */
  async writeLine(record: unknown): Promise<void> {
    this.rows.push(verlRow(record as RlExport, this.rows.length));
  }

  async commit(as: string = this.target): Promise<string> {
    const columnData = COLUMNS.map((name) => ({ name, data: this.rows.map((row) => row[name]) as unknown[] }));
    // Statistics off: min/max of message lists mean nothing, and the file is byte-identical across runs.
    const buffer = new Uint8Array(
      parquetWriteBuffer({
        columnData: columnData as never,
        schema: VERL_SCHEMA,
        statistics: false,
        createdBy: 'clinalign',
      }),
    );
    this.bytes = buffer.byteLength;
    this.fs.writeFile(this.temp, buffer, { exclusive: true });
    this.fs.rename(this.temp, as);
    return createHash('sha256').update(buffer).digest('hex');
  }

  async discard(): Promise<void> {
    this.fs.rm(this.temp, { force: true });
  }
}
