import assert from 'node:assert/strict';
import { endpointFromSettings, endpointKey } from '../../../src/core/model/endpointSettings';

describe('endpoint settings', () => {
  it('is not configured without a base URL and a model', () => {
    assert.equal(endpointFromSettings({}).state, 'not configured');
    assert.equal(endpointFromSettings({ baseUrl: 'http://localhost:8000/v1', model: '  ' }).state, 'not configured');
    assert.equal(endpointFromSettings({ model: 'gpt-4.1' }).state, 'not configured');
  });

  it('fills the defaults and leaves an empty judge model and a null temperature out', () => {
    const result = endpointFromSettings({
      baseUrl: ' http://localhost:8000/v1 ',
      model: 'qwen',
      judgeModel: '',
      temperature: null,
      structuredOutput: 'auto',
    });
    assert.equal(result.state, 'ready');
    const { config } = result as Extract<typeof result, { state: 'ready' }>;
    assert.equal(config.baseUrl, 'http://localhost:8000/v1');
    assert.equal(config.judgeModel, undefined);
    assert.equal(config.temperature, undefined);
    assert.equal(config.timeoutMs, 60000);
    assert.equal(config.maxConcurrency, 16);
  });

  it('names the setting that is wrong', () => {
    const result = endpointFromSettings({ baseUrl: 'localhost', model: 'qwen', structuredOutput: 'xml' });
    assert.equal(result.state, 'error');
    const { message } = result as { message: string };
    assert.match(message, /clinalign\.model\.baseUrl/);
    assert.match(message, /clinalign\.model\.structuredOutput/);
  });

  it('gives the same key to the same settings and another to any change', () => {
    const a = endpointFromSettings({ baseUrl: 'http://h/v1', model: 'm' });
    const b = endpointFromSettings({ baseUrl: 'http://h/v1', model: 'm', timeoutMs: 60000 });
    const c = endpointFromSettings({ baseUrl: 'http://h/v1', model: 'm', judgeModel: 'j' });
    const key = (r: typeof a) => endpointKey((r as Extract<typeof a, { state: 'ready' }>).config);
    assert.equal(key(a), key(b));
    assert.notEqual(key(a), key(c));
  });
});
