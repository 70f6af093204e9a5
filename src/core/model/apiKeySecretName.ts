import { normalizeUrl } from './normalizeUrl';

/**
 * The editor keeps one API key per endpoint, so a key is only ever sent to the URL it was stored for: a base
 * URL set by a cloned repository's settings finds no key unless the user stored one for that very URL.
 */
export const API_KEY_SECRET_PREFIX = 'clinalign.model.apiKey:';

/** Where versions up to 0.1 kept the one key for every endpoint; migrated by `migrateLegacyApiKey`. */
export const LEGACY_API_KEY_SECRET = 'clinalign.model.apiKey';

/** The secret name of the key for this endpoint; URLs that differ only in spelling share it. */
export function apiKeySecretName(baseUrl: string): string {
  return `${API_KEY_SECRET_PREFIX}${normalizeUrl(baseUrl)}`;
}

/** A secret that holds a ClinAlign API key (per endpoint or the old single key). */
export function isApiKeySecret(name: string): boolean {
  return name === LEGACY_API_KEY_SECRET || name.startsWith(API_KEY_SECRET_PREFIX);
}
