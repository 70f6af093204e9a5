import type { Principle } from './principle';

/**
 * Principles about how medicines are chosen, dosed or written (units, zeros, frequencies). They say nothing
 * useful about an answer that needs no medicine, so a rubric for such a question ranks them last.
 */
const MEDICINE_TITLE = /\b(?:doses?|dosing|dosage|drugs?|medicines?|medications?|supplements?|prescriptions?|zeros|aspirin|paracetamol|acetaminophen)\b/i;

/** Words and drug-name endings that show the question is about a medicine or a dose. */
const MEDICINE_IN_QUESTION = new RegExp(
  [
    String.raw`\b(?:doses?|dosing|dosage|titrat\w*|mg|mcg|µg|ml|IU|IV|PO|cef\w+|medicines?|medications?|meds|pills?|tablets?|capsules?|drugs?|prescri\w*|inhalers?|injections?|supplements?|vitamins?|antibiotics?|painkillers?|insulin|aspirin|paracetamol|acetaminophen|ibuprofen|tylenol|advil|motrin|nurofen|calpol|panadol)\b`,
    String.raw`\b\w+(?:cillin|mycin|micin|floxacin|cycline|azole|pril|sartan|olol|statin|prazole|dipine|formin|gliptin|flozin|glutide|parin|xaban|gatran|oxetine|triptan|profen|azepam|zolam|codone|morphine|glargine|clavulanate)\b`,
    String.raw`\bwhat (?:can|should) (?:i|we) (?:give|take)\b`,
  ].join('|'),
  'iu',
);

export function isMedicinePrinciple(principle: Principle): boolean {
  return MEDICINE_TITLE.test(principle.title);
}

export function mentionsMedicine(question: string): boolean {
  return MEDICINE_IN_QUESTION.test(question);
}
