import assert from 'node:assert/strict';
import {
  API_KEY_SECRET_PREFIX,
  apiKeySecretName,
  isApiKeySecret,
  LEGACY_API_KEY_SECRET,
} from '../../../src/core/model/apiKeySecretName';
import {
  migrateLegacyApiKey,
  planLegacyKeyMigration,
  type SecretStore,
} from '../../../src/core/model/legacyApiKeyMigration';

/** SecretStorage in memory, with the same get/store/delete contract. */
class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(name: string) {
    return this.values.get(name);
  }
  async store(name: string, value: string) {
    this.values.set(name, value);
  }
  async delete(name: string) {
    this.values.delete(name);
  }
}

describe('API keys per endpoint (editor)', () => {
  it('one secret name per normalised base URL', () => {
    assert.equal(apiKeySecretName('https://api.openai.com/v1'), `${API_KEY_SECRET_PREFIX}https://api.openai.com/v1`);
    assert.equal(apiKeySecretName('https://API.openai.com/v1/'), apiKeySecretName('https://api.openai.com/v1'));
    assert.equal(apiKeySecretName('https://api.openai.com:443/v1'), apiKeySecretName('https://api.openai.com/v1'));
    assert.notEqual(apiKeySecretName('https://api.openai.com/v1'), apiKeySecretName('https://collector.example/v1'));
    assert.notEqual(apiKeySecretName('http://localhost:8000/v1'), apiKeySecretName('http://localhost:8001/v1'));
    assert.notEqual(apiKeySecretName('https://api.openai.com/v1'), LEGACY_API_KEY_SECRET);
    assert.ok(
      isApiKeySecret(LEGACY_API_KEY_SECRET) &&
        isApiKeySecret(apiKeySecretName('http://x/v1')) &&
        !isApiKeySecret('other.secret'),
    );
  });

  it('plans the old single key’s move to the user’s own endpoint only', () => {
    assert.deepEqual(planLegacyKeyMigration({ legacyKey: false, userUrl: 'https://a/v1', keyForUserUrl: false }), {
      kind: 'none',
    });
    assert.deepEqual(planLegacyKeyMigration({ legacyKey: true, userUrl: undefined, keyForUserUrl: false }), {
      kind: 'wait',
    });
    assert.deepEqual(planLegacyKeyMigration({ legacyKey: true, userUrl: '  ', keyForUserUrl: false }), {
      kind: 'wait',
    });
    assert.deepEqual(planLegacyKeyMigration({ legacyKey: true, userUrl: 'https://a/v1', keyForUserUrl: true }), {
      kind: 'drop',
    });
    assert.deepEqual(planLegacyKeyMigration({ legacyKey: true, userUrl: 'https://A/v1/', keyForUserUrl: false }), {
      kind: 'move',
      to: apiKeySecretName('https://a/v1'),
    });
  });

  it('moves the old key to the user’s endpoint once, then is a no-op', async () => {
    const secrets = new MemorySecrets();
    secrets.values.set(LEGACY_API_KEY_SECRET, 'sk-old');
    assert.equal((await migrateLegacyApiKey(secrets, 'https://api.openai.com/v1')).kind, 'move');
    assert.deepEqual([...secrets.values], [[apiKeySecretName('https://api.openai.com/v1'), 'sk-old']]);
    assert.equal((await migrateLegacyApiKey(secrets, 'https://api.openai.com/v1')).kind, 'none');
    assert.deepEqual([...secrets.values], [[apiKeySecretName('https://api.openai.com/v1'), 'sk-old']]);
  });

  it('keeps the old key (sent nowhere) until the user has an endpoint of their own', async () => {
    const secrets = new MemorySecrets();
    secrets.values.set(LEGACY_API_KEY_SECRET, 'sk-old');
    assert.equal((await migrateLegacyApiKey(secrets, undefined)).kind, 'wait');
    assert.deepEqual([...secrets.values.keys()], [LEGACY_API_KEY_SECRET]);
    assert.equal((await migrateLegacyApiKey(secrets, 'http://localhost:8000/v1')).kind, 'move');
    assert.equal(secrets.values.get(apiKeySecretName('http://localhost:8000/v1')), 'sk-old');
  });

  it('never overwrites a key already stored for the endpoint; the old one is dropped', async () => {
    const secrets = new MemorySecrets();
    secrets.values.set(LEGACY_API_KEY_SECRET, 'sk-old');
    secrets.values.set(apiKeySecretName('https://api.openai.com/v1'), 'sk-new');
    assert.equal((await migrateLegacyApiKey(secrets, 'https://api.openai.com/v1/')).kind, 'drop');
    assert.deepEqual([...secrets.values], [[apiKeySecretName('https://api.openai.com/v1'), 'sk-new']]);
  });
});
