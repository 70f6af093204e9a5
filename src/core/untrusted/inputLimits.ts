/**
 * Size caps on files read from a workspace. Every file in a cloned repository is untrusted: without a cap,
 * a 10 MB front matter costs seconds and hundreds of MB on every keystroke. A file over its cap gets one
 * clear error and is not parsed at all.
 */
export const INPUT_LIMITS = {
  /** The YAML between a case's `---` lines. */
  frontMatter: 256 * 1024,
  /** A whole `*.case.md` (or linted `*.md`) file. */
  caseFile: 2 * 1024 * 1024,
  /** A principle or concept YAML file (bundled or team). */
  yamlFile: 1024 * 1024,
  /**
   * YAML tokens read before giving up. Real YAML has about one token per 7 characters, so files within the
   * size caps stay far below these; dense hostile YAML (`[x,x,x,…]`) has more than one per character and costs
   * about 10 µs a token.
   */
  frontMatterTokens: 50_000,
  yamlFileTokens: 200_000,
} as const;

const KB = 1024;
const MB = 1024 * 1024;

/** "256 KB", "2 MB" for a limit (a whole number of units), "10.0 MB" for a measured size. */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  const unit = bytes < MB ? KB : MB;
  const value = bytes / unit;
  return `${bytes % unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${unit === KB ? 'KB' : 'MB'}`;
}

/** UTF-8 length of a text without encoding it (the unit the limits and file sizes are in). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "front matter is 10.0 MB; the limit is 256 KB", or undefined when `bytes` is within the limit. */
export function sizeProblem(what: string, bytes: number, limit: number): string | undefined {
  return bytes > limit ? `${what} is ${formatBytes(bytes)}; the limit is ${formatBytes(limit)}` : undefined;
}

/** sizeProblem for a text, measured in UTF-8 bytes (counted only when the UTF-16 length leaves it open). */
export function textSizeProblem(what: string, text: string, limit: number): string | undefined {
  // UTF-8 takes 1 to 3 bytes per UTF-16 code unit, so short texts need no count.
  if (text.length * 3 <= limit) return undefined;
  return sizeProblem(what, utf8Length(text), limit);
}
