import type { SchemaElement } from 'hyparquet';
import type { RlExport } from './exportRecords';

/**
 * One row of verl's RL parquet: `data_source`, `prompt` (chat messages), `ability`, `reward_model: {style,
 * ground_truth}` and `extra_info`. `ground_truth` is the rubric as a JSON string (one column type for every
 * row; `style: "rule"`, which every verl version validates), and `extra_info` carries the prompt id and the
 * messages, because verl passes no prompt to a reward function.
 */
export interface VerlRow {
  data_source: string;
  prompt: { content: string; role: string }[];
  ability: string;
  reward_model: { ground_truth: string; style: 'rule' };
  extra_info: { index: bigint; prompt: { content: string; role: string }[]; prompt_id: string };
}

export const VERL_DATA_SOURCE = 'clinalign';

export function verlRow(record: RlExport, index: number): VerlRow {
  const prompt = record.prompt.map((m) => ({ content: m.content, role: m.role }));
  return {
    data_source: VERL_DATA_SOURCE,
    prompt,
    ability: 'medical',
    reward_model: { ground_truth: JSON.stringify(record.rubrics), style: 'rule' },
    extra_info: { index: BigInt(index), prompt, prompt_id: record.prompt_id },
  };
}

const text = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'REQUIRED',
});
/** A list of {content, role} in the standard three-level LIST layout, as pandas and pyarrow write it. */
const messages = (name: string): SchemaElement[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'REQUIRED', num_children: 2 },
  text('content'),
  text('role'),
];

/** The parquet schema of VerlRow, depth-first as parquet stores it. */
export const VERL_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 5 },
  text('data_source'),
  ...messages('prompt'),
  text('ability'),
  { name: 'reward_model', repetition_type: 'REQUIRED', num_children: 2 },
  text('ground_truth'),
  text('style'),
  { name: 'extra_info', repetition_type: 'REQUIRED', num_children: 3 },
  { name: 'index', type: 'INT64', repetition_type: 'REQUIRED' },
  ...messages('prompt'),
  text('prompt_id'),
];
