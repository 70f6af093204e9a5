import { normalizeUrl } from './normalizeUrl';

/** Re-exported: callers have long imported it from here. */
export { normalizeUrl };

/**
 * Whether ClinAlign may send a case to the effective model endpoint. A workspace's settings can point the base
 * URL at a server the user never chose (a cloned repository's `.vscode/settings.json`), so such a URL needs
 * the user's consent once per workspace; an untrusted workspace never sends anything.
 */
export type TrustAnswer = 'allow' | 'deny';

export interface TrustQuestion {
  workspaceTrusted: boolean;
  /** The base URL in effect (workspace folder over workspace over user setting). */
  effectiveUrl: string;
  /** The user's own (global) setting, if any. */
  userUrl: string | undefined;
  /** The effective URL comes from workspace or workspace-folder settings. */
  fromWorkspace: boolean;
  /** What the user answered for this URL in this workspace before. */
  remembered: TrustAnswer | undefined;
}

export type TrustDecision =
  | { kind: 'send' }
  /** Ask once (modal), then remember the answer under `trustMemoryKey(url)`. */
  | { kind: 'ask'; url: string }
  | { kind: 'refused'; url: string; message: string }
  | { kind: 'untrusted-workspace'; message: string };

export const UNTRUSTED_WORKSPACE_MESSAGE =
  'ClinAlign never sends anything to a model endpoint from an untrusted workspace. Trust this workspace to use the model features.';

export function decideEndpointTrust(question: TrustQuestion): TrustDecision {
  if (!question.workspaceTrusted) return { kind: 'untrusted-workspace', message: UNTRUSTED_WORKSPACE_MESSAGE };
  if (!question.fromWorkspace || sameEndpoint(question.effectiveUrl, question.userUrl)) return { kind: 'send' };
  if (question.remembered === 'allow') return { kind: 'send' };
  if (question.remembered === 'deny') {
    return {
      kind: 'refused',
      url: question.effectiveUrl,
      message: `You chose not to send cases from this workspace to ${question.effectiveUrl} (set by the workspace settings). Remove "clinalign.model.baseUrl" from the workspace settings or run "ClinAlign: Reset model endpoint trust" to be asked again.`,
    };
  }
  return { kind: 'ask', url: question.effectiveUrl };
}

/** URLs that differ only in case of scheme/host or a trailing slash are the same endpoint. */
export function sameEndpoint(a: string, b: string | undefined): boolean {
  return b !== undefined && normalizeUrl(a) === normalizeUrl(b);
}

/** The workspaceState key an answer is remembered under: one per URL, so a changed URL is asked about again. */
export const TRUST_KEY_PREFIX = 'clinalign.endpointTrust:';

export function trustMemoryKey(url: string): string {
  return `${TRUST_KEY_PREFIX}${normalizeUrl(url)}`;
}

/**
 * The modal question, naming exactly where the cases would go and whether a key would go with them (keys are
 * stored per endpoint, so the only key that could be sent is one the user stored for this very URL).
 */
export function trustPromptText(url: string, userUrl: string | undefined, keyStored: boolean): string {
  const yours = userUrl ? ` Your own setting is ${userUrl}.` : ' You have not set a model endpoint yourself.';
  const what = keyStored
    ? `cases (questions and answers) and your API key for ${url}`
    : 'cases (questions and answers)';
  const key = keyStored ? '' : ` No API key is stored for ${url}, so none would be sent.`;
  return `This workspace's settings send ${what} to ${url}.${yours}${key} Allow ClinAlign to send them there?`;
}
