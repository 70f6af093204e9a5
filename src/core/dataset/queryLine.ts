import { createHash } from 'node:crypto';
import * as z from 'zod';
import { messageSchema, type Message } from '../case/caseSchema';
import type { JsonlLine } from './jsonlLines';

export interface Query {
  id: string;
  conversation: Message[];
  question: string;
}

const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/)
  .optional();
const promptForm = z.looseObject({ prompt: z.array(messageSchema).min(1), prompt_id: idSchema, id: idSchema });
const questionForm = z.looseObject({ question: z.string().min(1), id: idSchema, prompt_id: idSchema });

/**
 * One line of a questions file: a HealthBench record (`prompt` messages), `{"question": …}`, a JSON string,
 * or plain text. The id is the record's own (`prompt_id`/`id`) or a hash of the conversation, so it is the
 * same on every run — what resume goes by.
 */
export function parseQueryLine(line: JsonlLine): Query {
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch {
    json = line.text.trim();
  }
  let conversation: Message[];
  let id: string | undefined;
  if (typeof json === 'string') conversation = [{ role: 'user', content: json }];
  else if (promptForm.safeParse(json).success) {
    const record = promptForm.parse(json);
    conversation = record.prompt;
    id = record.prompt_id ?? record.id;
  } else if (questionForm.safeParse(json).success) {
    const record = questionForm.parse(json);
    conversation = [{ role: 'user', content: record.question }];
    id = record.id ?? record.prompt_id;
  } else {
    throw new Error(`line ${line.number}: expected a HealthBench record with "prompt", {"question": …}, or a string`);
  }
  if (conversation.at(-1)!.role !== 'user')
    throw new Error(`line ${line.number}: the conversation must end with the user's turn`);
  const question = conversation
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
  if (question.trim() === '') throw new Error(`line ${line.number}: empty question`);
  return {
    id: id ?? `q-${createHash('sha256').update(JSON.stringify(conversation)).digest('hex').slice(0, 16)}`,
    conversation,
    question,
  };
}
