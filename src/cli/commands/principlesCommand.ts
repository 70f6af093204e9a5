import { checkConceptExamples } from '../../core/concepts/checkConceptExamples';
import { checkExamples } from '../../core/lint/checkExamples';
import type { Principle } from '../../core/principles/principle';
import { DIMENSIONS } from '../../core/principles/schema';
import { CliError } from '../cliError';
import { formatProblem, loadCliLibrary, type LibraryOptions } from '../loadCliLibrary';
import { plural } from '../format/plural';

/** A principle as `principles list --format json` prints it. */
function summary(p: Principle) {
  return {
    id: p.id,
    title: p.title,
    dimension: p.dimension,
    severity: p.severity,
    applies: p.applies ?? {},
    detectors: (p.detect ?? []).map((d) => d.kind),
    disabled: p.disabled === true,
    sources: p.sources,
    file: p.location.file,
    line: p.location.line + 1,
  };
}

export function listPrinciples(options: LibraryOptions & { format: 'text' | 'json' }): number {
  const library = loadCliLibrary(options);
  for (const problem of library.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(library.principles.map(summary), null, 2)}\n`);
  } else {
    for (const dimension of DIMENSIONS) {
      const group = library.principles.filter((p) => p.dimension === dimension);
      if (group.length === 0) continue;
      process.stdout.write(`${dimension} (${group.length})\n`);
      for (const p of group) {
        const flags = [p.severity, p.detect?.length ? 'detector' : '', p.disabled ? 'disabled' : '']
          .filter(Boolean)
          .join(', ');
        process.stdout.write(`  ${p.id.padEnd(56)} ${p.title} (${flags})\n`);
      }
    }
    process.stdout.write(`${plural(library.principles.length, 'principle')}\n`);
  }
  return library.problems.length > 0 ? 2 : 0;
}

/**
 * Schema, duplicate ids, regexes and every example of the library in use, with `paths` as extra layers
 * (so a team file of overrides validates against the principles it overrides); exit 0 only if all pass.
 */
export function validatePrinciples(paths: string[], options: LibraryOptions): number {
  const library = loadCliLibrary({ ...options, principles: [...options.principles, ...paths] });
  const messages = library.problems.map(formatProblem);
  for (const principle of library.principles) {
    for (const failure of checkExamples(principle, library.lexicon)) {
      messages.push(
        `${formatProblem({ ...principle.location, message: `${principle.id}: example ${failure.exampleIndex + 1}: ${failure.message}` })}`,
      );
    }
  }
  for (const failure of library.lexicon ? checkConceptExamples(library.lexicon) : []) {
    messages.push(
      `concept ${failure.concept}: example (matches: ${failure.expected}) “${failure.text}”: ${failure.message}`,
    );
  }
  for (const message of messages) process.stderr.write(`${message}\n`);
  process.stdout.write(
    messages.length === 0
      ? `${plural(library.principles.length, 'principle')} valid; every example agrees with its detectors\n`
      : `${plural(messages.length, 'problem')} in ${plural(library.principles.length, 'principle')}\n`,
  );
  return messages.length === 0 ? 0 : 1;
}

export function showPrinciple(id: string, options: LibraryOptions & { format: 'text' | 'json' }): number {
  const library = loadCliLibrary(options);
  const principle = library.principles.find((p) => p.id === id);
  if (!principle) {
    const near = library.principles.filter((p) => p.id.includes(id.split('.').pop() ?? id)).map((p) => p.id);
    throw new CliError(`no principle "${id}"${near.length ? `; did you mean ${near.slice(0, 3).join(', ')}?` : ''}`);
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(principle, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `${principle.id} — ${principle.title}`,
    `dimension: ${principle.dimension}   severity: ${principle.severity}${principle.disabled ? '   (disabled)' : ''}`,
    `applies: ${principle.applies ? JSON.stringify(principle.applies) : 'always'}`,
    '',
    principle.statement,
    '',
    `Why: ${principle.rationale}`,
    `Rubric: [${principle.rubric.points}] ${principle.rubric.criterion} (axis:${principle.rubric.axis})`,
    `Detectors: ${(principle.detect ?? []).map((d) => d.kind).join(', ') || 'none'}`,
    `Sources: ${principle.sources.join('; ')}`,
    `Defined at ${principle.location.file}:${principle.location.line + 1}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
