import { Document, isScalar, visit } from 'yaml';
import { parseCase } from '../case/parseCase';
import { scenarioFromHealthBenchTags } from '../scenario/healthbenchLabels';
import { bodyForAnswer, caseAnswer } from '../case/caseAnswer';
import type { HealthBenchRecord } from './healthbenchRecord';

/** Case ids (and so file names) are letters, digits, `.`, `_`, `-`: nothing that could leave the folder. */
export const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const INLINE_SEQUENCE_WIDTH = 100;

/**
 * The `*.case.md` text for one HealthBench record: the conversation, the rubric with its tags, the example
 * tags (kept for export) and the scenario labels they imply, `review.status: draft`, and the ideal
 * completion as the answer. The text is parsed back before it is returned, so a record that would make an
 * invalid case is an error here rather than a broken file.
 */
export function healthBenchCaseText(record: HealthBenchRecord): string {
  if (!CASE_ID.test(record.prompt_id))
    throw new Error(`prompt_id "${record.prompt_id}" cannot be a case id (letters, digits, ".", "_", "-" only)`);
  const scenario = scenarioFromHealthBenchTags(record.example_tags);
  const frontMatter: Record<string, unknown> = {
    id: record.prompt_id,
    conversation: record.prompt.map((m) => ({ role: m.role, content: m.content })),
    ...(Object.keys(scenario).length > 0 ? { scenario } : {}),
    example_tags: [...record.example_tags],
    rubric: record.rubrics.map((r) => ({ criterion: r.criterion, points: r.points, tags: [...r.tags] })),
    review: { status: 'draft' },
    source: { dataset: 'healthbench', prompt_id: record.prompt_id },
  };
  const document = new Document(frontMatter);
  visit(document, {
    Seq(_, node) {
      if (
        node.items.every(isScalar) &&
        node.items.map((item) => String(item.value)).join(', ').length <= INLINE_SEQUENCE_WIDTH
      )
        node.flow = true;
    },
  });
  const answer = record.ideal_completions_data?.ideal_completion ?? '';
  const text = `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${bodyForAnswer(answer)}`;

  const check = parseCase(text);
  if (check.problems.length > 0)
    throw new Error(`would not make a valid case: line ${check.problems[0]!.line + 1}: ${check.problems[0]!.message}`);
  if (caseAnswer(check.body) !== answer)
    throw new Error('the ideal completion would not survive as the answer (it holds a ClinAlign control comment)');
  return text;
}
