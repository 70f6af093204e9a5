import { endpointConfigSchema, type EndpointConfigInput } from '../../../src/core/model/endpointConfig';
import { MemoryJudgeCache, type JudgeCache } from '../../../src/core/model/judgeCache';
import { ModelClient } from '../../../src/core/model/modelClient';
import { StructuredModeMemory } from '../../../src/core/model/structuredMode';
import type { OpenAiTestServer } from '../../support/openaiTestServer';

export const TEST_KEY = 'sk-test-SECRET-0123456789abcdef';

/** A client for the test server with fast retries and its own mode memory (tests must not share probes). */
export function testClient(
  server: OpenAiTestServer,
  config: Partial<EndpointConfigInput> = {},
  cache: JudgeCache = new MemoryJudgeCache(),
) {
  return new ModelClient({
    config: endpointConfigSchema.parse({
      baseUrl: server.baseUrl,
      model: 'test-model',
      judgeModel: 'test-judge',
      timeoutMs: 5000,
      ...config,
    }),
    apiKey: TEST_KEY,
    cache,
    retry: { baseDelayMs: 5, maxDelayMs: 2000, maxAttempts: 4 },
    modeMemory: new StructuredModeMemory(),
  });
}
