import type { ModelClient } from '../model/modelClient';

export interface WorkflowProgress {
  done: number;
  total: number;
  message?: string;
}

/** What every workflow takes besides its input: cancellation and a progress callback. */
export interface WorkflowOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: WorkflowProgress) => void) | undefined;
}

/** The part of ModelClient the workflows use; the extension may wrap or fake it. */
export type StructuredClient = Pick<ModelClient, 'completeJson' | 'model' | 'judgeModel'>;
