/** Words, syllables and the Flesch–Kincaid grade, for reading-level limits on lay answers. */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) count++;
  return count;
}

/** Vowel-group heuristic; good enough for grade estimates, which are themselves approximations. */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export interface TextStatistics {
  words: number;
  sentences: number;
  syllables: number;
}

export function textStatistics(text: string, sentenceCount: number): TextStatistics {
  let words = 0;
  let syllables = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    words++;
    syllables += countSyllables(m[0]);
  }
  return { words, sentences: Math.max(1, sentenceCount), syllables };
}

/** Flesch–Kincaid grade level. */
export function fleschKincaidGrade(stats: TextStatistics): number {
  if (stats.words === 0) return 0;
  return 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
}
