import type { Language } from './conceptSchema';
import type { Token } from './tokens';

export type DetectedLanguage = Language | 'unknown';

/**
 * Frequent function words (words shared between languages, such as "no", are left out) that are distinctive for each language (accents folded). Counting them is enough to
 * tell a question in Spanish, Portuguese or French from English; a handful of words decides.
 */
const FUNCTION_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    'the and is are my i you it to of in have has what should do does with for this that me can not was just been im ive its dont cant'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el los las y es estoy tengo mi mis que de del en con por para una un pero muy como esta tiene hace dolor me se lo le sus desde hay puedo debo'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o os as e estou tenho meu minha que de do da dos das em com por para uma um mas muito como esta tem faz dor me se ele ela desde ha posso devo nao voce'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les et est je suis mon ma mes que de du des en dans avec pour une un mais tres comme cette il elle depuis ai jai dois puis pas vous douleur'.split(
      ' ',
    ),
  ),
};

/** Function words of each language in a text, and its word count: the votes that decide its language. */
export interface LanguageVotes {
  counts: Record<Language, number>;
  words: number;
}

const LANGUAGE_LIST = Object.keys(FUNCTION_WORDS) as Language[];

/** The languages each function word belongs to ("que" to three): one lookup a token. */
const LANGUAGES_OF = new Map<string, Language[]>();
for (const language of LANGUAGE_LIST)
  for (const word of FUNCTION_WORDS[language]) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), language]);

export function countLanguageWords(tokens: readonly Token[]): LanguageVotes {
  const counts: Record<Language, number> = { en: 0, es: 0, pt: 0, fr: 0 };
  let words = 0;
  for (const token of tokens) {
    if (!Number.isNaN(token.value) && /^\d/.test(token.word)) continue;
    words++;
    const languages = LANGUAGES_OF.get(token.word);
    if (languages) for (const language of languages) counts[language]++;
  }
  return { counts, words };
}

/** Votes of several texts (an answer's paragraphs) added up. */
export function addVotes(all: readonly LanguageVotes[]): LanguageVotes {
  const sum: LanguageVotes = { counts: { en: 0, es: 0, pt: 0, fr: 0 }, words: 0 };
  for (const votes of all) {
    sum.words += votes.words;
    for (const language of LANGUAGE_LIST) sum.counts[language] += votes.counts[language];
  }
  return sum;
}

export function detectLanguage(tokens: readonly Token[]): DetectedLanguage {
  return decideLanguage(countLanguageWords(tokens));
}

export function decideLanguage({ counts, words }: LanguageVotes): DetectedLanguage {
  if (words < 3) return 'unknown';
  const ranked = (Object.entries(counts) as [Language, number][]).sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = [ranked[0]!, ranked[1]!];
  if (best[1] < 2 || best[1] === runnerUp[1]) return 'unknown';
  return best[0];
}
