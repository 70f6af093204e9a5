import type { Message } from '../case/caseSchema';
import { checkOutput, checkPrompt } from '../model/prompts/checkPrompt';
import type { PromptPrinciple } from '../model/prompts/renderPrinciples';
import { locateQuote, type QuoteSpan } from './locateQuote';
import type { StructuredClient, WorkflowOptions } from './workflowOptions';

export interface CheckInput {
  conversation: readonly Message[];
  answer: string;
  /** The principles that apply to the case. */
  principles: readonly PromptPrinciple[];
}

/** A model-judged finding, anchored on the words of the answer it quotes. */
export interface ModelFinding extends QuoteSpan {
  principleId: string;
  quote: string;
  message: string;
}

/** A finding that could not be used, and why. */
export interface DroppedFinding {
  principleId: string;
  quote: string;
  reason: string;
}

export interface CheckResult {
  findings: ModelFinding[];
  dropped: DroppedFinding[];
  model: string;
}

/** Asks the model where the answer breaks the principles; keeps only findings whose quote is in the answer. */
export async function checkWithModel(
  client: StructuredClient,
  input: CheckInput,
  options: WorkflowOptions = {},
): Promise<CheckResult> {
  options.onProgress?.({ done: 0, total: 1, message: 'checking' });
  const reply = await client.completeJson(checkOutput, checkPrompt(input), { signal: options.signal, cache: true });
  const known = new Set(input.principles.map((p) => p.id));
  const findings: ModelFinding[] = [];
  const dropped: DroppedFinding[] = [];
  for (const finding of reply.findings) {
    const base = { principleId: finding.principle_id, quote: finding.quote };
    if (!known.has(finding.principle_id)) {
      dropped.push({ ...base, reason: 'names a principle that is not among those applied' });
      continue;
    }
    const span = locateQuote(input.answer, finding.quote, findings);
    if (!span) {
      dropped.push({ ...base, reason: 'the quote is not in the answer' });
      continue;
    }
    findings.push({ ...base, ...span, quote: input.answer.slice(span.start, span.end), message: finding.explanation });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  options.onProgress?.({ done: 1, total: 1 });
  return { findings, dropped, model: client.model };
}
