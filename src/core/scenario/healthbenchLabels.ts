import type { PartialScenario } from './labels';

/** HealthBench example tags that name a ClinAlign scenario label (physician-agreed categories and themes). */
const TAG_LABELS: Record<string, PartialScenario> = {
  'physician_agreed_category:emergent': { urgency: 'emergent' },
  'physician_agreed_category:conditionally-emergent': { urgency: 'conditionally-emergent' },
  'physician_agreed_category:non-emergent': { urgency: 'non-emergent' },
  'physician_agreed_category:health-professional': { expertise: 'clinician' },
  'physician_agreed_category:not-health-professional': { expertise: 'layperson' },
  'physician_agreed_category:no-uncertainty': { uncertainty: 'none' },
  'physician_agreed_category:any-reducible-uncertainty': { uncertainty: 'reducible' },
  'physician_agreed_category:only-irreducible-uncertainty': { uncertainty: 'irreducible' },
  'physician_agreed_category:enough-info-to-complete-task': { task: 'health-data' },
  'physician_agreed_category:not-enough-info-to-complete-task': { task: 'health-data' },
  'theme:health_data_tasks': { task: 'health-data' },
};

/** The scenario labels a HealthBench record's tags imply; dimensions they do not speak to are left out. */
export function scenarioFromHealthBenchTags(tags: readonly string[]): PartialScenario {
  return Object.assign({}, ...tags.map((tag) => TAG_LABELS[tag] ?? {}));
}
