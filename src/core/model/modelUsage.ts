/** Counters for the log and the CLI summary: what a run cost and how often it had to try again. */
export interface ModelUsage {
  /** HTTP requests sent (retries and repairs included). */
  requests: number;
  /** Results served from the judge cache without a request. */
  cacheHits: number;
  retries: number;
  /** Calls that needed a repair request because the first reply was not valid. */
  repairs: number;
  /** Calls that ended in an error. */
  failures: number;
  promptTokens: number;
  completionTokens: number;
}

export function emptyUsage(): ModelUsage {
  return { requests: 0, cacheHits: 0, retries: 0, repairs: 0, failures: 0, promptTokens: 0, completionTokens: 0 };
}

export function formatUsage(usage: ModelUsage): string {
  const parts = [`${usage.requests} request${usage.requests === 1 ? '' : 's'}`, `${usage.cacheHits} cached`];
  if (usage.retries > 0) parts.push(`${usage.retries} retried`);
  if (usage.repairs > 0) parts.push(`${usage.repairs} repaired`);
  if (usage.failures > 0) parts.push(`${usage.failures} failed`);
  parts.push(
    `${usage.promptTokens + usage.completionTokens} tokens (${usage.promptTokens} in, ${usage.completionTokens} out)`,
  );
  return parts.join(', ');
}
