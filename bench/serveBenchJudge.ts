// The judge of `npm run bench:serve`, in a process of its own so its work is not charged to the server:
// the OpenAI-compatible test server with the scripted keyword judge and a fixed latency per call.
// Usage: node --import tsx bench/serveBenchJudge.ts <latencyMs>; prints its base URL, stops when stdin closes.
import { OpenAiTestServer } from '../test/support/openaiTestServer';
import { scriptedModel } from '../test/support/scriptedModel';

async function main() {
  const latencyMs = Number(process.argv[2] ?? 300);
  // Plain requests (no schema) are drafts for the proxy; everything else is the scripted judge and reviser.
  const server = await OpenAiTestServer.start({
    script: scriptedModel({ '': () => 'It is probably muscle strain. Rest at home and see whether it passes.' }),
    latencyMs,
  });
  // Only the count is kept: a million recorded bodies would be the bench's memory, not the server's.
  setInterval(() => (server.requests.length = 0), 1000).unref();
  process.stdout.write(`${server.baseUrl}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
}

void main();
