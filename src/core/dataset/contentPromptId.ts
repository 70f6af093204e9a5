import { createHash } from 'node:crypto';

/**
 * A stable id for a record that has no `prompt_id`: a hash of its conversation and its rubric (criterion and
 * points, in order), so `import`, `eval` and `serve` name the same record the same way on every run.
 */
export function contentPromptId(
  prompt: readonly { role: string; content: string }[] | undefined,
  rubrics: readonly { criterion: string; points: number }[],
): string {
  const canonical = JSON.stringify([
    (prompt ?? []).map((m) => [m.role, m.content]),
    rubrics.map((r) => [r.criterion, r.points]),
  ]);
  return `content-${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}
