/**
 * The engine's worker: the page never runs a check on its own thread, so it never freezes. The
 * dropped Files stay in this worker's memory; nothing is sent anywhere.
 */
import hsnMaster from '../../data/hsn-master.json';
import retsaveSchema from '../../schema/retsave.json';
import {
  annotatePortalErrors, annotateToBytes, browserHost, checkReturn, draftMapping, failureOf, findRegisterFiles, installHost, PRESETS, readFileHeaders, rowCells,
} from '../../src/web/check.js';
import type { Finding } from '../../src/model/finding.js';
import type { FromWorker, ToWorker } from './protocol.js';

const MAPPING = 'column-mapping.json';
const files = new Map<string, Blob>();
installHost(browserHost(files, { 'hsn-master': hsnMaster, 'retsave-schema': retsaveSchema }));

let inputs: string[] = [];
let findings: readonly Finding[] = [];

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function fail(e: unknown): void {
  const known = failureOf(e);
  // anything else is our bug: said plainly, without a stack trace
  post({ type: 'failure', failure: known ?? { code: 'INTERNAL', message: `The check stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`, hint: 'Please report this, with the file if you can share it.' } });
}

/** The dropped files become the host's inputs, by name. */
function useFiles(list: readonly File[]): void {
  files.clear();
  inputs = [];
  for (const f of list) {
    // two files of one name (from two folders) are told apart
    let name = f.name;
    for (let i = 2; files.has(name); i++) name = f.name.replace(/(\.[^.]*)?$/, ` (${i})$1`);
    files.set(name, f);
    inputs.push(name);
  }
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
      if (m.mapping) files.set(MAPPING, new Blob([m.mapping], { type: 'application/json' }));
      const started = performance.now();
      let lastPost = 0;
      const r = await checkReturn(inputs, {
        gstin: m.gstin,
        period: m.period,
        sez: m.sez,
        ...(m.turnover !== undefined ? { turnover: m.turnover } : {}),
        register: { ...(m.preset ? { preset: m.preset } : {}), ...(m.mapping ? { mapping: MAPPING } : {}) },
        onProgress: (rows, file) => {
          const now = performance.now();
          if (now - lastPost < 100) return;
          lastPost = now;
          post({ type: 'progress', rows, file });
        },
      });
      findings = r.raw;
      const { raw: _raw, ...result } = r;
      post({ type: 'result', result, ms: performance.now() - started });
      return;
    }
    case 'annotate': {
      const a = await annotateToBytes(inputs, findings);
      post({ type: 'annotated', bytes: a.bytes, notes: a.notes }, [a.bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'portal-errors': {
      const a = await annotatePortalErrors(inputs, m.text);
      post({ type: 'portal-errors', bytes: a.bytes, errors: a.errors, onRows: a.onRows, unmatched: a.unmatched }, [a.bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'row': {
      const r = await rowCells(m.file, m.sheet, m.row);
      post({ type: 'row', header: r?.header ?? [], cells: r?.cells ?? [] });
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
  queue = queue.then(() => handle(e.data)).catch(fail);
};
