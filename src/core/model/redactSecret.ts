/** Header values that carry credentials, whatever the key: `Bearer …`, `api-key: …`. */
const CREDENTIAL_PATTERNS = [
  /(Bearer\s+)[^\s"',;]+/gi,
  /((?:api-key|x-api-key|authorization)["']?\s*[:=]\s*["']?)[^\s"',;]+/gi,
];

/** The user-info part of a URL (`http://user:KEY@host`): someone put a key in the base URL. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

/**
 * Removes an API key, and anything that looks like a credential header or a URL's user info, from text that may be shown or
 * stored (error messages can echo request headers).
 */
export function redactSecret(text: string, secret: string | undefined): string {
  let result = text;
  if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  for (const pattern of CREDENTIAL_PATTERNS) result = result.replace(pattern, '$1[redacted]');
  return result.replace(URL_CREDENTIALS, '$1[redacted]@');
}
