import * as vscode from 'vscode';
import { apiKeySecretName, isApiKeySecret } from '../../core/model/apiKeySecretName';
import { normalizeUrl } from '../../core/model/endpointTrust';
import { migrateLegacyApiKey } from '../../core/model/legacyApiKeyMigration';
import { readModelSettings } from './modelSettings';

/**
 * The one place API keys live: VS Code's SecretStorage (the OS keychain), never settings or files. One key per
 * endpoint (normalised base URL), so a key goes only to the URL it was stored for.
 */
export class ApiKeyStore {
  /** Set once the old single key has been moved or dropped; until then every use tries again. */
  private migrated = false;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** The base URL in the user's own settings: the only endpoint the old key may move to. */
    private readonly userUrl: () => string | undefined,
  ) {}

  async get(baseUrl: string): Promise<string | undefined> {
    await this.migrateLegacyKey();
    return this.secrets.get(apiKeySecretName(baseUrl));
  }

  async store(baseUrl: string, key: string): Promise<void> {
    await this.migrateLegacyKey();
    await this.secrets.store(apiKeySecretName(baseUrl), key);
  }

  async delete(baseUrl: string): Promise<void> {
    await this.migrateLegacyKey();
    await this.secrets.delete(apiKeySecretName(baseUrl));
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (isApiKeySecret(event.key)) listener();
    });
  }

  private async migrateLegacyKey(): Promise<void> {
    if (this.migrated) return;
    const plan = await migrateLegacyApiKey(this.secrets, this.userUrl());
    this.migrated = plan.kind !== 'wait';
  }
}

/** The endpoint a key command is about: the base URL in effect for the active editor, and who set it. */
function currentEndpoint(): { url: string; fromWorkspace: boolean } | undefined {
  const effective = readModelSettings(vscode.window.activeTextEditor?.document.uri);
  const url = effective.settings.baseUrl?.trim();
  return url ? { url: normalizeUrl(url), fromWorkspace: effective.baseUrlFromWorkspace } : undefined;
}

function noEndpoint(log: vscode.LogOutputChannel): false {
  const message = 'API keys are stored per endpoint: set "clinalign.model.baseUrl" first.';
  log.warn(message);
  void vscode.window
    .showWarningMessage(`ClinAlign: ${message}`, 'Configure model')
    .then((choice) => choice && vscode.commands.executeCommand('clinalign.configureModel'));
  return false;
}

/**
 * "Set API key": a password box (the key is never shown or echoed) naming the endpoint the key is for. A key
 * given as an argument (tests, keybindings) is stored without asking. Resolves true when a key was stored.
 */
export async function setApiKey(store: ApiKeyStore, log: vscode.LogOutputChannel, given?: string): Promise<boolean> {
  const endpoint = currentEndpoint();
  if (!endpoint) return noEndpoint(log);
  const whose = endpoint.fromWorkspace ? ' (set by this workspace’s settings)' : '';
  const key =
    given ??
    (await vscode.window.showInputBox({
      title: `ClinAlign: API key for ${endpoint.url}`,
      prompt: `Sent only to ${endpoint.url}${whose}. Kept in VS Code’s secret storage on this machine only; never written to settings, logs or exports. Local vLLM or Ollama servers need none.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (/\s/.test(value.trim()) ? 'An API key has no spaces' : undefined),
    }));
  if (!key?.trim()) return false;
  await store.store(endpoint.url, key.trim());
  log.info(`API key for ${endpoint.url} stored in secret storage`);
  void vscode.window.showInformationMessage(
    `ClinAlign: API key for ${endpoint.url} stored in VS Code’s secret storage.`,
  );
  return true;
}

export async function clearApiKey(store: ApiKeyStore, log: vscode.LogOutputChannel): Promise<void> {
  const endpoint = currentEndpoint();
  if (!endpoint) {
    noEndpoint(log);
    return;
  }
  await store.delete(endpoint.url);
  log.info(`API key for ${endpoint.url} removed from secret storage`);
  void vscode.window.showInformationMessage(`ClinAlign: API key for ${endpoint.url} removed.`);
}
