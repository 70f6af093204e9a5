/**
 * Longest-match protection for word-level rules: a term that is part of a longer technical term
 * ("renal tubular acidosis", "pulmonary hypertension", "lupus anticoagulant") or of a proper name
 * ("Dietary Approaches to Stop Hypertension", "Renal Coloboma Syndrome") names something else, and swapping
 * the word alone would produce a nonsense compound ("pulmonary high blood pressure").
 */
export function insideLongerTerm(text: string, start: number, end: number): boolean {
  return inProperName(text, start, end) || inTechnicalCompound(text, start, end);
}

/**
 * Part of a name the writer cannot change: a proper name, a named condition ("… retardation syndrome"), or
 * the condition's name as the question gives it ("Pachygyria with mental retardation and seizures").
 */
export function insideName(text: string, start: number, end: number, question = ''): boolean {
  if (inProperName(text, start, end) || namedInQuestion(text, start, end, question)) return true;
  const next = WORD_AFTER.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  return next !== undefined && CONDITION_HEADS.has(next);
}

/**
 * A phrase of several words that the question also uses with a neighbouring word: the answer repeats the
 * name asked about. (A single word the question shares — "Will antibiotics kill the virus?" — is no name.)
 */
function namedInQuestion(text: string, start: number, end: number, question: string): boolean {
  const term = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  if (question === '' || !term.includes(' ')) return false;
  const asked = question.toLowerCase().replace(/\s+/g, ' ');
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
  const next = WORD_AFTER.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  return (
    (previous !== undefined && asked.includes(`${previous} ${term}`)) ||
    (next !== undefined && asked.includes(`${term} ${next}`))
  );
}

const CONDITION_HEADS = new Set(['syndrome', 'syndromes', 'disease', 'disorder', 'sequence', 'anomaly', 'complex']);

const WORD_BEFORE = /([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)[ \t]+$/u;
const WORD_AFTER = /^[ \t]+([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)/u;
// Small words that sit inside names: "Dietary Approaches to Stop Hypertension", "Society of Hypertension".
const NAME_JOINERS = new Set(['of', 'to', 'and', 'the', 'for', 'in', 'on', 'with', 'de', 'du', 'la', 'von', 'van']);
// A capitalised word, not an abbreviation or a code ("MgSO4", "CKD").
const CAPITALISED = /^\p{Lu}(?:\p{Ll}{2}|\p{Ll}?[-'’])/u;

/**
 * In a run of capitalised words: a capitalised term in mid-sentence, or one at a sentence or line start
 * followed by another capitalised word ("Renal Coloboma Syndrome", a heading, a title after a colon).
 */
function inProperName(text: string, start: number, end: number): boolean {
  if (!CAPITALISED.test(text.slice(start, end))) return false;
  if (!opensSentence(text, start)) return true;
  let after = text.slice(end, end + 40);
  for (let word = WORD_AFTER.exec(after); word; word = WORD_AFTER.exec(after)) {
    if (CAPITALISED.test(word[1]!)) return true;
    if (!NAME_JOINERS.has(word[1]!)) return false;
    after = after.slice(word[0].length);
  }
  return false;
}

/** At the start of the text, a line or a sentence, after a list marker, a colon or an opening bracket. */
function opensSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).replace(/[ \t]+$/u, '');
  if (before === '') return true;
  return /(?:[.!?:;\n([“"'#]|(?:^|\s)(?:[-*+•]|\d+[.)]))$/u.test(before);
}

// Words that form a technical term with the word next to them ("renal cell carcinoma", "hepatic lipase",
// "sinus tachycardia"), recognised by medical word endings or as common heads and modifiers of such terms.
const TECHNICAL_ENDING =
  /(?:oma|omas|osis|oses|itis|emia|aemia|ase|ases|ular|pathy|plasia|trophy|ism|cyte|cytes|ectomy|otomy|ostomy|scopy|graphy|uria|algia|penia|lysis|genic)$/u;
const TECHNICAL_HEADS = new Set([
  'cell',
  'cells',
  'tubule',
  'tubules',
  'artery',
  'arteries',
  'portal',
  'vein',
  'veins',
  'duct',
  'ducts',
  'syndrome',
  'syndromes',
  'crisis',
  'anticoagulant',
  'panel',
  'clearance',
]);
const TECHNICAL_MODIFIERS = new Set([
  'sinus',
  'coat',
  'lupus',
  'portal',
  'rebound',
  'reflex',
  'supine',
  'postprandial',
  'reactive',
  'neonatal',
  'gestational',
  'intracranial',
  'essential',
  'malignant',
  'secondary',
  'primary',
]);
// Latinate adjectives ("pulmonary", "orthostatic", "ventricular") form named conditions with the noun after
// them; these everyday adjectives with the same endings do not ("chronic hypertension" is plain).
const LATINATE_ADJECTIVE = /(?:ary|ic|ar|al|ous|tic|oid|ile|ine)$/u;
const PLAIN_ADJECTIVES = new Set([
  'chronic',
  'typical',
  'normal',
  'general',
  'usual',
  'unusual',
  'medical',
  'physical',
  'mental',
  'total',
  'several',
  'special',
  'actual',
  'potential',
  'critical',
  'fatal',
  'serious',
  'various',
  'previous',
  'dangerous',
  'occasional',
  'additional',
  'initial',
  'final',
  'original',
  'regular',
  'particular',
  'similar',
  'clinical',
  'symptomatic',
  'asymptomatic',
  'significant',
  'mild',
  'severe',
  'dramatic',
  'real',
  'vital',
  'natural',
  'annual',
  'daily',
  'nocturnal',
  'episodic',
  'sporadic',
  'genetic',
  'familial',
  'famous',
  'obvious',
  'medicine',
  'routine',
  'fine',
  'ordinary',
  'necessary',
  'temporary',
  'unnecessary',
  'basic',
  'classic',
  'specific',
  'public',
  'automatic',
]);

/**
 * The word after the term is technical ("renal tubular acidosis", "hepatic lipase"), or the term names a
 * condition and the word before it narrows it to a named subtype ("pulmonary hypertension").
 */
function inTechnicalCompound(text: string, start: number, end: number): boolean {
  const next = WORD_AFTER.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  if (next !== undefined && (TECHNICAL_HEADS.has(next) || TECHNICAL_ENDING.test(next))) return true;
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
  if (previous === undefined) return false;
  if (TECHNICAL_MODIFIERS.has(previous)) return true;
  return LATINATE_ADJECTIVE.test(previous) && !PLAIN_ADJECTIVES.has(previous) && previous.length > 4;
}
