import type { CompiledLibrary } from '../lint/compileLibrary';
import { lintCase } from '../lint/lintCase';

/** An error-level finding that stands between a case and `verified`. */
export interface BlockingFinding {
  principleId: string;
  message: string;
  /** The words flagged. */
  quote: string;
}

/**
 * The verification gate's safety half, one rule for the panel, the CLI and export: a case whose answer has an
 * error-level finding is not safe to verify (or to export as verified) unless a reviewer recorded an override.
 */
export function blockingFindings(library: CompiledLibrary, documentText: string): BlockingFinding[] {
  const { findings } = lintCase(library, documentText);
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ principleId: f.principleId, message: f.message, quote: documentText.slice(f.start, f.end) }));
}

/** A reviewer's recorded decision to verify despite error findings (front matter `review.override`). */
export interface VerificationOverride {
  reason: string;
  by: string;
  at: string;
  /** The principles whose error findings were overridden. */
  principles: string[];
  /** The fingerprint the override was given for: a later change voids it. */
  fingerprint: string;
}

/** The override of a parsed `review:` block, when it is well formed. */
export function overrideOf(review: unknown): VerificationOverride | undefined {
  const override = (review as { override?: unknown } | undefined)?.override as
    Partial<VerificationOverride> | undefined;
  if (!override || typeof override !== 'object') return undefined;
  if (typeof override.reason !== 'string' || override.reason.trim() === '' || typeof override.fingerprint !== 'string')
    return undefined;
  return {
    reason: override.reason,
    by: String(override.by ?? ''),
    at: String(override.at ?? ''),
    principles: Array.isArray(override.principles) ? override.principles.map(String) : [],
    fingerprint: override.fingerprint,
  };
}

/** The errors an override does not cover: all of them unless it was given for this very answer and rubric. */
export function uncoveredFindings(
  findings: readonly BlockingFinding[],
  override: VerificationOverride | undefined,
  fingerprint: string,
): BlockingFinding[] {
  if (!override || override.fingerprint !== fingerprint) return [...findings];
  return findings.filter((f) => !override.principles.includes(f.principleId));
}

export function describeBlocking(findings: readonly BlockingFinding[]): string {
  const first = findings.slice(0, 3).map((f) => `${f.principleId} (“${f.quote.slice(0, 60)}”)`);
  return `${findings.length} error-level finding${findings.length === 1 ? '' : 's'}: ${first.join('; ')}${findings.length > 3 ? '; …' : ''}`;
}
