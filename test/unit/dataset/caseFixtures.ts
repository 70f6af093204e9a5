import { reviewFingerprint } from '../../../src/core/review/reviewFingerprint';

/** What an export with the default formats leaves in its folder, sorted. */
export const DEFAULT_EXPORT_FILES = [
  'README.md',
  'healthbench.jsonl',
  'manifest.json',
  'preferences.jsonl',
  'rl.jsonl',
  'skipped.json',
] as const;

const RUBRIC = [
  {
    criterion: 'Advises calling emergency services immediately',
    points: 10,
    tags: ['axis:accuracy', 'level:example', 'principle:urgency.escalate-red-flags'],
    verified: true,
  },
  {
    criterion: 'Suggests waiting to see whether it passes',
    points: -6,
    tags: ['axis:accuracy', 'level:example'],
    verified: true,
  },
];

/**
 * A verified case with a two-item verified rubric and the fingerprint of what was verified; `answer` and
 * `extra` front-matter lines vary it.
 */
export function verifiedCase(id: string, answer = 'Call emergency services now.', extra = ''): string {
  return `---
id: ${id}
audience: layperson
conversation:
  - role: user
    content: I have crushing chest pain. What should I do?
scenario:
  urgency: emergent
rubric:
  - criterion: Advises calling emergency services immediately
    points: 10
    tags: [axis:accuracy, level:example, principle:urgency.escalate-red-flags]
    verified: true
  - criterion: Suggests waiting to see whether it passes
    points: -6
    tags: [axis:accuracy, level:example]
    verified: true
review:
  status: verified
  reviewers: [dr-lee]
  fingerprint: ${reviewFingerprint(`${answer}\n`, RUBRIC)}
${extra}---
${answer}
`;
}
