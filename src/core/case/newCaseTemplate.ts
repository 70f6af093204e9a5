import { Document } from 'yaml';

export type Audience = 'layperson' | 'clinician';

export interface NewCase {
  /** The user's question (the first turn of the conversation). */
  question: string;
  /** Who reads the answer; omitted leaves expertise to the classifier. */
  audience?: Audience | undefined;
  /** Defaults to the slug of the question. */
  id?: string | undefined;
}

const MAX_SLUG_LENGTH = 48;

/** A file-name and case-id friendly slug of a question: lower-case ASCII words joined by `-`. */
export function caseSlug(question: string): string {
  const words = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_SLUG_LENGTH) ?? '') || 'new-case';
}

/** The text of a new `*.case.md`: front matter with the question (quoted by the yaml library), an empty answer. */
export function newCaseText(newCase: NewCase): string {
  const frontMatter: Record<string, unknown> = { id: newCase.id ?? caseSlug(newCase.question) };
  if (newCase.audience) frontMatter.audience = newCase.audience;
  frontMatter.locale = 'en-US';
  frontMatter.conversation = [{ role: 'user', content: newCase.question.trim() }];
  frontMatter.review = { status: 'draft' };
  const yaml = new Document(frontMatter).toString({ lineWidth: 0 });
  return `---\n${yaml}---\n<!-- Write the answer below. Findings appear as you type; hover one to see its principle. -->\n\n`;
}
