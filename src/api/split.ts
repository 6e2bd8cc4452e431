/**
 * `gstr1 split`: a sales register → the official template workbook, filled. The register is
 * classified and mapped as for convert, and the return's JSON is written back as template rows
 * by each section's mapper (`toRows`, as `gstr1 to-excel` does), so converting the workbook gives
 * the same JSON as converting the register.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type ReturnOptions, returnContext } from '../engine/options.js';
import { guardOutput } from './convert.js';
import { returnRows, type ReturnJson } from './to-excel.js';
import { formatPeriod } from '../model/period.js';
import { sheetSpec, type SheetId } from '../model/sheets.js';
import { assemblePayload } from '../mappers/payload.js';
import { MAPPERS } from '../mappers/registry.js';
import { helpLines, inTemplateOrder, templateSheetIds } from '../report/template/layout.js';
import { writeTemplateWorkbook, type WrittenSheet } from '../report/template/writer.js';
import { defaultCheckers, type ValidateOptions } from '../validators/index.js';
import type { ProcessResult } from '../engine/pass.js';
import { type RegisterOptions } from '../register/index.js';
import { processWithRegister } from './register-pass.js';
import type { RegisterRun } from '../register/reader.js';

export interface SplitOptions extends ReturnOptions, ValidateOptions, RegisterOptions {
  /** the workbook to write */
  out: string;
  onProgress?: (rows: number, file: string) => void;
}

export interface SplitResult {
  readonly result: ProcessResult;
  readonly run?: RegisterRun;
  readonly file: string;
  readonly sheets: readonly WrittenSheet[];
}

export async function splitRegister(files: readonly string[], opts: SplitOptions): Promise<SplitResult> {
  const ctx = returnContext(opts);
  guardOutput(files, opts.out);
  const { result, run } = await processWithRegister(files, ctx, {
    layout: opts.layout ?? 'register',
    ...(opts.mapping !== undefined ? { mapping: opts.mapping } : {}),
    ...(opts.preset !== undefined ? { preset: opts.preset } : {}),
    ...(opts.onExplain ? { onExplain: opts.onExplain } : {}),
    checkers: defaultCheckers(ctx, opts),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const fp = formatPeriod(ctx.period);
  const payload = assemblePayload(result.outputs, { gstin: ctx.gstin, fp }) as unknown as Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) if (k !== 'gstin' && k !== 'fp') sections[k] = v;
  const ret: ReturnJson = { gstin: ctx.gstin, fp, period: ctx.period, sections, origin: {} };
  const used = new Set<SheetId>();
  for (const [key, json] of Object.entries(sections)) {
    const mapper = MAPPERS[key as keyof typeof MAPPERS];
    if (!mapper) continue;
    for (const r of mapper.toRows(json, ctx)) used.add(r.sheet);
  }
  const sheets = inTemplateOrder([...templateSheetIds(ctx.period), ...used]);
  await mkdir(dirname(resolve(opts.out)), { recursive: true });
  const about = [`Return of ${ctx.gstin} for the period ${fp}, split from the sales register ${files.join(', ')}`];
  const res = await writeTemplateWorkbook(opts.out, {
    period: ctx.period,
    sheets,
    rows: returnRows(ret, ctx),
    help: helpLines(sheets.map((s) => sheetSpec(s)), about),
  });
  return { result, ...(run ? { run } : {}), file: opts.out, sheets: res.sheets };
}
