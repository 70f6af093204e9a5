import type { CompiledLibrary } from '../lint/compileLibrary';
import { blockingFindings } from '../review/verificationGate';
import { exportDataset, type ExportHooks, type ExportOptions, type ExportResult } from './exportDataset';
import { principleLibraryVersion } from './libraryVersion';

/** What a front end says about an export; the policy (the gate, the library's stamp) comes from the library. */
export type ExportCasesRequest = Omit<ExportOptions, 'principleLibrary' | 'safety'>;

/**
 * The one export of cases, for `clinalign export` and the editor's "Export verified examples": verified cases
 * only unless `includeUnverified`, a verified case with an uncovered error finding (by this library's lint)
 * skipped, and the manifest stamped with the library's version.
 */
export function exportCases(
  library: CompiledLibrary,
  request: ExportCasesRequest,
  hooks: ExportHooks = {},
): Promise<ExportResult> {
  return exportDataset(
    {
      ...request,
      includeUnverified: request.includeUnverified ?? false,
      principleLibrary: { version: principleLibraryVersion(library.principles), principles: library.principles.length },
      safety: (text) => blockingFindings(library, text),
    },
    hooks,
  );
}
