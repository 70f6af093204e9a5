import type { ServerResponse } from 'node:http';

/**
 * Streams a finished (already revised) completion as chat.completion.chunk events: the answer is buffered and
 * revised first, so a streaming client never sees an unrevised draft. The last chunk carries `clinalign`.
 */
export function writeChatStream(
  res: ServerResponse,
  completion: {
    id: string;
    created: number;
    model: string;
    choices: { message: { content: string } }[];
    clinalign: unknown;
  },
  headers: Record<string, string>,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  const content = completion.choices[0]?.message.content ?? '';
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (let at = 0; at < content.length; at += 256) res.write(chunk({ content: content.slice(at, at + 256) }, null));
  res.write(chunk({}, 'stop', { clinalign: completion.clinalign }));
  res.end('data: [DONE]\n\n');
}
