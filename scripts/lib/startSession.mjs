// What `npm start` (scripts/start.mjs) prepares before it opens an editor, kept apart so it can be tested:
// a scratch copy of examples/ (code-server saves automatically, and fixes or panel edits used to change the
// tracked files — issue 15), the user settings of the session, and the workbench URL that opens a case.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The case the first start opens, beside the ClinAlign walkthrough. */
export const FIRST_CASE = 'chest-pain-at-rest.case.md';

/** Settings every session needs, written over the user's own on each start (the rest of the file is kept). */
export const SESSION_SETTINGS = {
  // The scratch copy lives inside this repository: no "open the parent repository?" prompt about it.
  'git.openRepositoryInParentFolders': 'never',
  // No welcome page over the case and the ClinAlign walkthrough.
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
};

/**
 * Copies `examples` to `scratch` unless it is already there (a writer's work survives a restart); `fresh`
 * starts it again from the tracked files. Returns whether it copied.
 */
export function prepareScratchExamples(examples, scratch, { fresh = false } = {}) {
  if (fresh) rmSync(scratch, { recursive: true, force: true });
  if (existsSync(scratch)) return false;
  cpSync(examples, scratch, { recursive: true });
  return true;
}

/**
 * Writes SESSION_SETTINGS into the settings file, keeping the user's other settings. A file that is not
 * plain JSON (comments) is left alone: returns 'kept' so the caller can say so.
 */
export function writeSessionSettings(file) {
  let current = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return 'kept';
    }
  }
  writeFileSync(file, `${JSON.stringify({ ...current, ...SESSION_SETTINGS }, null, 2)}\n`);
  return 'written';
}

/** code-server's workbench URL: the folder, the extension under development, and a case to open. */
export function workbenchUrl(authority, folder, repo, openFile) {
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${repo}`],
    ...(openFile ? [['openFile', `vscode-remote://${authority}${openFile}`]] : []),
  ];
  return `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The case to open in `folder`: FIRST_CASE when the scratch copy still has it, else none. */
export function caseToOpen(folder) {
  const file = path.join(folder, FIRST_CASE);
  return existsSync(file) ? file : undefined;
}
