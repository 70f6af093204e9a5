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

export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    // URL lower-cases the scheme and host and drops default ports; paths stay case-sensitive.
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

/** The workspaceState key an answer is remembered under: one per URL, so a changed URL is asked about again. */
export const TRUST_KEY_PREFIX = 'clinalign.endpointTrust:';

export function trustMemoryKey(url: string): string {
  return `${TRUST_KEY_PREFIX}${normalizeUrl(url)}`;
}

/** The modal question, naming exactly where the cases would go. */
export function trustPromptText(url: string, userUrl: string | undefined): string {
  const yours = userUrl ? ` Your own setting is ${userUrl}.` : ' You have not set a model endpoint yourself.';
  return `This workspace's settings send cases (questions and answers) to ${url}.${yours} Allow ClinAlign to send them there?`;
}
