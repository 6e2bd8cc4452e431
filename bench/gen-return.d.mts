// Types for bench/gen-return.mjs, for test/memory.test.ts.

export interface GenerateOptions {
  /** document lines (every sheet but the HSN summary) */
  lines: number;
  /** output path without extension: <out>.xlsx, <out>-csv/, <out>.manifest.json */
  out?: string;
  /** 'xlsx,csv' (default), 'xlsx', 'csv', or an array */
  formats?: string | string[];
  seed?: number;
  /** MMYYYY, default 102025 */
  period?: string;
  /** supplier GSTIN, default 27AAACR5055K1Z7 */
  gstin?: string;
  dateMode?: 'date' | 'text';
  inlineStrings?: boolean;
  /** fraction of rows given one defect */
  errors?: number;
  errorsLog?: string | null;
  quiet?: boolean;
}

export interface Manifest {
  generator: string;
  version: number;
  sourceHash: string;
  options: Required<Pick<GenerateOptions, 'lines' | 'seed' | 'period' | 'gstin' | 'dateMode' | 'inlineStrings' | 'errors'>>;
  files: { xlsx: string | null; csvDir: string | null; csv: Record<string, string> };
  /** data rows per sheet name */
  sheets: Record<string, number>;
  /** the row-3 summary values per sheet name */
  summaries: Record<string, Record<string, number>>;
  dataRows: number;
  documentLines: number;
  defects: number;
  seconds: number;
}

export interface GeneratedSheet {
  name: string;
  id: string;
  share?: number;
  tab?: 'b2b' | 'b2c';
  title: string;
  headers: string[];
}

export const GENERATOR_VERSION: number;
export const SUPPLIER_GSTIN: string;
export const DEFAULT_PERIOD: string;
export const SHEETS: GeneratedSheet[];
export const STATES: [string, string][];
export const RATES: number[];
export const HSN_NOT_IN_MASTER: string;
export function sourceHash(hsnMaster?: string): string;
export function gstinCheckChar(first14: string): string;
export function isValidGstin(gstin: string): boolean;
export function generateReturn(opts: GenerateOptions): Promise<Manifest>;
