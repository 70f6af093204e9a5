/**
 * One spelling per endpoint, so that trust answers, API keys and cache entries made for a URL are found
 * again: scheme and host lower-cased, default port and trailing slashes dropped; the path keeps its case.
 */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}
