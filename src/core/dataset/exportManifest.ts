import * as z from 'zod';
import { EXPORT_FORMATS } from './exportRecords';
import { SKIP_REASONS } from './exportableCase';

export const exportFileSchema = z.strictObject({
  name: z.string(),
  records: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

/** `manifest.json`: the only file of an export that holds a time (docs/ARCHITECTURE.md §3.6). */
export const exportManifestSchema = z.strictObject({
  format_version: z.literal(1),
  generator: z.string(),
  created_at: z.string(),
  formats: z.array(z.enum(EXPORT_FORMATS)),
  include_unverified: z.boolean(),
  counts: z.strictObject({
    cases_read: z.number().int().min(0),
    cases_exported: z.number().int().min(0),
    cases_skipped: z.number().int().min(0),
    records: z.partialRecord(z.enum(EXPORT_FORMATS), z.number().int().min(0)),
  }),
  skipped_by_reason: z.partialRecord(z.enum(SKIP_REASONS), z.number().int().min(1)),
  /** Exported cases per scenario label; `unlabelled` when the case sets none for that dimension. */
  scenario_counts: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
  files: z.array(exportFileSchema),
  principle_library: z.strictObject({ version: z.string(), principles: z.number().int().min(0) }).nullable(),
  judge_model: z.string().nullable(),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;
