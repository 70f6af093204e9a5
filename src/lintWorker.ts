// The lint worker (dist/lintWorker.js): runs the detectors off the caller's thread, so the extension host and
// the CLI can stop a lint that overruns its time budget (see core/lint/budgetedLinter.ts).
import { parentPort } from 'node:worker_threads';
import { compileLibrary, type CompiledLibrary } from './core/lint/compileLibrary';
import { lintAnswer } from './core/lint/lintAnswer';
import type { FromLintWorker, LibrarySpec, ToLintWorker } from './core/lint/lintWorkerProtocol';
import { loadPrinciples } from './core/principles/loadPrinciples';

let library: CompiledLibrary | undefined;

function load(spec: LibrarySpec): CompiledLibrary {
  const [first, ...rest] = spec.layers;
  const loaded = spec.bundledDir
    ? loadPrinciples(spec.bundledDir, spec.layers)
    : first
      ? loadPrinciples(first, rest)
      : undefined;
  return compileLibrary(loaded?.principles ?? [], loaded?.lexicon, loaded?.patternPlans);
}

parentPort!.on('message', (message: ToLintWorker) => {
  if (message.type === 'library') {
    library = load(message.spec);
    if (message.spec.prebuildPhraseIndex) void library.lexicon.termTrie;
    return;
  }
  let reply: FromLintWorker;
  try {
    reply = { type: 'findings', id: message.id, findings: library ? lintAnswer(library, message.input) : [] };
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
