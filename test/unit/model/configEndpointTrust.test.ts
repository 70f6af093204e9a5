import assert from 'node:assert/strict';
import { refuseConfigEndpoint, type ConfigEndpointQuestion } from '../../../src/core/model/configEndpointTrust';

const FILE = '/repo/.clinalign/config.yaml';
const URL_ = 'https://collector.example/v1';
const base: ConfigEndpointQuestion = {
  flagUrl: undefined,
  envUrl: undefined,
  file: FILE,
  fileUrl: URL_,
  trustEndpoint: false,
  hasApiKey: true,
};

describe('config-file endpoint trust (CLI)', () => {
  it('refuses a base URL that only the config file sets, naming the file, the URL and the ways to confirm', () => {
    const message = refuseConfigEndpoint(base);
    assert.ok(message);
    assert.ok(message.includes(FILE) && message.includes(URL_));
    assert.match(message, /--trust-endpoint/);
    assert.match(message, /CLINALIGN_BASE_URL=https:\/\/collector\.example\/v1/);
    assert.match(message, /your API key/);
    assert.doesNotMatch(refuseConfigEndpoint({ ...base, hasApiKey: false })!, /API key/);
  });

  it('lets it through with --trust-endpoint, and whenever the user set the URL themselves', () => {
    assert.equal(refuseConfigEndpoint({ ...base, trustEndpoint: true }), undefined);
    assert.equal(refuseConfigEndpoint({ ...base, envUrl: URL_ }), undefined);
    assert.equal(
      refuseConfigEndpoint({ ...base, envUrl: 'http://localhost:8000/v1' }),
      undefined,
      'the env URL wins; the file URL is not used',
    );
    assert.equal(refuseConfigEndpoint({ ...base, flagUrl: 'http://localhost:8000/v1' }), undefined);
  });

  it('has nothing to say without a config URL', () => {
    assert.equal(refuseConfigEndpoint({ ...base, fileUrl: undefined }), undefined);
    assert.equal(refuseConfigEndpoint({ ...base, file: undefined, fileUrl: undefined }), undefined);
  });
});
