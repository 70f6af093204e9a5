/**
 * Text from files anyone can edit (principle statements, rubric criteria, case text, file names) and from a
 * model goes into Markdown only through these, so it shows as written and never as an image, a link (a
 * `command:` link would run), HTML or formatting.
 */

// The ASCII punctuation Markdown and GFM give a meaning to, escaped with a backslash (CommonMark allows one
// before any punctuation). `.` and `:` break bare-URL and `www.` autolinks, `&` entity references.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>~:&]/g;

/** Untrusted text as inline Markdown text: punctuation escaped, line breaks (which could start a block) as spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, '\\$&').replace(/\s*[\r\n]\s*/g, ' ');
}

/**
 * Untrusted text as an inline code span: a backslash does not escape inside one, so the fence is one backtick
 * longer than the longest run of backticks in the text (CommonMark), and line breaks become spaces.
 */
export function markdownCode(text: string): string {
  const oneLine = text.replace(/\s*[\r\n]\s*/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}
