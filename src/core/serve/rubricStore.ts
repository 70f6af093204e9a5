import type { FileSystemPort } from '../project/fileSystemPort';
import { nodeFileSystem } from '../project/nodeFileSystem';
import { parseRecord, type RewardRecord } from './rewardRecord';

export interface LoadedFile {
  file: string;
  records: number;
  /** Lines that were not a usable record, with their line numbers. */
  problems: string[];
}

/**
 * The rubrics a trainer's labels refer to, by `prompt_id`: the lines of the `rl.jsonl` (or HealthBench,
 * or `synthesize --queries`) files given with `--data`; a line without `prompt_id` is known by its content hash.
 * Loaded once at start; a later file wins on a repeated id.
 */
export class RubricStore {
  private readonly byId = new Map<string, RewardRecord>();
  readonly files: LoadedFile[] = [];

  constructor(private readonly fs: FileSystemPort = nodeFileSystem) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): RewardRecord | undefined {
    return this.byId.get(id);
  }

  add(record: RewardRecord): void {
    if (record.promptId) this.byId.set(record.promptId, record);
  }

  /** Reads one JSONL file; lines that are not records are reported, not fatal. */
  load(file: string, text = this.fs.readText(file)): LoadedFile {
    const loaded: LoadedFile = { file, records: 0, problems: [] };
    for (const [index, line] of text.split('\n').entries()) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        loaded.problems.push(`line ${index + 1}: not JSON`);
        continue;
      }
      const parsed = parseRecord(json);
      if ('problem' in parsed) loaded.problems.push(`line ${index + 1}: ${parsed.problem}`);
      else {
        this.add(parsed.record);
        loaded.records++;
      }
    }
    this.files.push(loaded);
    return loaded;
  }
}
