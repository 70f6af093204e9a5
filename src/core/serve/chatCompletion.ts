import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { Message } from '../case/caseSchema';
import type { CompiledLibrary } from '../lint/compileLibrary';
import type { StructuredClient } from '../workflows/workflowOptions';
import type { ChatForwarder } from './forwardChat';
import { HttpError } from './httpError';
import { planRevision, planWhileDrafting } from './revisionPlan';
import { selfRevise, type ReviseControl, type RevisionReport } from './selfRevise';

const controlSchema = z
  .object({
    off: z.boolean().optional(),
    rounds: z.number().int().min(0).max(5).optional(),
    rubric: z.enum(['offline', 'model']).optional(),
  })
  .strict();

const chatRequest = z
  .object({
    model: z.string().optional(),
    messages: z.array(z.object({ role: z.string(), content: z.unknown() }).passthrough()).min(1),
    stream: z.boolean().optional(),
    clinalign: controlSchema.optional(),
    // The OpenAI SDKs merge `extra_body` into the body; raw HTTP clients may send it as a field.
    extra_body: z.object({ clinalign: controlSchema.optional() }).passthrough().optional(),
  })
  .passthrough();

export interface ChatDeps {
  client: StructuredClient;
  forward: ChatForwarder;
  library: () => CompiledLibrary;
  defaults: ReviseControl;
}

export interface ChatOutcome {
  completion: Record<string, unknown> & { clinalign: ClinAlignExtension };
  stream: boolean;
  traceId: string;
  /** What the trace file gets: request, draft, final answer and report (never a key or a header). */
  trace: Record<string, unknown>;
}

type ClinAlignExtension = { trace_id: string; off?: boolean; error?: string } & Partial<RevisionReport>;

/** Text of a message whose content is a string or OpenAI content parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part) =>
        part && typeof part === 'object' && 'text' in part ? String((part as { text: unknown }).text) : '',
      )
      .join('');
  return '';
}

/**
 * `POST /v1/chat/completions`: forwards to the configured model, then revises its answer against the
 * principles (selfRevise) and returns the final answer with a `clinalign` extension. `clinalign.off` forwards
 * only. When the revision fails the draft is returned with `clinalign.revised: false` and the error: the
 * caller always knows whether what it got was revised.
 */
export async function chatCompletion(deps: ChatDeps, body: unknown, signal: AbortSignal): Promise<ChatOutcome> {
  const parsed = chatRequest.safeParse(body);
  if (!parsed.success)
    throw new HttpError(
      400,
      `expected an OpenAI chat-completions request: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    );
  const { model, messages, stream, clinalign, extra_body, ...params } = parsed.data;
  const control = { ...extra_body?.clinalign, ...clinalign };
  delete (params as Record<string, unknown>).stream_options;
  const traceId = randomUUID();
  const requested = model || deps.client.model;
  const conversation: Message[] = messages
    .filter((m) => m.role === 'user' || m.role === 'assistant' || m.role === 'system')
    .map((m) => ({ role: m.role as Message['role'], content: textOf(m.content) }));
  const rubricSource = control.rubric ?? deps.defaults.rubric;
  const drafting = deps.forward({ model: requested, messages, params }, signal);
  // The question's classification, principles and offline rubric do not depend on the draft: worked out while
  // the model writes it.
  const planning = control.off
    ? undefined
    : planWhileDrafting(() => planRevision(deps.library(), conversation, rubricSource));
  const draft = await drafting;

  let answer = draft.content;
  let extension: ClinAlignExtension = { trace_id: traceId };
  if (control.off) extension.off = true;
  else if (draft.content.trim() === '')
    extension = { ...extension, revised: false, error: 'the model returned an empty answer; nothing to revise' };
  else {
    try {
      const plan = await planning!;
      if ('failed' in plan) throw plan.failed;
      const result = await selfRevise(
        deps.client,
        deps.library(),
        conversation,
        draft.content,
        { rounds: control.rounds ?? deps.defaults.rounds, rubric: rubricSource },
        signal,
        plan,
      );
      answer = result.answer;
      extension = { ...extension, ...result.report };
    } catch (error) {
      if (signal.aborted) throw error;
      extension = {
        ...extension,
        revised: false,
        error: `revision failed, the answer is the model's unrevised draft: ${(error as Error).message}`,
      };
    }
  }
  const completion = {
    id: `chatcmpl-clinalign-${traceId}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: draft.model,
    choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
    ...(draft.usage && { usage: draft.usage }),
    clinalign: extension,
  };
  const trace = {
    trace_id: traceId,
    time: new Date().toISOString(),
    model: draft.model,
    messages: conversation,
    draft: draft.content,
    answer,
    clinalign: extension,
  };
  return { completion, stream: stream === true, traceId, trace };
}
