/**
 * Which writer makes the annotated workbook: one .xlsx is copied part by part (copy-xlsx.ts);
 * inputs without an .xlsx among them (CSVs, and inputs that cannot be read, which have no
 * cells) make a new workbook written by us (copy-csv.ts); several inputs with an .xlsx among
 * them go through exceljs (annotation.ts), which merges workbooks' styles and strings.
 */
import { InputError } from '../../model/errors.js';
import { detectFile } from '../../parsers/detect.js';

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
  const kinds = [];
  for (const f of inputs) kinds.push(await kindOf(f));
  if (!kinds.includes('xlsx')) return { kind: 'csv', files: inputs };
  return inputs.length === 1 ? { kind: 'xlsx', file: inputs[0]! } : { kind: 'exceljs' };
}
