/**
 * `gstr1 split`: a sales register → the official template workbook, filled (split-template.ts
 * decides what goes in it; here it is written to a file).
 */
import { guardOutput } from './convert.js';
import type { ProcessResult } from '../engine/pass.js';
import { writeTemplateWorkbook } from '../report/template/workbook-file.js';
import type { WrittenSheet } from '../report/template/writer.js';
import type { RegisterRun } from '../register/reader.js';
import { splitTemplate, type SplitTemplateOptions } from './split-template.js';

export interface SplitOptions extends SplitTemplateOptions {
  /** the workbook to write */
  out: string;
}

export interface SplitResult {
  readonly result: ProcessResult;
  readonly run?: RegisterRun;
  readonly file: string;
  readonly sheets: readonly WrittenSheet[];
}

export async function splitRegister(files: readonly string[], opts: SplitOptions): Promise<SplitResult> {
  guardOutput(files, opts.out);
  const { out, ...rest } = opts;
  const { result, run, template } = await splitTemplate(files, rest);
  const res = await writeTemplateWorkbook(out, template);
  return { result, ...(run ? { run } : {}), file: out, sheets: res.sheets };
}
