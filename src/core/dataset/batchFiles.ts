import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Message } from '../case/caseSchema';
import { extractJson } from '../model/extractJson';
import { ModelError } from '../model/modelError';
import { describeIssues, type OutputSchema } from '../model/outputSchema';
import { shapeRequest, type ConcreteMode } from '../model/structuredMode';
import type { StructuredClient } from '../workflows/workflowOptions';
import { jsonlLines, parseJsonLine } from './jsonlLines';

/** What OpenAI's Batch API and `vllm run-batch` read: one chat-completions request per line. */
export const batchRequestSchema = z.strictObject({
  custom_id: z.string().min(1).max(512),
  method: z.literal('POST'),
  url: z.literal('/v1/chat/completions'),
  body: z.looseObject({
    model: z.string().min(1),
    messages: z.array(z.object({ role: z.string(), content: z.string() })).min(1),
  }),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** One line of a Batch API output (or error) file. */
export const batchResultSchema = z.looseObject({
  id: z.string().optional(),
  custom_id: z.string(),
  response: z
    .looseObject({
      status_code: z.number(),
      body: z
        .looseObject({
          model: z.string().optional(),
          choices: z.array(z.looseObject({ message: z.looseObject({ content: z.string().nullable() }) })).optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  error: z
    .looseObject({ message: z.string().optional(), code: z.string().nullable().optional() })
    .nullable()
    .optional(),
});

/** A request's id: what it asks (schema + messages), so a result finds its request whichever model ran it. */
export function batchKey(kind: string, schemaName: string, messages: readonly Message[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([schemaName, messages.map((m) => [m.role, m.content])]))
    .digest('hex');
  return `${kind}-${hash}`;
}

/**
 * The request ClinAlign's live client would send for this prompt in the given structured-output mode
 * (json_schema by default: OpenAI and vLLM both take it), as a Batch API line.
 */
export function batchRequest(
  kind: string,
  output: OutputSchema<unknown>,
  messages: readonly Message[],
  model: string,
  mode: ConcreteMode = 'json_schema',
  temperature?: number,
): BatchRequest {
  const shaped = shapeRequest(mode, output, messages);
  return batchRequestSchema.parse({
    custom_id: batchKey(kind, output.name, messages),
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model,
      messages: shaped.messages,
      ...(temperature !== undefined ? { temperature } : {}),
      ...(shaped.responseFormat ? { response_format: shaped.responseFormat } : {}),
    },
  });
}

export interface BatchResults {
  /** custom_id → the reply's text, or why there is none. */
  replies: Map<string, { content: string; model?: string } | { error: string }>;
  /** Lines that are not batch results at all. */
  problems: { line: number; message: string }[];
}

/** Reads a Batch API output file, one line at a time. */
export async function readBatchResults(file: string): Promise<BatchResults> {
  const results: BatchResults = { replies: new Map(), problems: [] };
  for await (const line of jsonlLines(file)) {
    let parsed;
    try {
      parsed = batchResultSchema.safeParse(parseJsonLine(line));
    } catch (error) {
      results.problems.push({ line: line.number, message: (error as Error).message.replace(/^line \d+: /, '') });
      continue;
    }
    if (!parsed.success) {
      results.problems.push({ line: line.number, message: `not a batch result: ${describeIssues(parsed.error)}` });
      continue;
    }
    const r = parsed.data;
    const content = r.response?.body?.choices?.[0]?.message?.content;
    if (r.error) results.replies.set(r.custom_id, { error: r.error.message ?? r.error.code ?? 'failed' });
    else if (!r.response || r.response.status_code !== 200)
      results.replies.set(r.custom_id, { error: `status ${r.response?.status_code ?? 'missing'}` });
    else if (typeof content !== 'string')
      results.replies.set(r.custom_id, { error: 'the reply has no message content' });
    else
      results.replies.set(r.custom_id, {
        content,
        ...(r.response.body?.model ? { model: r.response.body.model } : {}),
      });
  }
  return results;
}

/**
 * A StructuredClient that answers from batch results instead of an endpoint, so the live workflows
 * (synthesizeRubric, gradeAnswer) validate and post-process batch replies exactly as they do live ones.
 * A missing, failed or invalid reply is a ModelError naming the request.
 */
export function replayClient(kind: string, results: BatchResults, model: string): StructuredClient {
  return {
    model,
    judgeModel: model,
    async completeJson<T>(output: OutputSchema<T>, messages: readonly Message[]): Promise<T> {
      const id = batchKey(kind, output.name, messages);
      const reply = results.replies.get(id);
      if (!reply) throw new ModelError('invalid-output', `no batch result for ${id}`);
      if ('error' in reply) throw new ModelError('invalid-output', `batch request ${id} failed: ${reply.error}`);
      let json: unknown;
      try {
        json = extractJson(reply.content);
      } catch (error) {
        throw new ModelError('invalid-output', `batch result ${id} is not JSON (${(error as Error).message})`);
      }
      const parsed = output.schema.safeParse(json);
      if (!parsed.success)
        throw new ModelError(
          'invalid-output',
          `batch result ${id} does not match ${output.name}: ${describeIssues(parsed.error)}`,
        );
      return parsed.data;
    },
  };
}
