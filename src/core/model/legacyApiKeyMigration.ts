import { apiKeySecretName, LEGACY_API_KEY_SECRET } from './apiKeySecretName';

/** The part of VS Code's SecretStorage the migration needs (kept here so that core never imports vscode). */
export interface SecretStore {
  get(name: string): PromiseLike<string | undefined>;
  store(name: string, value: string): PromiseLike<void>;
  delete(name: string): PromiseLike<void>;
}

export type LegacyKeyPlan =
  | { kind: 'none' }
  /** No endpoint of the user's own yet: keep the old key (it is sent nowhere) and try again later. */
  | { kind: 'wait' }
  /** The user already stored a key for their endpoint: that one wins and the old key goes. */
  | { kind: 'drop' }
  | { kind: 'move'; to: string };

/**
 * The old single key was meant for the endpoint the user set up; the only URL we know the user chose is the
 * base URL in their own (user) settings, never one from a workspace, so that is the only place it may go.
 */
export function planLegacyKeyMigration(state: {
  legacyKey: boolean;
  userUrl: string | undefined;
  keyForUserUrl: boolean;
}): LegacyKeyPlan {
  if (!state.legacyKey) return { kind: 'none' };
  if (!state.userUrl?.trim()) return { kind: 'wait' };
  if (state.keyForUserUrl) return { kind: 'drop' };
  return { kind: 'move', to: apiKeySecretName(state.userUrl) };
}

/** Applies the plan; resolves with it. Safe to call on every use: after a move or drop it is a no-op. */
export async function migrateLegacyApiKey(secrets: SecretStore, userUrl: string | undefined): Promise<LegacyKeyPlan> {
  const legacy = await secrets.get(LEGACY_API_KEY_SECRET);
  const keyForUserUrl = userUrl?.trim() ? (await secrets.get(apiKeySecretName(userUrl))) !== undefined : false;
  const plan = planLegacyKeyMigration({ legacyKey: Boolean(legacy), userUrl, keyForUserUrl });
  if (plan.kind === 'move') await secrets.store(plan.to, legacy!);
  if (plan.kind === 'move' || plan.kind === 'drop') await secrets.delete(LEGACY_API_KEY_SECRET);
  return plan;
}
