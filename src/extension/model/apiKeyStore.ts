import * as vscode from 'vscode';

/** The one place the API key lives: VS Code's SecretStorage (the OS keychain), never settings or files. */
const SECRET_NAME = 'clinalign.model.apiKey';

export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(): Thenable<string | undefined> {
    return this.secrets.get(SECRET_NAME);
  }

  store(key: string): Thenable<void> {
    return this.secrets.store(SECRET_NAME, key);
  }

  delete(): Thenable<void> {
    return this.secrets.delete(SECRET_NAME);
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === SECRET_NAME) listener();
    });
  }
}

/**
 * "Set API key": a password box (the key is never shown or echoed). A key given as an argument (tests,
 * keybindings) is stored without asking. Resolves true when a key was stored.
 */
export async function setApiKey(store: ApiKeyStore, log: vscode.LogOutputChannel, given?: string): Promise<boolean> {
  const key =
    given ??
    (await vscode.window.showInputBox({
      title: 'ClinAlign: API key of the model endpoint',
      prompt: 'Kept in VS Code’s secret storage on this machine only; never written to settings, logs or exports. Leave the endpoint keyless for local vLLM or Ollama.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (/\s/.test(value.trim()) ? 'An API key has no spaces' : undefined),
    }));
  if (!key?.trim()) return false;
  await store.store(key.trim());
  log.info('API key stored in secret storage');
  void vscode.window.showInformationMessage('ClinAlign: API key stored in VS Code’s secret storage.');
  return true;
}

export async function clearApiKey(store: ApiKeyStore, log: vscode.LogOutputChannel): Promise<void> {
  await store.delete();
  log.info('API key removed from secret storage');
  void vscode.window.showInformationMessage('ClinAlign: API key removed.');
}
