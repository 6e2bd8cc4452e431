/**
 * The library API for the portal: upload chunks, ask their status, reset, and file — one file per
 * command over the shared run (run-context.ts) and one retry helper (retry.ts).
 */
export type { Prompt, Given, PollOptions, RunOptions, ChunkResult } from './run-context.js';
export { given } from './run-context.js';
export { uploadReturn, type UploadOptions, type UploadResult } from './upload-return.js';
export { returnStatus, type StatusOptions, type ReturnStatusResult } from './return-status.js';
export { resetReturn, type ResetOptions, type ResetResult } from './reset-return.js';
export { fileReturn, type FileOptions, type FileResult, type FilingCheck } from './file-return.js';
