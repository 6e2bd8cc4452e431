/** Messages between the page and the engine's worker. */
import type { WebCheckResult, WebFailure } from '../../src/web/check.js';

export interface CheckRequest {
  readonly type: 'check';
  readonly files: readonly File[];
  readonly gstin: string;
  readonly period: string;
  readonly turnover?: number;
  readonly sez: boolean;
  /** '' for any preset */
  readonly preset: string;
  /** a column mapping (the JSON `gstr1 mapping init` writes), when the user has one */
  readonly mapping?: string;
}

export type ToWorker = CheckRequest | { readonly type: 'annotate' } | { readonly type: 'portal-errors'; readonly text: string } | { readonly type: 'row'; readonly file: string; readonly sheet: string; readonly row: number } | { readonly type: 'headers'; readonly file: File } | { readonly type: 'detect'; readonly files: readonly File[] };

export type PageResult = Omit<WebCheckResult, 'raw'>;

export type FromWorker =
  | { readonly type: 'progress'; readonly rows: number; readonly file: string }
  | { readonly type: 'result'; readonly result: PageResult; readonly ms: number }
  | { readonly type: 'failure'; readonly failure: WebFailure }
  | { readonly type: 'annotated'; readonly bytes: Uint8Array; readonly notes: number }
  | { readonly type: 'portal-errors'; readonly bytes: Uint8Array; readonly errors: number; readonly onRows: number; readonly unmatched: number }
  | { readonly type: 'row'; readonly header: string[]; readonly cells: string[] }
  | { readonly type: 'detect'; readonly registers: readonly string[] }
  | { readonly type: 'headers'; readonly sheet: string; readonly row: number; readonly headers: { column: string; header: string; field?: string }[] };
