/**
 * The engine's worker: the page never runs a check on its own thread, so it never freezes. The
 * dropped Files stay in this worker's memory; nothing is sent anywhere.
 */
import hsnCodes from '../../data/hsn-codes.json';
import retsaveSchema from '../../schema/retsave.json';
import {
  annotatePortalErrors, annotateToBytes, browserHost, checkReturnJsonLater, draftMapping, failureOf, mappingLayout, findRegisterFiles, installHost, jobFindings, pageReading, payloadsZip, PRESETS, readFileHeaders, rowCells, splitToBytes, type WebCheckOptions,
} from '../../src/web/check.js';
import { distinctNames } from '../../src/api/input-names.js';
import type { Finding } from '../../src/model/finding.js';
import type { Answer, FromWorker, ToWorker } from './protocol.js';
import { readApart } from './reading.js';

const MAPPING = 'column-mapping.json';
const files = new Map<string, Blob>();
installHost(browserHost(files, { 'hsn-codes': hsnCodes, 'retsave-schema': retsaveSchema }, { readWorkbook: readApart }));

let inputs: string[] = [];
let findings: readonly Finding[] = [];
/** the last check's options, for the split template */
let checked: WebCheckOptions | undefined;
/** the JSON of the last check (by its request's id), written for the download when first asked for */
let kept: { check: number; payloads(): readonly string[] } | undefined;

const send = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
/** the request being answered: every answer carries its id, so the page gives it to the request it belongs to */
let answering = 0;
const post = (m: Answer, transfer: Transferable[] = []) => send({ ...m, id: answering }, transfer);

function fail(e: unknown): void {
  const known = failureOf(e);
  // anything else is our bug: said plainly, without a stack trace
  post({ type: 'failure', failure: known ?? { code: 'INTERNAL', message: `The check stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`, hint: 'Please report this, with the file if you can share it.' } });
}

/** The dropped files become the host's inputs, by name (two of one name told apart, as gstr1 serve names them). */
function useFiles(list: readonly File[]): void {
  files.clear();
  inputs = distinctNames(list.map((f) => f.name));
  list.forEach((f, i) => files.set(inputs[i]!, f));
}

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'detect': {
      useFiles(m.files);
      post({ type: 'detect', registers: [...(await findRegisterFiles(inputs, PRESETS, 'auto'))] });
      return;
    }
    case 'check': {
      useFiles(m.files);
      kept = undefined;
      if (m.mapping) files.set(MAPPING, new Blob([m.mapping], { type: 'application/json' }));
      const started = performance.now();
      let lastPost = 0;
      // the saved mapping only for the files it fits; the reading is said beside the result
      const { register, reading } = await pageReading(inputs, { preset: m.preset, ...(m.mapping ? { mapping: MAPPING } : {}) });
      checked = {
        gstin: m.gstin,
        period: m.period,
        ...(m.form === 'gstr1a' ? { form: m.form } : {}),
        sez: m.sez,
        ...(m.turnover !== undefined ? { turnover: m.turnover } : {}),
        register,
      };
      const { result: r, payloads } = await checkReturnJsonLater(inputs, {
        ...checked,
        onProgress: (rows, file) => {
          const now = performance.now();
          if (now - lastPost < 100) return;
          lastPost = now;
          post({ type: 'progress', rows, file });
        },
      });
      findings = r.raw;
      const { raw: _raw, ...result } = r;
      kept = { check: m.id, payloads };
      post({ type: 'result', result: { ...result, reading }, ms: performance.now() - started });
      return;
    }
    case 'annotate': {
      if (m.files) useFiles(m.files);
      const a = await annotateToBytes(inputs, m.findings ?? findings);
      post({ type: 'annotated', bytes: a.bytes, notes: a.notes }, [a.bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'job-findings': {
      if (m.files.length) useFiles(m.files);
      const j = await jobFindings(m.files.length ? inputs : [], m.findings, m.portalErrors, m.period);
      post({ type: 'job-findings', rows: j.rows, findings: j.findings });
      return;
    }
    case 'split': {
      if (!checked) throw new Error('check the files first');
      const s = await splitToBytes(inputs, checked);
      post({ type: 'split', bytes: s.bytes, sheets: s.sheets, rejected: s.rejected }, [s.bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'json': {
      // another check ran since (or this worker is a new one, after a cancel): its JSON is not the one shown
      if (kept?.check !== m.check) {
        post({ type: 'failure', failure: { code: 'CHECK_AGAIN', message: 'The JSON of this check is no longer at hand.', hint: 'Press Check again, then download.' } });
        return;
      }
      const payloads = kept.payloads();
      const bytes = payloads.length === 1 ? new TextEncoder().encode(payloads[0]) : await payloadsZip(payloads, m.stem);
      post({ type: 'json', bytes, files: payloads.length }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'portal-errors': {
      const a = await annotatePortalErrors(inputs, m.text, m.name, checked?.period);
      post({ type: 'portal-errors', bytes: a.bytes, errors: a.errors, onRows: a.onRows, rows: a.rows, unmatched: a.unmatched }, [a.bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'row': {
      const r = await rowCells(m.file, m.sheet, m.row);
      post({ type: 'row', header: r?.header ?? [], cells: r?.cells ?? [] });
      return;
    }
    case 'mapping-check': {
      // the command line's --mapping check: a file it would refuse is refused here, before it is kept
      mappingLayout(JSON.parse(m.text) as unknown, m.name);
      post({ type: 'mapping-ok' });
      return;
    }
    case 'headers': {
      files.set(m.file.name, m.file);
      const found = await readFileHeaders(m.file.name);
      if (!found) {
        post({ type: 'headers', sheet: '', row: 0, headers: [] });
        return;
      }
      const draft = draftMapping(found.headers, { sheet: found.sheet, headerRow: found.row });
      const fieldOf = new Map(Object.entries(draft.mapping.columns).filter(([, h]) => typeof h === 'string').map(([f, h]) => [h as string, f]));
      post({
        type: 'headers',
        sheet: found.sheet,
        row: found.row,
        headers: found.headers.map((h) => ({ column: h.header, header: h.header, ...(fieldOf.has(h.header) ? { field: fieldOf.get(h.header)! } : {}) })),
      });
      return;
    }
  }
}

// one request at a time, in order: they share the inputs
let queue = Promise.resolve();
self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  queue = queue.then(() => {
    answering = m.id;
    return handle(m).catch(fail);
  });
};
