import type { ExportManifest } from './exportManifest';
import { exportFileName } from './exportRecords';

const FIELDS: Record<string, string[]> = {
  healthbench: [
    '`prompt_id` (string): the case id, stable across exports',
    "`prompt` (list of `{role, content}`): the conversation; the last turn is the user's",
    '`rubrics` (list of `{criterion, points, tags}`): points −10…10, never 0; tags `axis:…`, `level:example`, `principle:<id>`',
    '`example_tags` (list of strings): `theme:…` tags kept from an import, then scenario labels as `<dimension>:<label>`',
    '`ideal_completions_data` (`{ideal_completion}` or null): the verified answer',
    '`provenance` (object): case file, sha256 of its text, review status and reviewers',
  ],
  preferences: [
    '`prompt_id` (string), `prompt` (list of messages)',
    '`chosen` (one assistant message): the verified final answer',
    '`rejected` (one assistant message): the earliest draft in the revision history',
    '`rejected_source` (`human` | `model-revision`), `rejected_model` (string, optional)',
    '`principles_addressed` (list of principle ids), `chosen_sha256`, `rejected_sha256`',
  ],
  rl: [
    '`prompt_id` (string), `prompt` (list of messages)',
    '`rubrics` (list of `{criterion, points, tags}`): the reward rubric',
    '`scenario` (object): urgency, uncertainty, expertise, task labels the case sets',
    '`principle_ids` (list of strings), `example_tags` (list of strings)',
  ],
  verl: [
    '`data_source` (`clinalign`), `prompt` (list of messages), `ability` (`medical`)',
    '`reward_model` (`{style: "rule", ground_truth}`): `ground_truth` is the rubric as a JSON string',
    '`extra_info` (`{index, prompt, prompt_id}`): verl passes no prompt to reward functions, so the messages travel here',
  ],
};

const SIZE_CATEGORIES: [number, string][] = [
  [1_000, 'n<1K'],
  [10_000, '1K<n<10K'],
  [100_000, '10K<n<100K'],
  [1_000_000, '100K<n<1M'],
];

/**
 * The dataset card `README.md` in the Hugging Face datasets style: a YAML header (license left for the
 * owner to fill in, one config per file), then fields, counts and how the data was made. It holds no time,
 * so it is byte-identical across re-exports of the same cases.
 */
export function datasetCard(manifest: Omit<ExportManifest, 'created_at'>): string {
  const exported = manifest.counts.cases_exported;
  const size = SIZE_CATEGORIES.find(([limit]) => exported < limit)?.[1] ?? 'n>1M';
  const configs = manifest.files
    // An empty file makes a config the datasets library cannot load.
    .filter((f) => /\.(jsonl|parquet)$/.test(f.name) && f.records > 0)
    .map(
      (f) =>
        `  - config_name: ${f.name.replace(/\.(jsonl|parquet)$/, '')}\n    data_files:\n      - split: train\n        path: ${f.name}`,
    )
    .join('\n');
  const lines = [
    '---',
    'license: other # TODO: choose a license for this dataset',
    'language:',
    '  - en',
    'task_categories:',
    '  - text-generation',
    'tags:',
    '  - medical',
    '  - healthbench',
    '  - rubrics',
    '  - preference',
    'size_categories:',
    `  - ${size}`,
    'configs:',
    configs,
    '---',
    '',
    '# ClinAlign export',
    '',
    `Clinician-reviewed answers to health questions with question-specific grading rubrics, exported by ${manifest.generator} from ClinAlign case files.`,
    '',
    '## How it was made',
    '',
    'Each record comes from one `*.case.md` file: a conversation, a rubric synthesized from the HealthPrinciples library',
    'and then edited by clinical reviewers, and the answer they verified.',
    manifest.include_unverified
      ? '**This export includes cases that are not verified** (`--include-unverified`): treat it as a draft.'
      : 'Only cases with `review.status: verified` and every rubric item marked `verified: true` are included.',
    "Preference pairs take the verified answer as *chosen* and the earliest draft in the case's revision history as *rejected*.",
    '',
    `- Principle library: ${manifest.principle_library ? `${manifest.principle_library.version} (${manifest.principle_library.principles} principles)` : 'not recorded'}`,
    `- Judge model: ${manifest.judge_model ?? 'not recorded'}`,
    '',
    '## Files and counts',
    '',
    '| file | records | sha256 |',
    '| --- | ---: | --- |',
    ...manifest.files.map((f) => `| \`${f.name}\` | ${f.records} | \`${f.sha256.slice(0, 16)}…\` |`),
    '',
    `${manifest.counts.cases_read} case files read, ${exported} exported, ${manifest.counts.cases_skipped} skipped (see \`skipped.json\`).`,
    '',
    '### Scenario labels of the exported cases',
    '',
    '| dimension | label | cases |',
    '| --- | --- | ---: |',
    ...Object.entries(manifest.scenario_counts).flatMap(([dimension, labels]) =>
      Object.entries(labels).map(([label, n]) => `| ${dimension} | ${label} | ${n} |`),
    ),
    '',
    '## Fields',
    '',
    ...manifest.formats.flatMap((format) => [
      `### \`${exportFileName(format)}\``,
      '',
      ...FIELDS[format]!.map((f) => `- ${f}`),
      '',
    ]),
    '## Caveats',
    '',
    'Rubric items were judged by clinicians for this dataset; any model-graded score computed with them agrees with',
    'physicians only moderately, so report the judge model next to every score. Not medical advice.',
    '',
  ];
  return lines.join('\n');
}
