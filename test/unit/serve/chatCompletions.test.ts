// The self-revising OpenAI-compatible endpoint, called with the OpenAI SDK and over raw HTTP.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { TraceLog } from '../../../src/core/serve/traceLog';
import { OpenAiTestServer } from '../../support/openaiTestServer';
import { scriptedModel } from '../../support/scriptedModel';
import { waitUntil } from '../../support/waitUntil';
import { QUESTION, startHarness, type Harness } from './serveHarness';

const DRAFT = 'It is probably muscle strain. Rest at home and see whether it passes.';

describe('serve: POST /v1/chat/completions (self-revising proxy)', function () {
  let h: Harness;
  const traces = join(mkdtempSync(join(tmpdir(), 'clinalign-serve-')), 'traces.jsonl');
  before(async () => {
    // Plain requests (no JSON schema) are the draft the proxy forwards; the rest is the scripted judge/reviser.
    const model = await OpenAiTestServer.start({ script: scriptedModel({ '': () => DRAFT }) });
    h = await startHarness({ traces: new TraceLog(traces) }, model);
  });
  after(() => h.close());

  it('answers an OpenAI SDK client with the revised answer, a `clinalign` extension, a trace id header and a trace line', async () => {
    const openai = new OpenAI({ baseURL: `${h.serve.url}/v1`, apiKey: 'unused' });
    const { data, response } = await openai.chat.completions
      .create({
        model: 'test-model',
        messages: [{ role: 'user', content: QUESTION }],
        clinalign: { rounds: 2 },
      } as never)
      .withResponse();
    const completion = data as unknown as { choices: { message: { content: string } }[]; clinalign: any };
    const ext = completion.clinalign;
    assert.equal(ext.revised, true, JSON.stringify(ext));
    assert.notEqual(completion.choices[0]!.message.content, DRAFT);
    assert.equal(ext.scenario.urgency, 'emergent');
    assert.ok(ext.principles.length > 0);
    assert.equal(ext.rubric_source, 'offline');
    assert.ok(ext.final_score > ext.initial_score, JSON.stringify(ext.rounds));
    assert.ok(ext.rounds.length >= 2 && ext.rounds[0].unmet.length > 0);
    const traceId = response.headers.get('x-clinalign-trace-id');
    assert.equal(traceId, ext.trace_id);
    assert.equal(response.headers.get('x-clinalign-revised'), 'true');
    await waitUntil(
      'the trace is written',
      () => existsSync(traces) && readFileSync(traces, 'utf8').includes(traceId!),
    );
    const lines = readFileSync(traces, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const trace = lines.find((l) => l.trace_id === traceId);
    assert.equal(trace.draft, DRAFT);
    assert.equal(trace.answer, completion.choices[0]!.message.content);
  });

  it('stream: true buffers, revises, then streams the final answer; the last chunk carries `clinalign`', async () => {
    const openai = new OpenAI({ baseURL: `${h.serve.url}/v1`, apiKey: 'unused' });
    const stream = await openai.chat.completions.create({
      model: 'test-model',
      messages: [{ role: 'user', content: QUESTION }],
      stream: true,
    });
    let text = '';
    let ext: any;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      ext = (chunk as unknown as { clinalign?: unknown }).clinalign ?? ext;
    }
    assert.equal(ext.revised, true);
    assert.notEqual(text, DRAFT);
    assert.ok(text.length > DRAFT.length);
  });

  it('rubric source "model" (extra_body.clinalign.rubric): the rubric is written by the model, graded and used for revision', async () => {
    h.model.reset();
    const openai = new OpenAI({ baseURL: `${h.serve.url}/v1`, apiKey: 'unused' });
    // What the Python SDK's extra_body={"clinalign": {...}} puts in the body.
    const completion = (await openai.chat.completions.create({
      model: 'test-model',
      messages: [{ role: 'user', content: QUESTION }],
      clinalign: { rubric: 'model', rounds: 1 },
    } as never)) as unknown as { clinalign: any };
    const ext = completion.clinalign;
    assert.match(ext.rubric_source, /^model/, JSON.stringify(ext));
    const asked = h.model.chatRequests.map((r) => r.body!.response_format?.json_schema?.name);
    assert.ok(asked.includes('synthesize_rubric'), asked.join(','));
    // The scripted model's items ("Addresses … specifically numberN") are what the draft was graded against.
    assert.ok(
      ext.rounds[0].unmet.some((u: string) => /specifically number\d/.test(u)),
      JSON.stringify(ext.rounds[0].unmet),
    );
    assert.ok(ext.rubric_items >= 1);
    const offline = (await openai.chat.completions.create({
      model: 'test-model',
      messages: [{ role: 'user', content: QUESTION }],
      clinalign: { rubric: 'offline', rounds: 1 },
    } as never)) as unknown as { clinalign: any };
    assert.equal(offline.clinalign.rubric_source, 'offline');
    assert.ok(!offline.clinalign.rounds[0].unmet.some((u: string) => /specifically number\d/.test(u)));
  });

  it('extra_body.clinalign.off forwards only and says so', async () => {
    const { status, json } = await h.post('/v1/chat/completions', {
      model: 'test-model',
      messages: [{ role: 'user', content: QUESTION }],
      extra_body: { clinalign: { off: true } },
    });
    assert.equal(status, 200);
    assert.equal(json.choices[0].message.content, DRAFT);
    assert.equal(json.clinalign.off, true);
  });

  it('bad control values and malformed requests are 400s', async () => {
    const rounds = await h.post('/v1/chat/completions', {
      messages: [{ role: 'user', content: QUESTION }],
      clinalign: { rounds: 99 },
    });
    assert.equal(rounds.status, 400);
    const none = await h.post('/v1/chat/completions', { model: 'x' });
    assert.equal(none.status, 400);
    assert.match(none.json.error.message, /messages/);
  });
});
