import { createHash } from 'node:crypto';
import type { Message } from '../case/caseSchema';
import { normalizeUrl } from './normalizeUrl';

/**
 * Where validated model results are kept so that unchanged work is never paid for twice. The CLI stores
 * files in the user's cache folder (`userCacheDir`), the extension in its globalStorage; never in a
 * repository, whose files anyone could have written. Only results are stored — never a key or a header.
 */
export interface JudgeCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** Bumped when what goes into a key changes, so entries made under the old rule are never read. */
const CACHE_KEY_VERSION = 2;

/**
 * sha256 of (endpoint, model, output schema, messages): the same prompt to the same model at the same server
 * gets the same answer. The endpoint is part of it because a model name means nothing without its server.
 */
export function judgeCacheKey(
  baseUrl: string,
  model: string,
  messages: readonly Message[],
  schemaName: string,
): string {
  const canonical = JSON.stringify([
    CACHE_KEY_VERSION,
    normalizeUrl(baseUrl),
    model,
    schemaName,
    messages.map((m) => [m.role, m.content]),
  ]);
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
