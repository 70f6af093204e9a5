import { caseAnswer } from '../case/caseAnswer';
import { parseCase, type CaseDocument } from '../case/parseCase';
import { caseIdOf } from '../case/revisionHistory';
import type { CompiledLibrary } from '../lint/compileLibrary';
import { selectPrinciples, type SelectedPrinciple } from '../lint/selectPrinciples';
import type { Principle } from '../principles/principle';
import { caseProjectRoot } from '../project/caseProjectRoot';
import { classifyCase, type CaseReadingOptions } from '../scenario/classifyCase';
import type { Classification } from '../scenario/classifyQuestion';
import type { Scenario } from '../scenario/labels';
import { promptPrinciples } from './applicablePrinciples';

/** The parts of a compiled library a case reads: principles to select, the lexicon to classify with. */
export type CaseLibrary = Pick<CompiledLibrary, 'principles' | 'lexicon' | 'recognitions'>;

/** A library, or how to get one when first needed (grading a case reads no principles). */
export type CaseLibrarySource = CaseLibrary | (() => CaseLibrary);

/** Where a case's text came from. */
export interface CaseSource {
  text: string;
  /** Its path (an unsaved editor document's path names it too): gives its id and its project. */
  file: string;
  /** The folder the user works in (workspace folder, working folder); see caseProjectRoot. */
  workFolder?: string | undefined;
}

/**
 * One case as every front end sees it: the parsed document, its answer, id and project root, its scenario
 * (with the evidence for each label) and the principles that apply with the reason each applies. The CLI,
 * the lint controller, the status item, the explorer, the hover and the model commands all read these, so
 * they cannot disagree. What costs time (the selection, the project walk) is worked out once, when first read.
 */
export class Case {
  private selected: readonly SelectedPrinciple[] | undefined;
  private forPrompt: readonly Principle[] | undefined;
  private projectRoot: string | undefined;
  private classified: Classification | undefined;
  private loaded: CaseLibrary | undefined;

  /** `classification` when the caller has it already (the lint controller); else classifyCase, when first read. */
  constructor(
    private readonly librarySource: CaseLibrarySource,
    private readonly source: CaseSource,
    readonly document: CaseDocument,
    classification?: Classification,
    private readonly reading: CaseReadingOptions = {},
  ) {
    this.classified = classification;
  }

  /** The library it was read with (what synthesis and the safety gate use). */
  get library(): CaseLibrary {
    return (this.loaded ??= typeof this.librarySource === 'function' ? this.librarySource() : this.librarySource);
  }

  /** The scenario with the evidence for each label (classifyCase: the question, then `audience:` and `scenario:`). */
  get classification(): Classification {
    return (this.classified ??= classifyCase(
      this.document,
      this.library.lexicon,
      this.reading,
      this.library.recognitions.recognise(this.document.question),
    ));
  }

  get text(): string {
    return this.source.text;
  }

  get file(): string {
    return this.source.file;
  }

  get question(): string {
    return this.document.question;
  }

  get scenario(): Scenario {
    return this.classification.scenario;
  }

  /** The answer as export writes it and the judge sees it: no ClinAlign comments, no final line break. */
  get answer(): string {
    return caseAnswer(this.document.body);
  }

  /** Its `id:`, else its file name without `.case.md`. */
  get id(): string {
    return caseIdOf(this.source.file, this.document.data.id);
  }

  /** Where its `.clinalign/history/` and `.clinalign/grades/` are (caseProjectRoot). */
  get root(): string {
    return (this.projectRoot ??= caseProjectRoot(this.source.file, this.source.workFolder));
  }

  /** Every principle that applies, most relevant first, each with why (selectPrinciples). */
  get applicable(): readonly SelectedPrinciple[] {
    return (this.selected ??= selectPrinciples(
      this.library.principles,
      this.scenario,
      this.question,
      this.library.lexicon,
    ));
  }

  /** What the model prompts get: the principles the rubric names, then the top of `applicable`. */
  get promptPrinciples(): readonly Principle[] {
    return (this.forPrompt ??= promptPrinciples(
      this.library.principles,
      this.applicable,
      this.document.data.rubric ?? [],
    ));
  }
}

/** Parses a case; never throws on bad input (problems are in `document.problems`). */
export function openCase(library: CaseLibrarySource, source: CaseSource, options: CaseReadingOptions = {}): Case {
  return new Case(library, source, parseCase(source.text), undefined, options);
}
