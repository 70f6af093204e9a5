import type { Message } from '../case/caseSchema';
import { untilAborted } from './abortListeners';
import type { StructuredOutputMode } from './endpointConfig';
import { jsonSchemaOf, type OutputSchema } from './outputSchema';

export type ConcreteMode = Exclude<StructuredOutputMode, 'auto'>;

/** Most to least constrained: `auto` walks down this list until the endpoint accepts a request. */
const FALLBACK_ORDER: ConcreteMode[] = ['json_schema', 'json_object', 'prompt'];

/**
 * The mode that last worked for each endpoint (base URL + model), so `auto` probes once per process. While one
 * call probes, the others wait for its answer: otherwise every call already queued (a whole grade run, even at
 * concurrency 1) would first send a json_schema request the endpoint refuses.
 */
export class StructuredModeMemory {
  private readonly modes = new Map<string, ConcreteMode>();
  private readonly probes = new Map<string, Promise<void>>();

  get(endpoint: string): ConcreteMode | undefined {
    return this.modes.get(endpoint);
  }

  set(endpoint: string, mode: ConcreteMode): void {
    this.modes.set(endpoint, mode);
  }

  /**
   * Resolves once the endpoint's mode is known (to undefined), or once this caller is the one to probe (to the
   * function that ends its probe; a probe that failed lets the next caller try).
   */
  async claimProbe(endpoint: string, signal?: AbortSignal): Promise<(() => void) | undefined> {
    for (;;) {
      if (this.modes.has(endpoint)) return undefined;
      const running = this.probes.get(endpoint);
      if (!running) {
        let finish!: () => void;
        const probe = new Promise<void>((resolve) => (finish = resolve));
        this.probes.set(endpoint, probe);
        return () => {
          if (this.probes.get(endpoint) === probe) this.probes.delete(endpoint);
          finish();
        };
      }
      await untilAborted(running, signal);
    }
  }
}

export const sharedModeMemory = new StructuredModeMemory();

/** Modes to try, in order: a fixed mode alone; for `auto`, from the remembered one down. */
export function modesToTry(configured: StructuredOutputMode, remembered: ConcreteMode | undefined): ConcreteMode[] {
  if (configured !== 'auto') return [configured];
  return FALLBACK_ORDER.slice(FALLBACK_ORDER.indexOf(remembered ?? 'json_schema'));
}

/**
 * True when a 400 says the server does not do this kind of `response_format` (vLLM, Ollama, llama.cpp and
 * older gateways word it differently), as opposed to any other bad request.
 */
export function saysResponseFormatUnsupported(status: number | undefined, message: string): boolean {
  if (status !== 400 && status !== 422 && status !== 501) return false;
  return (
    /response_format|json_schema|json_object|structured output|guided/i.test(message) &&
    /support|unknown|invalid|not allowed|unrecognized|unexpected|extra|permitted/i.test(message)
  );
}

export interface ShapedRequest {
  messages: Message[];
  responseFormat?: Record<string, unknown>;
}

/**
 * The request for one mode. json_schema sends the schema natively; the other two add the schema to the end
 * of the first system message — still part of the stable prefix — and json_object also asks for JSON mode.
 */
export function shapeRequest(
  mode: ConcreteMode,
  output: OutputSchema<unknown>,
  messages: readonly Message[],
): ShapedRequest {
  if (mode === 'json_schema') {
    return {
      messages: [...messages],
      responseFormat: {
        type: 'json_schema',
        json_schema: { name: output.name, schema: jsonSchemaOf(output), strict: false },
      },
    };
  }
  const contract = `Reply with one JSON object and nothing else: no prose, no code fences. It must validate against this JSON Schema (${output.name}):\n${JSON.stringify(jsonSchemaOf(output))}`;
  const shaped = [...messages];
  const system = shaped.findIndex((m) => m.role === 'system');
  if (system >= 0) shaped[system] = { role: 'system', content: `${shaped[system]!.content}\n\n${contract}` };
  else shaped.unshift({ role: 'system', content: contract });
  return mode === 'json_object' ? { messages: shaped, responseFormat: { type: 'json_object' } } : { messages: shaped };
}
