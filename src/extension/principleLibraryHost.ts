import * as path from 'node:path';
import * as vscode from 'vscode';
import { compileLibrary, type CompiledLibrary } from '../core/lint/compileLibrary';
import type { LibrarySpec } from '../core/lint/lintWorkerProtocol';
import { PrincipleLibraryLoader } from '../core/principles/libraryLoader';
import type { LoadProblem } from '../core/principles/loadProblem';
import type { Principle } from '../core/principles/principle';
import { teamConceptDirFor } from '../core/concepts/loadLexicon';
import { principleFilesSignature, TEAM_PRINCIPLES_FOLDER } from '../core/principles/teamPrinciples';
import { readSettings } from './settings';

function isTeamPrincipleFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /[\\/]\.clinalign[\\/](principles|concepts)[\\/][^\\/]+\.ya?ml$/i.test(uri.fsPath);
}

/** Keeps the compiled library for the workspace current: bundled + `.clinalign/principles` + extra folders. */
export class PrincipleLibraryHost implements vscode.Disposable {
  private readonly loader: PrincipleLibraryLoader;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private compiledLibrary!: CompiledLibrary;
  private problemsByFile = new Map<string, LoadProblem[]>();
  private broken = new Set<string>();
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly pollTimer: NodeJS.Timeout;
  private filesSignature = '';
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly bundledDir: string,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.loader = new PrincipleLibraryLoader(bundledDir);
    this.reload();
    // Files inside the team folder, and the folders themselves (deleting `.clinalign` reports only the folder).
    const team = TEAM_PRINCIPLES_FOLDER.split(path.sep).join('/');
    const concepts = `${team.split('/')[0]}/concepts`;
    const watchers = [
      `**/${team}/**`,
      `**/${team}`,
      `**/${concepts}/**`,
      `**/${concepts}`,
      `**/${team.split('/')[0]}`,
    ].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    const onFileEvent = () => this.scheduleReload();
    this.disposables.push(
      ...watchers,
      ...watchers.flatMap((w) => [w.onDidCreate(onFileEvent), w.onDidChange(onFileEvent), w.onDidDelete(onFileEvent)]),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('clinalign.principleFolders')) this.reloadAndNotify();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reloadAndNotify()),
      // File watchers can miss a file created right after its folder; the editor's own saves are certain.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isTeamPrincipleFile(d.uri)) this.scheduleReload();
      }),
      vscode.workspace.onDidCreateFiles((e) => {
        if (e.files.some(isTeamPrincipleFile)) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reloadAndNotify()),
    );
    // File watchers miss events in some set-ups (remote hosts, folders created a moment earlier): a few stat
    // calls every 1.5 s catch what they miss.
    this.pollTimer = setInterval(() => {
      if (principleFilesSignature(this.watchedPaths()) !== this.filesSignature) this.scheduleReload();
    }, 1500);
  }

  get library(): CompiledLibrary {
    return this.compiledLibrary;
  }

  /** Principle files (absolute paths) that currently have problems; their last good version is in use. */
  get brokenFiles(): ReadonlySet<string> {
    return this.broken;
  }

  principle(id: string): Principle | undefined {
    return this.compiledLibrary.principles.find((p) => p.id === id);
  }

  /** Saving or deleting several files fires several events: reload once they have settled. */
  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reloadAndNotify(), 100);
  }

  /** Re-reads every principle file and tells listeners (the explorer's Refresh). */
  reloadAndNotify(): void {
    this.reload();
    this.changed.fire();
  }

  private reload(): void {
    const started = performance.now();
    const teamPaths = this.teamPaths();
    this.filesSignature = principleFilesSignature(this.watchedPaths());
    const library = this.loader.load(teamPaths);
    this.compiledLibrary = compileLibrary(library.principles, library.lexicon, library.patternPlans);
    this.broken = library.brokenFiles;
    this.publishProblems(library.problems);
    this.log.info(
      `Loaded ${library.principles.length} principles (${library.problems.length} problems) in ${(performance.now() - started).toFixed(1)} ms`,
    );
  }

  /** Team principle folders and the concept folders beside them. */
  private watchedPaths(): string[] {
    const paths = this.teamPaths();
    return [...paths, ...paths.map(teamConceptDirFor)];
  }

  /**
   * Team folders of every workspace folder, plus extra folders from settings, in trusted workspaces only:
   * in Restricted Mode only the bundled library is used, so a cloned repository's principle or concept files
   * cannot change what the editor runs or shows.
   */
  private teamPaths(): string[] {
    if (!vscode.workspace.isTrusted) return [];
    const paths: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      paths.push(path.join(folder.uri.fsPath, TEAM_PRINCIPLES_FOLDER));
      const extra = readSettings(folder.uri).principleFolders;
      paths.push(...extra.map((p) => path.resolve(folder.uri.fsPath, p)));
    }
    return paths;
  }

  /** The folders the library is loaded from, for the lint worker to load the same library. */
  get librarySpec(): LibrarySpec {
    return { bundledDir: this.bundledDir, layers: this.teamPaths(), prebuildPhraseIndex: true };
  }

  /** True in Restricted Mode, when workspace principle and concept files are ignored. */
  get ignoresWorkspaceFiles(): boolean {
    return !vscode.workspace.isTrusted;
  }

  /** Problems in principle YAML files appear in that file, in the shared diagnostic collection. */
  private publishProblems(problems: LoadProblem[]): void {
    for (const file of this.problemsByFile.keys()) this.diagnostics.delete(vscode.Uri.file(file));
    this.problemsByFile = new Map();
    for (const problem of problems) {
      const list = this.problemsByFile.get(problem.file) ?? [];
      list.push(problem);
      this.problemsByFile.set(problem.file, list);
    }
    for (const [file, list] of this.problemsByFile) {
      this.diagnostics.set(
        vscode.Uri.file(file),
        list.map((p) => {
          const range = new vscode.Range(p.line, p.column, p.endLine ?? p.line, p.endColumn ?? p.column + 1);
          const diagnostic = new vscode.Diagnostic(range, p.message, vscode.DiagnosticSeverity.Error);
          diagnostic.source = 'clinalign';
          return diagnostic;
        }),
      );
    }
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    clearInterval(this.pollTimer);
    for (const d of this.disposables) d.dispose();
  }
}
