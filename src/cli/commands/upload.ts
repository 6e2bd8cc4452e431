/**
 * gstr1 upload <files...> --provider [--gstin --period] [--force] [--annotate f] ...
 * Spreadsheets are converted and validated first; retsave JSON files are checked with the same
 * rules and then sent as they are.
 */
import type { CAC } from 'cac';
import { hintOf, messageOf } from '../../report/messages/index.js';
import { writeOutputFile } from '../../report/output-file.js';
import { formatSummary } from '../../report/summary.js';
import type { CliIO } from '../io.js';
import { refuseTimeBarred } from '../../upload/time-bar.js';
import type { UploadResult } from '../../upload/run.js';
import { endProgress, progressReporter } from '../progress.js';
import { chunksExit, conversionOptions, notFinished, portalOptions, printChunks, printNotice, readConversionOptions, readPayloadFiles, runOptions } from './portal-shared.js';
import { exitCodeFor, quarterlyOption, readIffOption } from './shared.js';

export default function register(cli: CAC, io: CliIO): void {
  conversionOptions(portalOptions(cli.command('upload <...files>', 'Save a return on the portal (spreadsheets, or retsave JSON from gstr1 convert), one chunk at a time')))
    .option('--force', 'upload even when local validation finds errors')
    .option('--annotate <file.xlsx>', 'where to write your workbook annotated with the portal\'s errors (default: <input>-portal-errors.xlsx)')
    .option('--errors <file>', 'also write the portal errors as JSON')
    .example('gstr1 upload sales.xlsx --gstin 27AAKCS4821M1ZW --period 102025 --provider whitebooks --otp 575757')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const jsonOnly = files.every((f) => f.toLowerCase().endsWith('.json'));
      return jsonOnly ? uploadJson(io, files, opts) : uploadSheets(io, files, opts);
    });
}

async function uploadJson(io: CliIO, files: string[], opts: Record<string, unknown>): Promise<number> {
  const payloads = await readPayloadFiles(files);
  const run = runOptions(io, opts, payloads[0]);
  refuseTimeBarred(run.period, run.form);
  if (!opts.force) {
    // the same checks as a spreadsheet gets: an invalid JSON is not sent
    const { checkJsonReturn } = await import('../../api/json-input.js');
    const checked = await checkJsonReturn(files, { gstin: run.gstin, period: run.period, sez: Boolean(opts.sez), ...(run.form ? { form: run.form } : {}) });
    const local = checked.findings.items;
    if (checked.findings.errors > 0) {
      io.stdout.write(`${formatSummary({ stats: checked.stats, findings: local })}\n`);
      io.stderr.write('\nNothing uploaded: the JSON has errors. Fix them (gstr1 validate <json> --annotate shows them on its to-excel workbook), or use --force.\n');
      return exitCodeFor(local);
    }
  }
  const { uploadReturn } = await import('../../upload/run.js');
  const { nothingSent, payloadsHoldDocuments } = await import('../../upload/chunk-totals.js');
  if (!payloadsHoldDocuments(payloads.map((p) => p.text))) return uploadExit(io, nothingSent());
  const res = await uploadReturn({ ...run, payloads: payloads.map((p) => p.text) });
  printChunks(io, res.chunks, files);
  const errors = res.chunks.flatMap((c) => c.errors);
  if (opts.errors) await writeErrors(io, String(opts.errors), errors);
  return uploadExit(io, res);
}

/** 1 when the portal refused something or there was nothing to upload, 3 when chunks are left (run again), else 0. */
function uploadExit(io: CliIO, res: UploadResult): number {
  const total = res.total;
  if (chunksExit(res.chunks)) {
    if (!res.complete) notFinished(io, res.pending, total);
    return 1;
  }
  if (!res.complete) return notFinished(io, res.pending, total);
  if (total === 0) {
    // nothing to do is not success: a blank template, unrecognised sheets, uncalculated formulas
    const nothing = { code: 'UPLOAD_NOTHING_UPLOADED', params: {} };
    io.stderr.write(`\n${messageOf(nothing)}. ${hintOf(nothing)}\n`);
    return 1;
  }
  return 0;
}

async function uploadSheets(io: CliIO, files: string[], opts: Record<string, unknown>): Promise<number> {
  const run = runOptions(io, opts);
  refuseTimeBarred(run.period, run.form);
  const conversion = readConversionOptions(io, opts);
  const { uploadFiles } = await import('../../api/upload.js');
  const progress = progressReporter();
  const res = await uploadFiles(files, {
    ...run,
    ...conversion,
    quarterly: quarterlyOption(io, opts),
    ...(await readIffOption(io, opts)),
    force: Boolean(opts.force),
    ...(opts.annotate !== undefined ? { annotate: String(opts.annotate) } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  endProgress();
  const local = res.result.findings.items;
  if (res.status === 'refused') {
    io.stdout.write(`${formatSummary({ stats: res.result.stats, findings: local })}\n`);
    io.stderr.write('\nNothing uploaded: the return has errors. Fix them (gstr1 validate --annotate shows them on your cells), or use --force.\n');
    return exitCodeFor(local);
  }
  io.stdout.write(`${formatSummary({ stats: res.result.stats, findings: local }, { maxListed: 5 })}\n\n`);
  printChunks(io, res.upload.chunks);
  const errors = res.upload.chunks.flatMap((c) => c.errors);
  if (res.annotateFailure) printNotice(io, res.annotateFailure);
  if (opts.errors) await writeErrors(io, String(opts.errors), errors);
  if (res.annotated) {
    const unmatched = res.portalFindings.filter((f) => f.unmatched).length;
    io.stdout.write(`\nThe portal's errors are on your rows in ${res.annotated}`);
    io.stdout.write(unmatched ? ` (${unmatched} matched no row and are listed on its Errors sheet)\n` : '\n');
  }
  return uploadExit(io, res.upload);
}

async function writeErrors(io: CliIO, file: string, errors: readonly unknown[]): Promise<void> {
  await writeOutputFile(file, `${JSON.stringify(errors, null, 2)}\n`);
  io.stdout.write(`Wrote ${errors.length} portal error(s) to ${file}\n`);
}
