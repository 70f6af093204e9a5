import { relative } from 'node:path';
import { BATCH_API_LIMITS, type WrittenBatch } from '../../core/dataset/batchRequestFile';

/** `requests.jsonl`, or the parts with the limits that split them; run each part as its own batch. */
export function describeBatchFiles(written: WrittenBatch, asked: string): string {
  if (written.files.length === 1) return asked;
  const shown = written.files.map((file) => relative(process.cwd(), file) || file);
  return `${written.files.length} files, one batch each (the Batch API takes at most ${BATCH_API_LIMITS.maxRequests.toLocaleString('en')} requests and 200 MB a file): ${shown.join(', ')}`;
}
