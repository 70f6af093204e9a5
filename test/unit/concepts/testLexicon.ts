import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConceptLexicon } from '../../../src/core/concepts/conceptLexicon';
import { parseConceptFile } from '../../../src/core/concepts/parseConceptFile';
import { bundledPrinciplesDir } from '../../../src/core/principles/bundledLibrary';

/** A small lexicon written in the test, with the bundled context triggers, so tests don't move with the library. */
export function testLexicon(yaml: string): ConceptLexicon {
  const contextFile = join(bundledPrinciplesDir(), 'concepts', 'context.yaml');
  return new ConceptLexicon([
    parseConceptFile('test.yaml', yaml, false),
    parseConceptFile(contextFile, readFileSync(contextFile, 'utf8'), false),
  ]);
}

export const SMALL_LEXICON = `
concepts:
  - id: body.chest
    kind: body
    label: chest
    terms: { en: [chest, breastbone, cheast] }
  - id: feature.sweating
    kind: feature
    label: sweating
    terms: { en: [sweat*, clammy] }
  - id: feature.pain-spreading
    kind: feature
    label: pain spreading to the arm or jaw
    terms: { en: ['goes|going|spreads|spreading|radiates|radiating into|to|down my|his|her? jaw|arm|neck'] }
  - id: redflag.cardiac-chest-pain
    kind: red-flag
    label: chest pain that may be a heart attack
    urgency: conditionally-emergent
    emergentWith: [feature.sweating, feature.pain-spreading]
    terms: { en: [elephant on my|his|her chest], es: [dolor en el pecho] }
    combos:
      - window: 8
        all:
          - concept: body.chest
          - terms: [pain*, tight*, heavy, heaviness, pressure, crushing, hurt*]
  - id: population.infant-under-3-months
    kind: population
    label: a baby under 3 months
    terms: { en: ['born <0-12> day*|week*|wk|wks ago', '<0-12> week*|wk|wks|day* old', newborn] }
  - id: action.call-emergency
    kind: action
    label: call emergency services
    terms: { en: ['call|dial|ring 911|999|112|000', call an ambulance] }
  - id: action.wait-and-see
    kind: action
    label: wait and see
    terms: { en: [wait and see, sleep it off, see your gp tomorrow] }
`;
