/** `gstr1 convert`: spreadsheets → retsave JSON file(s), chunked under a size limit. */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { writeFailure } from '../model/errors.js';
import { formatPeriod } from '../model/period.js';
import { DEFAULT_MAX_BYTES, PAYLOAD_END, payloadTexts } from '../mappers/payload.js';
import { defaultCheckers, RULES, type ValidateOptions } from '../validators/index.js';
import { rowRulesThread } from '../validators/host/row-rules-thread.js';
import { type ReturnOptions, sectionOption, returnContext } from '../engine/options.js';
import { type RegisterOptions, type RegisterRun } from '../register/index.js';
import { processWithRegister } from './register-pass.js';
import type { ProcessResult } from '../engine/pass.js';
import { inFolderOf, partialName, refuseInputAsOutput } from '../report/output-file.js';
import { chunkFile } from './chunk-names.js';

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
 * written as it is serialised, in blocks of about 64 KB, never held whole, beside its final name;
 * the files are renamed only once the last is complete, so a failure (a full disk...) leaves none
 * of them, and is FILE_WRITE naming the file that was being written.
 */
export async function writePayloadFiles(result: ProcessResult, out: string, maxBytes: number): Promise<string[]> {
  const env = { gstin: result.ctx.gstin, fp: formatPeriod(result.ctx.period) };
  const chunkName = (i: number) => chunkFile(out, i);
  const partials: string[] = [];
  const renamed: string[] = [];
  let fh: FileHandle | undefined;
  let block = '';
  // one block written while the next is made (a block is a string: nothing changes it meanwhile);
  // awaiting each write left this thread idle about a tenth of the writing. A handler is on the
  // write at once: its failure is thrown by the next write or settle, never left unhandled
  let inFlight: Promise<void> | undefined;
  const write = async (text: string): Promise<void> => {
    await inFlight;
    inFlight = fh!.writeFile(text);
    inFlight.catch(() => {});
  };
  const settle = async (): Promise<void> => {
    const w = inFlight;
    inFlight = undefined;
    await w;
  };
  // the file being written, as the user knows it (the first is `out` until a second follows)
  let writing = out;
  const start = async () => {
    writing = partials.length === 0 ? out : chunkName(partials.length + 1);
    partials.push(partialName(writing));
    fh = await open(partials.at(-1)!, 'wx');
  };
  // as to-excel does: --out may name a folder that is not there yet (removed again on failure)
  return inFolderOf(out, async () => {
    try {
      for (const t of payloadTexts(result.outputs, env, maxBytes)) {
        if (t === PAYLOAD_END) {
          // writeFile loops until every byte is written (write may write part of it, e.g. on a full disk)
          if (block) await write(block);
          block = '';
          await settle();
          await fh!.close();
          fh = undefined;
          continue;
        }
        if (!fh) await start();
        block += t;
        if (block.length >= 65536) {
          await write(block);
          block = '';
        }
      }
      if (partials.length === 0) {
        // an empty return still gets its envelope, so the user sees what was produced
        await start();
        await fh!.writeFile(JSON.stringify(env));
        await fh!.close();
        fh = undefined;
      }
      const names = partials.length === 1 ? [out] : partials.map((_, i) => chunkName(i + 1));
      for (const [i, p] of partials.entries()) {
        writing = names[i]!;
        await rename(p, writing);
        renamed.push(writing);
      }
      return names;
    } catch (e) {
      await settle().catch(() => {});
      await fh?.close().catch(() => {});
      for (const f of [...partials, ...renamed]) await rm(f, { force: true });
      throw writeFailure(e, writing);
    }
  });
}

/** Inputs are never overwritten: `out` is not one of them, by name or as the same file. */
export function guardOutput(inputs: readonly string[], out: string): void {
  refuseInputAsOutput(inputs, [out]);
}
