/**
 * The annotated error workbook written to a file: one .xlsx is copied part by part with its
 * findings put on (copy-xlsx.ts); CSVs make a new workbook written by us (copy-csv.ts); several
 * inputs with an .xlsx among them make a new workbook through exceljs (annotation.ts), whose
 * reader gets input workbooks as reordered temp copies (route.ts decides; exceljs, a quarter
 * second and about 25 MB to load, only then). Written beside `out` and renamed when complete
 * (output-file.ts). The inputs are never written.
 */
import { resolve } from 'node:path';
import type { Finding } from '../../model/finding.js';
import { refuseInputAsOutput, writeBeside, WRITE_PIECE, writeInPieces } from '../output-file.js';
import type { AnnotateOptions } from './annotation.js';
import { copyRouted, routeOf } from './route.js';

export type { AnnotateOptions } from './annotation.js';
export { DEFAULT_MAX_NOTES } from './placement.js';

export interface AnnotateResult {
  /** the output file, resolved */
  out: string;
  /** cells given a note */
  notes: number;
  /** cells filled */
  fills: number;
  /** findings that point at no cell (whole-file or whole-sheet findings, portal errors marked unmatched, locations not in the inputs) */
  unmatched: number;
}

/**
 * Writes the annotated copy of `inputs` to `out`. Refuses an `out` that is one of the inputs.
 * The file appears at `out` only when complete (it is written beside it and renamed).
 */
export async function annotateFiles(
  inputs: readonly string[],
  findings: readonly Finding[],
  out: string,
  opts: AnnotateOptions = {},
): Promise<AnnotateResult> {
  const outPath = resolve(out);
  const files = [...new Map(inputs.map((f) => [resolve(f), f])).values()];
  refuseInputAsOutput(files, [out]);
  const route = await routeOf(files);
  return writeBeside(out, async (partial) => {
    const counts = route.kind !== 'exceljs'
      ? await writeInPieces(partial, WRITE_PIECE, (sink) => copyRouted(route, findings, sink, opts.maxNotes))
      : await (await import('./exceljs-route.js')).writeThroughExcelJs(partial, files, findings, opts);
    refuseInputAsOutput(files, [out]);
    return { out: outPath, ...counts };
  });
}
