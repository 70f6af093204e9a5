import * as vscode from 'vscode';
import {
  decideEndpointTrust,
  TRUST_KEY_PREFIX,
  trustMemoryKey,
  trustPromptText,
  type TrustAnswer,
} from '../../core/model/endpointTrust';
import type { EffectiveModelSettings } from './modelSettings';

export type GateResult = { send: true } | { send: false; message: string };

/**
 * Applies the endpoint-trust decision: asks once (modal) about a base URL that the workspace settings set
 * and the user did not, and remembers the answer per workspace and URL.
 */
export class EndpointTrustGate {
  constructor(private readonly workspaceState: vscode.Memento) {}

  /** Without asking: what would happen (for the status item). */
  peek(settings: EffectiveModelSettings, baseUrl: string) {
    return decideEndpointTrust({
      workspaceTrusted: vscode.workspace.isTrusted,
      effectiveUrl: baseUrl,
      userUrl: settings.userUrl,
      fromWorkspace: settings.baseUrlFromWorkspace,
      remembered: this.workspaceState.get<TrustAnswer>(trustMemoryKey(baseUrl)),
    });
  }

  /** `keyStored`: whether a key for `baseUrl` would go with the cases (the question says so). */
  async check(settings: EffectiveModelSettings, baseUrl: string, keyStored: boolean): Promise<GateResult> {
    const decision = this.peek(settings, baseUrl);
    if (decision.kind === 'send') return { send: true };
    if (decision.kind !== 'ask') return { send: false, message: decision.message };
    const allow = 'Allow';
    const answer = await vscode.window.showWarningMessage(
      'Send cases to a model endpoint set by this workspace?',
      { modal: true, detail: trustPromptText(decision.url, settings.userUrl, keyStored) },
      allow,
      'Don’t allow',
    );
    if (answer === undefined) return { send: false, message: `Nothing was sent to ${decision.url}.` };
    await this.workspaceState.update(trustMemoryKey(decision.url), answer === allow ? 'allow' : 'deny');
    return answer === allow
      ? { send: true }
      : { send: false, message: `Nothing was sent: you did not allow ${decision.url} for this workspace.` };
  }

  /** Forgets every remembered answer of this workspace, so each URL is asked about again. */
  async reset(): Promise<number> {
    const keys = this.workspaceState.keys().filter((k) => k.startsWith(TRUST_KEY_PREFIX));
    for (const key of keys) await this.workspaceState.update(key, undefined);
    return keys.length;
  }
}
