/** `gstr1 convert`: spreadsheets → retsave JSON file(s), chunked under a size limit. */
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { OptionError } from '../model/errors.js';
import { formatPeriod } from '../model/period.js';
import { DEFAULT_MAX_BYTES, PAYLOAD_END, payloadTexts } from '../mappers/payload.js';
import { defaultCheckers, RULES, type ValidateOptions } from '../validators/index.js';
import { rowRulesThread } from '../validators/host/row-rules-thread.js';
import { type ReturnOptions, sectionOption, returnContext } from '../engine/options.js';
import { type RegisterOptions, type RegisterRun } from '../register/index.js';
import { processWithRegister } from './register-pass.js';
import type { ProcessResult } from '../engine/pass.js';

export interface ConvertOptions extends ReturnOptions, ValidateOptions {
  /** output file; chunks become `<out>-1.json`, `<out>-2.json`... */
  out?: string;
  /** largest payload in bytes (default 4,500,000) */
  maxBytes?: number;
  /** read every CSV as this sheet */
  section?: string;
  /** write the JSON even when the return has errors */
  force?: boolean;
  onProgress?: (rows: number, file: string) => void;
  /** sales-register reading (--layout, --mapping, --preset, --explain) */
  register?: RegisterOptions;
}

export interface ConvertResult {
  readonly result: ProcessResult;
  /** set when some input was read as a sales register */
  readonly register?: RegisterRun;
  /** files written, in order */
  readonly written: readonly string[];
  /** the return has errors and --force was not given: nothing was written */
  readonly refused: boolean;
}

export async function convertFiles(files: readonly string[], opts: ConvertOptions): Promise<ConvertResult> {
  const ctx = returnContext(opts);
  const section = sectionOption(opts.section);
  const out = opts.out ?? 'gstr1.json';
  guardOutput(files, out);
  const { result, run } = await processWithRegister(files, ctx, {
    ...opts.register,
    checkers: defaultCheckers(ctx, opts, RULES, { elsewhere: rowRulesThread }),
    ...(section ? { section } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const register = run ? { register: run } : {};
  if (result.findings.errors > 0 && !opts.force) return { result, written: [], refused: true, ...register };
  const written = await writePayloadFiles(result, out, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  return { result, written, refused: false, ...register };
}

/**
 * Writes one file, or `<out>-N.json` chunks when the return is over the limit. Each payload is
 * written as it is serialised, in blocks of about 64 KB, never held whole; the first goes to a
 * temporary name until it is known whether a second follows (then it is `<out>-1.json`).
 */
export async function writePayloadFiles(result: ProcessResult, out: string, maxBytes: number): Promise<string[]> {
  const env = { gstin: result.ctx.gstin, fp: formatPeriod(result.ctx.period) };
  const base = out.replace(/\.json$/i, '');
  const chunkName = (i: number) => `${base}-${i}.json`;
  const first = `${out}.${process.pid}.partial`;
  const written: string[] = [];
  // as to-excel does: --out may name a folder that is not there yet
  await mkdir(dirname(resolve(out)), { recursive: true });
  let n = 0;
  let fh: FileHandle | undefined;
  let block = '';
  try {
    for (const t of payloadTexts(result.outputs, env, maxBytes)) {
      if (t === PAYLOAD_END) {
        if (block) await fh!.writeFile(block);
        block = '';
        await fh!.close();
        fh = undefined;
        if (n > 1) written.push(chunkName(n));
        continue;
      }
      if (!fh) {
        n++;
        if (n === 2) {
          await rename(first, chunkName(1));
          written.push(chunkName(1));
        }
        fh = await open(n === 1 ? first : chunkName(n), 'w');
      }
      block += t;
      if (block.length >= 65536) {
        // writeFile loops until every byte is written (write may write part of it, e.g. on a full disk)
        await fh.writeFile(block);
        block = '';
      }
    }
    if (n === 1) {
      await rename(first, out);
      written.push(out);
    } else if (n === 0) {
      // an empty return still gets its envelope, so the user sees what was produced
      await writeFile(out, JSON.stringify(env));
      written.push(out);
    }
  } finally {
    await fh?.close();
    if (n === 1) await rm(first, { force: true });
  }
  return written;
}

/** Inputs are never overwritten. */
export function guardOutput(inputs: readonly string[], out: string): void {
  const o = resolve(out);
  if (inputs.some((f) => resolve(f) === o)) throw new OptionError('OUTPUT_SAME_AS_INPUT', { file: out });
}
