import { axisOf } from '../rubric/rubricItem';
import { scoreRubric } from '../rubric/scoreRubric';
import { AXES } from '../principles/schema';
import { setStatistics, type SetStatistics } from './setStatistics';

/** One graded example: its tags and each rubric item's points, tags and verdict. */
export interface GradedExample {
  prompt_id: string;
  example_tags: readonly string[];
  items: readonly { points: number; tags: readonly string[]; met: boolean }[];
}

export interface ExampleScore {
  prompt_id: string;
  /** Not clipped; null when the rubric has no positive points (left out of every mean). */
  score: number | null;
}

export interface EvalSummary extends SetStatistics {
  /** Examples whose rubric has no positive points. */
  n_unscored: number;
  /** Each axis rescored over only that axis's items; examples with no positive points there are skipped. */
  by_axis: Record<string, SetStatistics>;
  /** Rubric-level tags rescored like axes: `level:example` / `level:cluster` items, and each consensus `cluster:`. */
  by_level: Record<string, SetStatistics>;
  by_cluster: Record<string, SetStatistics>;
  /** Examples grouped by their `theme:` tag, with their overall scores. */
  by_theme: Record<string, SetStatistics>;
  /** Same, by `physician_agreed_category:` tag when the data has them. */
  by_category: Record<string, SetStatistics>;
  examples: ExampleScore[];
}

/** The HealthBench report of a graded set (notes/healthbench-and-clinalign.md: grading semantics). */
export function summarizeEval(examples: readonly GradedExample[]): EvalSummary {
  const scored = examples.map((e) => ({ example: e, score: scoreRubric(e.items) }));
  const overall = scored.map((s) => s.score).filter((s): s is number => s !== null);
  const by_axis: Record<string, SetStatistics> = {};
  for (const axis of AXES) {
    const scores = examples
      .map((e) => scoreRubric(e.items.filter((item) => axisOf({ tags: [...item.tags] }) === axis)))
      .filter((s): s is number => s !== null);
    if (scores.length > 0) by_axis[axis] = setStatistics(scores);
  }
  return {
    ...setStatistics(overall),
    n_unscored: scored.length - overall.length,
    by_axis,
    by_level: byItemTag(examples, 'level:'),
    by_cluster: byItemTag(examples, 'cluster:'),
    by_theme: byTag(scored, 'theme:'),
    by_category: byTag(scored, 'physician_agreed_category:'),
    examples: scored.map((s) => ({ prompt_id: s.example.prompt_id, score: s.score })),
  };
}

/**
 * For a tag on rubric items: each example rescored over only its items carrying that tag (HealthBench's rule
 * for rubric-level tags); an example whose tagged items have no positive points is left out of that group.
 */
function byItemTag(examples: readonly GradedExample[], prefix: string): Record<string, SetStatistics> {
  const names = new Set(
    examples.flatMap((e) => e.items.flatMap((item) => item.tags.filter((t) => t.startsWith(prefix)))),
  );
  const groups: [string, number[]][] = [...names]
    .sort()
    .map((tag) => [
      tag.slice(prefix.length),
      examples
        .map((e) => scoreRubric(e.items.filter((item) => item.tags.includes(tag))))
        .filter((s): s is number => s !== null),
    ]);
  return Object.fromEntries(
    groups.filter(([, scores]) => scores.length > 0).map(([name, scores]) => [name, setStatistics(scores)]),
  );
}

function byTag(
  scored: { example: GradedExample; score: number | null }[],
  prefix: string,
): Record<string, SetStatistics> {
  const groups = new Map<string, number[]>();
  for (const { example, score } of scored) {
    if (score === null) continue;
    for (const tag of example.example_tags) {
      if (!tag.startsWith(prefix)) continue;
      const name = tag.slice(prefix.length);
      let list = groups.get(name);
      if (!list) groups.set(name, (list = []));
      list.push(score);
    }
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, scores]) => [name, setStatistics(scores)]),
  );
}
