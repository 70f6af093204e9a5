import { createHash } from 'node:crypto';
import type { Message } from '../case/caseSchema';

/**
 * Where validated model results are kept so that unchanged work is never paid for twice. The CLI stores
 * files under `.clinalign/cache/`; the extension can store them in its globalStorage. Only results are
 * stored — never a key or a header.
 */
export interface JudgeCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** sha256 of (model, messages, schema name): the same question to the same model gets the same answer. */
export function judgeCacheKey(model: string, messages: readonly Message[], schemaName: string): string {
  const canonical = JSON.stringify([model, schemaName, messages.map((m) => [m.role, m.content])]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class MemoryJudgeCache implements JudgeCache {
  readonly entries = new Map<string, unknown>();
  async get(key: string): Promise<unknown | undefined> {
    return this.entries.get(key);
  }
  async set(key: string, value: unknown): Promise<void> {
    this.entries.set(key, value);
  }
}
