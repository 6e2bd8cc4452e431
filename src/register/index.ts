/**
 * Sales registers: one sheet or CSV with a row per invoice or note line, in the user's own
 * columns, turned into a whole GSTR-1 — every row classified into its section (with the reason
 * recorded), the HSN summary, the documents-issued table and Table 14 derived — through the same
 * mappers, validators, annotated workbook and upload as the official template.
 *
 * The pass reads a register through its row source (src/api/register-pass.ts does this):
 *   const reg = await prepareRegister(files, ctx, { layout, mapping, preset, onExplain });
 *   const result = await processReturn(files, ctx, { ...opts, ...(reg ? { rows: reg.rows } : {}) });
 *   if (reg) print(formatRegisterSummary(reg.summary));
 */
import { OptionError } from '../model/errors.js';
import type { ReturnContext } from '../model/return.js';
import { AUTO_LAYOUTS, presetById, type RegisterLayout } from './layouts.js';
import { loadMapping } from './mapping.js';
import { RegisterRun, findRegisterFiles, type LayoutMode } from './reader.js';
import type { RowExplanation } from './summary.js';

export { REGISTER_FIELDS, REGISTER_FIELD_SPECS, type RegisterField } from './fields.js';
export { PRESETS, AUTO_LAYOUTS, GSTR1_LAYOUT, TALLY_LAYOUT, ERP_LAYOUT, ERPNEXT_LAYOUT, ZOHO_LAYOUT, BUSY_LAYOUT, GENERIC_LAYOUT, presetById, type RegisterLayout } from './layouts.js';
export { draftMapping, loadMapping, mappingLayout, mappingText, type MappingFile, type DraftedMapping } from './mapping.js';
export { classify, classifyContext, type Decision, type ReasonCode, type Target } from './classify.js';
export { splitSerial, DocumentSeries, HsnSummary, type SeriesInfo } from './derive.js';
export { RegisterRun, findRegisterFiles, type LayoutMode } from './reader.js';
export { RegisterSummary, explainLine, formatRegisterSummary, reasonText, type RowExplanation } from './summary.js';

export const LAYOUT_MODES: readonly LayoutMode[] = ['auto', 'register', 'template'];

/** The options convert / validate / split take for registers. */
export interface RegisterOptions {
  /** `auto` (default): a file is a register when a sheet matches a register layout; `register`: every file is; `template`: none is */
  layout?: string;
  /** a mapping file (`gstr1 mapping init` drafts one); implies --layout register unless given */
  mapping?: string;
  /** read registers with this built-in preset only: gstr1, tally, erp, erpnext, zoho, busy, generic */
  preset?: string;
  /** called with every register row's classification, in order (`--explain`) */
  onExplain?: (e: RowExplanation) => void;
}

export function layoutMode(value: string | undefined, hasMapping = false): LayoutMode {
  if (value === undefined || value === '') return hasMapping ? 'register' : 'auto';
  const v = value.trim().toLowerCase();
  if ((LAYOUT_MODES as readonly string[]).includes(v)) return v as LayoutMode;
  throw new OptionError('OPTION_LAYOUT', { value, allowed: LAYOUT_MODES.join(', ') });
}

/** The layouts a register may follow: the mapping file's, one preset, or all presets. */
export async function registerLayouts(opts: Pick<RegisterOptions, 'mapping' | 'preset'>): Promise<RegisterLayout[]> {
  if (opts.mapping && opts.preset) throw new OptionError('OPTION_CONFLICT', { options: '--mapping and --preset' });
  if (opts.mapping) return [await loadMapping(opts.mapping)];
  if (opts.preset) {
    const p = presetById(opts.preset);
    if (!p) throw new OptionError('OPTION_PRESET', { value: opts.preset, allowed: AUTO_LAYOUTS.map((x) => x.id).join(', ') });
    return [p];
  }
  return [...AUTO_LAYOUTS];
}

/**
 * Decides which files are sales registers and prepares their reading; undefined when none is
 * (the template reader then reads every file as before). Options are checked first.
 */
export async function prepareRegister(files: readonly string[], ctx: ReturnContext, opts: RegisterOptions = {}): Promise<RegisterRun | undefined> {
  const mode = layoutMode(opts.layout, Boolean(opts.mapping));
  if (mode === 'template') {
    if (opts.mapping || opts.preset) throw new OptionError('OPTION_CONFLICT', { options: '--layout template and --mapping/--preset' });
    return undefined;
  }
  const layouts = await registerLayouts(opts);
  const registerFiles = await findRegisterFiles(files, layouts, mode);
  if (registerFiles.size === 0) return undefined;
  return new RegisterRun(files, registerFiles, { ctx, layouts, mode, ...(opts.onExplain ? { onExplain: opts.onExplain } : {}) });
}
