/**
 * What `gstr1 split` puts in the template workbook, in Node and on the web page alike: the
 * register is classified and mapped as for convert, and the return's JSON is written back as
 * template rows by each section's mapper (`toRows`, as `gstr1 to-excel` does), so converting the
 * workbook gives the same JSON as converting the register.
 */
import { type ReturnOptions, returnContext } from '../engine/options.js';
import type { ProcessResult } from '../engine/pass.js';
import { returnRows, type ReturnJson } from './return-rows.js';
import { formatPeriod } from '../model/period.js';
import { sheetSpec, type SheetId } from '../model/sheets.js';
import { assemblePayload } from '../mappers/payload.js';
import { MAPPERS } from '../mappers/registry.js';
import { helpLines, inTemplateOrder, templateSheetIds } from '../report/template/layout.js';
import type { TemplateWriteOptions } from '../report/template/writer.js';
import { defaultCheckers, type ValidateOptions } from '../validators/index.js';
import type { RegisterOptions } from '../register/index.js';
import { processWithRegister } from './register-pass.js';
import type { RegisterRun } from '../register/reader.js';

export interface SplitTemplateOptions extends ReturnOptions, ValidateOptions, RegisterOptions {
  onProgress?: (rows: number, file: string) => void;
}

export interface SplitTemplate {
  readonly result: ProcessResult;
  readonly run?: RegisterRun;
  /** the workbook to write: its sheets, rows and help text */
  readonly template: TemplateWriteOptions;
}

export async function splitTemplate(files: readonly string[], opts: SplitTemplateOptions): Promise<SplitTemplate> {
  const ctx = returnContext(opts);
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
  const about = [`Return of ${ctx.gstin} for the period ${fp}, split from the sales register ${files.join(', ')}`];
  return {
    result,
    ...(run ? { run } : {}),
    template: { period: ctx.period, sheets, rows: returnRows(ret, ctx), help: helpLines(sheets.map((s) => sheetSpec(s)), about) },
  };
}
