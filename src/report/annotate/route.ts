/**
 * Which writer makes the annotated workbook: one .xlsx is copied part by part (copy-xlsx.ts);
 * inputs without an .xlsx among them (CSVs, and inputs that cannot be read, which have no
 * cells) make a new workbook written by us (copy-csv.ts); several inputs with an .xlsx among
 * them go through exceljs (annotation.ts), which merges workbooks' styles and strings.
 */
import { InputError } from '../../model/errors.js';
import type { Finding } from '../../model/finding.js';
import { detectFile } from '../../parsers/detect.js';
import type { ZipSink } from '../zip-writer.js';
import { copyCsvs } from './copy-csv.js';
import { copyXlsx } from './copy-xlsx.js';
import { DEFAULT_MAX_NOTES, type CopyCounts } from './placement.js';

export type AnnotationRoute =
  | { readonly kind: 'xlsx'; readonly file: string }
  | { readonly kind: 'csv'; readonly files: readonly string[] }
  | { readonly kind: 'exceljs' };

/** The kind of `file`, or undefined when it cannot be read (its findings are listed without a link). */
export async function kindOf(file: string): Promise<'xlsx' | 'csv' | undefined> {
  try {
    return await detectFile(file);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

export async function routeOf(inputs: readonly string[]): Promise<AnnotationRoute> {
  const kinds: ('xlsx' | 'csv' | undefined)[] = [];
  for (const f of inputs) kinds.push(await kindOf(f));
  // the CSVs only: an input that cannot be read has no sheet, its findings are on the Errors sheet
  if (!kinds.includes('xlsx')) return { kind: 'csv', files: inputs.filter((_, i) => kinds[i] === 'csv') };
  return inputs.length === 1 ? { kind: 'xlsx', file: inputs[0]! } : { kind: 'exceljs' };
}

/** The annotated workbook of a route we write ourselves, into `sink`. */
export function copyRouted(
  route: AnnotationRoute & { kind: 'xlsx' | 'csv' }, findings: readonly Finding[], sink: ZipSink, maxNotes: number | undefined,
): Promise<CopyCounts> {
  const cap = Math.max(0, maxNotes ?? DEFAULT_MAX_NOTES);
  return route.kind === 'xlsx' ? copyXlsx(route.file, findings, sink, cap) : copyCsvs(route.files, findings, sink, cap);
}
