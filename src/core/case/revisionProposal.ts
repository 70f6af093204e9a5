import { parseCase } from './parseCase';

/**
 * A model's revision of a case's answer, waiting for a reviewer to accept or reject it. It remembers the
 * exact document it was made from, so accepting it can never overwrite edits made in the meantime.
 */
export interface RevisionProposal {
  id: string;
  /** The case document (as a URI string) and the version and text the revision was requested from. */
  documentUri: string;
  version: number;
  documentText: string;
  caseId: string;
  draft: string;
  revised: string;
  model: string;
  principlesAddressed: string[];
  summary: string;
  /** Why the safety gate refused the revision (checkRevisionSafety); empty or absent when it is safe. */
  unsafe?: string[];
}

export type AcceptCheck =
  /** `firstChange`: the offset in the new document of the first character the revision changed, to reveal it. */
  { ok: true; start: number; end: number; newText: string; firstChange: number } | { ok: false; reason: string };

export const CHANGED_SINCE_REQUEST =
  'The case changed after the revision was requested, so nothing was applied (your edits are kept). Ask for a new revision of the current text.';

/** The answer-body replacement to apply, only when the document is exactly as it was when the revision was asked for. */
export function checkAcceptable(
  proposal: RevisionProposal,
  current: { version: number; text: string } | undefined,
  options: { force?: boolean } = {},
): AcceptCheck {
  if (!current) return { ok: false, reason: 'The case file is no longer open or readable; nothing was applied.' };
  if (proposal.unsafe?.length && !options.force) {
    return {
      ok: false,
      reason: `The revision is less safe than the draft, so it was not applied: it ${proposal.unsafe.join('; it ')}.`,
    };
  }
  if (current.version !== proposal.version || current.text !== proposal.documentText)
    return { ok: false, reason: CHANGED_SINCE_REQUEST };
  const { bodyStart } = parseCase(current.text);
  const old = current.text.slice(bodyStart);
  let same = 0;
  while (same < old.length && same < proposal.revised.length && old[same] === proposal.revised[same]) same++;
  return {
    ok: true,
    start: bodyStart,
    end: current.text.length,
    newText: proposal.revised,
    firstChange: bodyStart + same,
  };
}

/** Short, unique enough within one editor session, safe in a URI path. */
export function proposalId(counter: number, now = Date.now()): string {
  return `${now.toString(36)}-${counter}`;
}
