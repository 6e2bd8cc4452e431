/**
 * The page: the form, the progress of a check, and its result. The engine runs in a worker
 * (worker.ts); this thread only draws. Only the GSTIN, period, turnover, SEZ choice and a column
 * mapping are remembered (localStorage), never a file's content or any secret. The form is not:
 * a GSTR-1A is the exception, chosen each time, so a later visit never uploads to one unasked.
 * Nor is the register layout: it is chosen for a file, and a later file (or visit) is recognised
 * by its headers; a saved mapping is used only for a file it fits, and the result says so.
 */
import { PRESETS } from '../../src/register/layouts.js';
import { REGISTER_FIELD_SPECS } from '../../src/register/fields.js';
import { formLabel } from '../../src/model/form.js';
import { periodInWords } from '../../src/report/messages/period.js';
import { count, failureText, plural } from './format.js';
import { save, XLSX } from './download.js';
import { findingRow, MAX_SHOWN, placeOf as placeIn } from './findings-table.js';
import { setUpPortal, type PortalForm } from './portal.js';
import { drawSummary, type SectionFigures } from './summary-table.js';
import { readingNote, seriesTable } from './register-view.js';
import type { Answer, FromWorker, PageResult, Request } from './protocol.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
};

const form = $<HTMLFormElement>('setup');
const fileInput = $<HTMLInputElement>('files');
const drop = $<HTMLDivElement>('drop');
const gstin = $<HTMLInputElement>('gstin');
const period = $<HTMLInputElement>('period');
const returnForm = $<HTMLSelectElement>('return-form');
const turnover = $<HTMLInputElement>('turnover');
const sez = $<HTMLInputElement>('sez');
const preset = $<HTMLSelectElement>('preset');
const formError = $<HTMLParagraphElement>('form-error');
const progress = $<HTMLElement>('progress');
const progressText = $<HTMLParagraphElement>('progress-text');
const result = $<HTMLElement>('result');

// ------------------------------------------------------------------------- remembered inputs

const STORE = 'gstr1.form';
const MAPPING_STORE = 'gstr1.mapping';
interface Remembered { gstin?: string; period?: string; turnover?: string; sez?: boolean }

function remember(): void {
  const r: Remembered = { gstin: gstin.value.trim(), period: period.value.trim(), turnover: turnover.value.trim(), sez: sez.checked };
  try {
    localStorage.setItem(STORE, JSON.stringify(r));
  } catch {
    /* storage off (private window): nothing is remembered */
  }
}

function recall(): void {
  let r: Remembered = {};
  try {
    r = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Remembered;
  } catch {
    /* nothing remembered */
  }
  gstin.value = r.gstin ?? '';
  period.value = r.period ?? '';
  turnover.value = r.turnover ?? '';
  sez.checked = Boolean(r.sez);
  for (const p of PRESETS) preset.append(el('option', { value: p.id, textContent: p.name ?? p.id }));
}

// ------------------------------------------------------------------------------------ files

let chosen: File[] = [];
/** the names of the files a check read with the chosen layout: other files are recognised by their headers */
let presetFor: string | undefined;
const namesOf = (files: readonly File[]) => files.map((f) => f.name).join(', ');

function choose(files: Iterable<File>): void {
  chosen = [...files];
  // a layout is chosen for a register: it does not stick to other files (the same ones, saved again, keep it)
  const presetNote = $<HTMLParagraphElement>('preset-note');
  presetNote.textContent = '';
  if (preset.value && presetFor !== undefined && presetFor !== namesOf(chosen)) {
    presetNote.textContent = `The layout ${preset.selectedOptions[0]?.textContent ?? preset.value} was chosen for ${presetFor}: these files are recognised by their headers. Choose a layout again if they need one.`;
    preset.value = '';
    presetFor = undefined;
  }
  // the result on show is of the files chosen before: its downloads and rows would be of other files
  result.hidden = true;
  current = undefined;
  const list = $<HTMLUListElement>('chosen');
  list.replaceChildren(...chosen.map((f) => el('li', { textContent: `${f.name} (${count(Math.ceil(f.size / 1024))} KB)` })));
  void detectRegister();
}

/** the latest look at the chosen files: an answer about files chosen before it is dropped */
let detection = 0;

/**
 * A sales register among the files: its options are opened, with the presets and the mapping editor.
 * The options are marked busy until the answer comes, as its note may then push the Check button down.
 */
async function detectRegister(): Promise<void> {
  const note = $<HTMLParagraphElement>('register-note');
  const register = $<HTMLDetailsElement>('register');
  note.textContent = '';
  const mine = ++detection;
  register.removeAttribute('aria-busy');
  if (!chosen.length) return;
  register.setAttribute('aria-busy', 'true');
  try {
    const d = await ask({ type: 'detect', files: chosen }, 'detect');
    if (mine !== detection || !d.registers.length) return;
    note.textContent = `${d.registers.join(', ')} ${d.registers.length === 1 ? 'looks' : 'look'} like a sales register: its columns are recognised by a preset, or map them yourself.`;
    register.open = true;
  } catch {
    /* unreadable files are reported by the check itself */
  } finally {
    if (mine === detection) register.removeAttribute('aria-busy');
  }
}

fileInput.addEventListener('change', () => choose(fileInput.files ?? []));
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer?.files.length) choose(e.dataTransfer.files);
});

// ----------------------------------------------------------------------------------- worker

let worker: Worker | undefined;
/** requests waiting for their answer, by id: each answer goes to the request it belongs to */
const pending = new Map<number, { type: Answer['type']; resolve: (a: Answer) => void; reject: (e: Error) => void }>();
let lastId = 0;
/** the check running: its id, and the files it reads */
let checking: { id: number; files: readonly File[] } | undefined;

function engine(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    stopAll(`The check stopped unexpectedly: ${e.message}`);
    showFailure(`The check stopped unexpectedly: ${e.message}`, '');
  };
  return worker;
}

/** Sends `m` to the worker; its id. */
function send(m: Request): number {
  const id = ++lastId;
  engine().postMessage({ ...m, id });
  return id;
}

/** Asks the worker for an answer of `type` (downloads, row views, headers); its failure rejects. */
function ask<T extends Answer['type']>(m: Request, type: T): Promise<Extract<Answer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const id = send(m);
    pending.set(id, { type, resolve: resolve as (a: Answer) => void, reject });
  });
}

/** Every request waiting for the worker is answered with `why` (the worker was stopped). */
function stopAll(why: string): void {
  for (const p of pending.values()) p.reject(new Error(why));
  pending.clear();
  checking = undefined;
}

let started = 0;
let current: PageResult | undefined;
/** the id of the check request whose result is shown: the worker keeps that check's JSON under it */
let shownCheck: number | undefined;

function onMessage(m: FromWorker): void {
  const asked = pending.get(m.id);
  if (asked) {
    pending.delete(m.id);
    if (m.type === asked.type) asked.resolve(m);
    else asked.reject(new Error(m.type === 'failure' ? failureText(m.failure.message, m.failure.hint) : `Unexpected answer ${m.type}`));
    return;
  }
  // otherwise it is about a check: only the one running is shown
  if (m.id !== checking?.id) return;
  if (m.type !== 'progress' && checking.files !== chosen) {
    checking = undefined;
    busy(false);
    formError.textContent = 'Other files were chosen during the check: press Check to check them.';
    return;
  }
  if (m.type !== 'progress') checking = undefined;
  switch (m.type) {
    case 'progress': {
      const secs = (performance.now() - started) / 1000;
      progressText.textContent = `${count(m.rows)} rows read from ${m.file}, ${count(Math.round(m.rows / Math.max(secs, 0.001)))} rows a second`;
      return;
    }
    case 'result':
      shownCheck = m.id;
      showResult(m.result, m.ms);
      return;
    case 'failure':
      showFailure(m.failure.message, m.failure.hint);
      return;
    default:
      return;
  }
}

function busy(on: boolean): void {
  progress.hidden = !on;
  $<HTMLButtonElement>('check').disabled = on;
}

$<HTMLButtonElement>('cancel').addEventListener('click', () => {
  // a worker in the middle of a large file is stopped outright, and a fresh one made next time
  worker?.terminate();
  worker = undefined;
  stopAll('Stopped: the check was cancelled.');
  busy(false);
  formError.textContent = 'Check cancelled.';
});

// ------------------------------------------------------------------------------------ check

form.addEventListener('submit', (e) => {
  e.preventDefault();
  formError.textContent = '';
  if (!chosen.length) {
    formError.textContent = 'Choose a workbook, CSV files or a sales register first.';
    fileInput.focus();
    return;
  }
  remember();
  const o = checkOptions(storedMapping());
  if (typeof o === 'string') {
    formError.textContent = o;
    turnover.focus();
    return;
  }
  result.hidden = true;
  busy(true);
  progressText.textContent = 'Starting…';
  started = performance.now();
  checking = { id: send({ type: 'check', files: chosen, ...o }), files: chosen };
  presetFor = o.preset ? namesOf(chosen) : undefined;
});

/**
 * The return and the options a check uses, from the form, with `mapping` (the engine uses it for
 * the files it fits). A sentence instead when the turnover is not an amount.
 */
function checkOptions(mapping: string | undefined): PortalForm | string {
  const t = turnover.value.replace(/[,\s]/g, '');
  if (t !== '' && !/^\d+(\.\d{1,2})?$/.test(t)) return 'Turnover: write the amount in rupees, e.g. 62000000.';
  return {
    gstin: gstin.value.trim(),
    period: period.value.trim(),
    form: returnForm.value === 'gstr1a' ? 'gstr1a' : 'gstr1',
    sez: sez.checked,
    preset: preset.value,
    ...(t !== '' ? { turnover: Number(t) } : {}),
    ...(mapping ? { mapping } : {}),
  };
}

/** The options upload and filing through gstr1 serve use: the check's (serve uses the mapping for the files it fits, as the check does). */
const portalOptions = () => checkOptions(storedMapping());

/** Checks the chosen files again (after the way registers are read was changed from the result). */
const checkAgain = () => form.requestSubmit();

function showFailure(message: string, hint: string): void {
  busy(false);
  formError.textContent = failureText(message, hint);
}

// ----------------------------------------------------------------------------------- result

function cell(text: string, cls = ''): HTMLTableCellElement {
  return el('td', { textContent: text, className: cls });
}

function showResult(r: PageResult, ms: number): void {
  busy(false);
  current = r;
  const verdict = $<HTMLHeadingElement>('verdict');
  verdict.textContent = plural(r.errors, 'error');
  verdict.className = r.errors ? 'bad' : 'ok';
  const rows = r.sheets.reduce((a, s) => a + s.read, 0);
  $<HTMLParagraphElement>('verdict-detail').textContent =
    `${plural(r.warnings, 'warning')}. ${plural(rows, 'row')} checked in ${(ms / 1000).toFixed(1)} s for ${formLabel(r.form)} of ${r.gstin}, ${periodInWords(r.period, r.quarterly)}.` +
    (r.registerFiles.length ? ` Read as a sales register: ${r.registerFiles.join(', ')}.` : '') +
    (r.errors ? ' The JSON is made once the errors are fixed.' : '');
  // what a register held in columns not read, as the command line's summary says it: nothing left out without a word
  const notes = $<HTMLUListElement>('register-notes');
  const noted = [...r.registerColumnsNotRead, ...r.registerSkipped];
  notes.replaceChildren(...noted.map((t) => el('li', { textContent: t })));
  notes.hidden = noted.length === 0;
  // how the registers were read, when a saved mapping or a chosen layout decided it: never silently
  const reading = $<HTMLParagraphElement>('reading');
  reading.replaceChildren(...readingNote(r.reading, r.registerFiles.length > 0, {
    forgetMapping: () => {
      setMapping(undefined);
      checkAgain();
    },
    recognise: () => {
      preset.value = '';
      checkAgain();
    },
  }));
  reading.hidden = !reading.childNodes.length;
  // the documents-issued series (Table 13) derived from a register: missing numbers are counted as cancelled
  $<HTMLDivElement>('series-box').replaceChildren(...seriesTable(r.registerSeries, r.registerSeriesNote));
  // a return without errors always has its JSON (the return's envelope at least)
  $<HTMLButtonElement>('dl-json').disabled = r.errors > 0;
  $<HTMLButtonElement>('dl-csv').disabled = r.findings.length === 0;
  // `gstr1 split` is for a sales register: the template's own workbook needs no splitting
  $<HTMLButtonElement>('dl-split').hidden = r.registerFiles.length === 0;
  $<HTMLParagraphElement>('download-note').textContent = '';

  $<HTMLTableElement>('sheets').tBodies[0]!.replaceChildren(
    ...r.sheets.map((s) => el('tr', {}, cell(s.file), cell(s.sheet), cell(count(s.read), 'num'), cell(count(s.mapped), 'num'), cell(count(s.rejected), 'num'))),
  );
  const rejected = r.sheets.reduce((a, s) => a + s.rejected, 0);
  // what the table sums is what would be uploaded: rows with errors are not in it
  $<HTMLParagraphElement>('totals-note').textContent = rejected ? `${plural(rejected, 'rejected row')} ${rejected === 1 ? 'is' : 'are'} not in these totals.` : '';
  // every figure of the return's summary in the portal's terms: Table 8's and Table 13's their own
  drawSummary($<HTMLTableElement>('totals'), [{ totals: r.totals as unknown as SectionFigures[] }]);
  // with several files, a sheet (or a CSV's section) is named with its file: two b2b CSVs are two places
  manyFiles = new Set(r.sheets.map((s) => s.file)).size > 1;
  $('f-place-col').textContent = manyFiles ? 'File › sheet' : 'Sheet';
  $('f-sheet-label').textContent = manyFiles ? 'File › sheet' : 'Sheet';
  fillFilter('f-sheet', r.findings.map(placeOf));
  fillFilter('f-code', r.findings.map((f) => f.code));
  $<HTMLDivElement>('findings-box').hidden = r.findings.length === 0;
  $<HTMLDivElement>('row-view').hidden = true;
  drawFindings();
  result.hidden = false;
  verdict.focus();
}

function fillFilter(id: string, values: string[]): void {
  const s = $<HTMLSelectElement>(id);
  s.replaceChildren(el('option', { value: '', textContent: 'All' }), ...[...new Set(values.filter(Boolean))].sort().map((v) => el('option', { value: v, textContent: v })));
}

/** the last result came from more than one file */
let manyFiles = false;

/** Where a finding is, as the table shows it: its sheet, and its file when the check had several. */
const placeOf = (f: { readonly file: string; readonly sheet: string }) => placeIn(f, manyFiles);

function drawFindings(): void {
  if (!current) return;
  const sheet = $<HTMLSelectElement>('f-sheet').value;
  const sev = $<HTMLSelectElement>('f-severity').value;
  const code = $<HTMLSelectElement>('f-code').value;
  const q = $<HTMLInputElement>('f-search').value.trim().toLowerCase();
  const shown = current.findings.filter(
    (f) => (!sheet || placeOf(f) === sheet) && (!sev || f.severity === sev) && (!code || f.code === code) &&
      (!q || `${f.message} ${f.hint} ${f.value} ${f.column} ${f.code} ${f.row ?? ''}`.toLowerCase().includes(q)),
  );
  $<HTMLParagraphElement>('f-count').textContent =
    `${plural(shown.length, 'finding')} shown` + (shown.length > MAX_SHOWN ? ` (the first ${count(MAX_SHOWN)} listed; the CSV has them all)` : '');
  $<HTMLTableElement>('findings').tBodies[0]!.replaceChildren(
    // one Tab stop for the whole table (the first row), the arrow keys move between rows: up to
    // 2,000 rows would otherwise be 2,000 Tab stops before the next control
    ...shown.slice(0, MAX_SHOWN).map((f, i) => {
      const tr = Object.assign(findingRow(f, placeOf(f)), { tabIndex: i === 0 ? 0 : -1, title: 'Show this row' });
      const open = () => void showRow(f.file, f.sheet, f.row);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        } else if (ROW_KEYS[e.key]) {
          e.preventDefault();
          moveRowFocus(tr, ROW_KEYS[e.key]!);
        }
      });
      return tr;
    }),
  );
}

/** Keys that move between the findings' rows, and where to. */
const ROW_KEYS: Readonly<Record<string, 'next' | 'previous' | 'first' | 'last'>> = { ArrowDown: 'next', ArrowUp: 'previous', Home: 'first', End: 'last' };

/** Focus another row of the table, which becomes the table's Tab stop. */
function moveRowFocus(from: HTMLTableRowElement, to: 'next' | 'previous' | 'first' | 'last'): void {
  const body = from.parentElement!;
  const target = (to === 'next' ? from.nextElementSibling : to === 'previous' ? from.previousElementSibling : to === 'first' ? body.firstElementChild : body.lastElementChild) as HTMLTableRowElement | null;
  if (!target) return;
  from.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
}

for (const id of ['f-sheet', 'f-severity', 'f-code']) $(id).addEventListener('change', drawFindings);
$('f-search').addEventListener('input', drawFindings);

async function showRow(file: string, sheet: string, row: number | null): Promise<void> {
  const view = $<HTMLDivElement>('row-view');
  if (row === null) return;
  const title = $<HTMLHeadingElement>('row-title');
  let r: Extract<Answer, { type: 'row' }>;
  try {
    r = await ask({ type: 'row', file, sheet, row }, 'row');
  } catch (e) {
    title.textContent = `Row ${row} of ${placeOf({ file, sheet })} cannot be shown: ${e instanceof Error ? e.message : String(e)}`;
    $<HTMLTableElement>('row-cells').tBodies[0]!.replaceChildren();
    view.hidden = false;
    return;
  }
  title.textContent = `${placeOf({ file, sheet })}, row ${row}`;
  $<HTMLTableElement>('row-cells').tBodies[0]!.replaceChildren(
    ...r.cells.map((v, i) => el('tr', {}, cell(r.header[i] || columnLetter(i)), cell(v))),
  );
  view.hidden = false;
  view.scrollIntoView({ block: 'nearest' });
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// -------------------------------------------------------------------------------- downloads

// a GSTR-1A's files say so: one is never taken for the period's GSTR-1
const stem = () => (current ? `${current.form}-${current.gstin}-${current.period}` : 'gstr1');

/** A download the worker makes: `working` while it runs, then what `make` says it saved (or why not). */
async function fromWorker(working: string, make: () => Promise<string>): Promise<void> {
  const note = $<HTMLParagraphElement>('download-note');
  note.textContent = working;
  try {
    note.textContent = await make();
  } catch (e) {
    note.textContent = e instanceof Error ? e.message : String(e);
  }
}

$('dl-annotated').addEventListener('click', () =>
  fromWorker('Writing the annotated workbook…', async () => {
    const a = await ask({ type: 'annotate' }, 'annotated');
    save(`${stem()}-errors.xlsx`, new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: XLSX }));
    return `Annotated workbook ready: ${plural(a.notes, 'cell')} noted.`;
  }),
);

/**
 * What became of the portal's errors, in numbers that add up: errors on your rows and errors on
 * none make the total; the rows marked are counted apart, a document of several lines being
 * marked on each line.
 */
function portalErrorsNote(a: { errors: number; onRows: number; rows: number; unmatched: number }): string {
  const lines = a.rows !== a.onRows ? ` (marked on ${plural(a.rows, 'row')}: an error on a document of several lines is on each of its lines)` : '';
  return `${plural(a.errors, 'portal error')}: ${count(a.onRows)} on your rows${lines}, ${count(a.unmatched)} matching no row (listed on the Errors sheet).`;
}

$('dl-status').addEventListener('click', () => {
  const f = $<HTMLInputElement>('status-file').files?.[0];
  if (!f) {
    $<HTMLParagraphElement>('download-note').textContent = 'Choose the status or error report saved from the portal first.';
    return;
  }
  void fromWorker("Putting the portal's errors on your rows…", async () => {
    const a = await ask({ type: 'portal-errors', text: await f.text(), name: f.name }, 'portal-errors');
    save(`${stem()}-portal-errors.xlsx`, new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: XLSX }));
    return portalErrorsNote(a);
  });
});

$('dl-json').addEventListener('click', () => {
  if (!current || shownCheck === undefined) return;
  const check = shownCheck;
  // the worker writes the JSON of the check shown; a return over the upload limit comes as several
  // payloads, each complete: one zip holds them, named as `gstr1 convert` names its files
  void fromWorker('Writing the JSON…', async () => {
    const j = await ask({ type: 'json', check, stem: stem() }, 'json');
    if (j.files === 1) {
      save(`${stem()}.json`, new Blob([j.bytes as Uint8Array<ArrayBuffer>], { type: 'application/json' }));
      return 'JSON saved.';
    }
    save(`${stem()}-json.zip`, new Blob([j.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    return `JSON saved as one zip of ${count(j.files)} files, each under the upload limit: upload them one by one.`;
  });
});

$('dl-split').addEventListener('click', () =>
  fromWorker('Writing your sales register as the GSTR-1 template…', async () => {
    const s = await ask({ type: 'split' }, 'split');
    save(`${stem()}-template.xlsx`, new Blob([s.bytes as Uint8Array<ArrayBuffer>], { type: XLSX }));
    const sheets = s.sheets.map((x) => `${x.name} ${count(x.rows)}`).join(', ') || 'no rows';
    return `Split template ready (rows per sheet: ${sheets}).` + (s.rejected ? ` ${plural(s.rejected, 'rejected line')} ${s.rejected === 1 ? 'is' : 'are'} not in it.` : '');
  }),
);

$('dl-csv').addEventListener('click', () => {
  if (current) save(`${stem()}-findings.csv`, new Blob([current.csv], { type: 'text/csv' }));
});

// --------------------------------------------------------------------------- column mapping

function storedMapping(): string | undefined {
  try {
    return localStorage.getItem(MAPPING_STORE) ?? undefined;
  } catch {
    return undefined;
  }
}

function setMapping(text: string | undefined): void {
  try {
    if (text) localStorage.setItem(MAPPING_STORE, text);
    else localStorage.removeItem(MAPPING_STORE);
  } catch {
    /* storage off */
  }
  showMappingState();
}

function showMappingState(): void {
  const m = storedMapping();
  let n = 0;
  try {
    n = m ? Object.values((JSON.parse(m) as { columns?: Record<string, unknown> }).columns ?? {}).filter((v) => v).length : 0;
  } catch {
    /* shown as none */
  }
  $<HTMLParagraphElement>('mapping-state').textContent = m
    ? `A column mapping is saved in this browser (${plural(n, 'field')} mapped): a check uses it for a file whose columns it fits.`
    : 'No column mapping: columns are recognised by their headers.';
  $<HTMLButtonElement>('mapping-export').disabled = !m;
  $<HTMLButtonElement>('mapping-clear').disabled = !m;
}

$('mapping-import').addEventListener('change', async (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (!f) return;
  const text = await f.text();
  try {
    JSON.parse(text);
  } catch {
    formError.textContent = `${f.name} is not a JSON mapping file.`;
    return;
  }
  // its fields are checked by the engine, with the same messages as the command line, before it is
  // kept: a file that names no column for a required field would otherwise fail every later check
  try {
    await ask({ type: 'mapping-check', text, name: f.name }, 'mapping-ok');
  } catch (err) {
    formError.textContent = `${f.name} was not saved: ${err instanceof Error ? err.message : String(err)}`;
    (e.target as HTMLInputElement).value = '';
    return;
  }
  formError.textContent = '';
  setMapping(text);
});
$('mapping-export').addEventListener('click', () => {
  const m = storedMapping();
  if (m) save('gstr1-mapping.json', new Blob([m], { type: 'application/json' }));
});
$('mapping-clear').addEventListener('click', () => setMapping(undefined));

let editing: { sheet: string; row: number; file: string } | undefined;

$('map-columns').addEventListener('click', async () => {
  const file = chosen[0];
  if (!file) {
    formError.textContent = 'Choose the sales register first.';
    return;
  }
  const h = await ask({ type: 'headers', file }, 'headers');
  const editor = $<HTMLDivElement>('editor');
  if (!h.headers.length) {
    formError.textContent = `No row of column headers was found in the first rows of ${file.name}.`;
    return;
  }
  editing = { sheet: h.sheet, row: h.row, file: file.name };
  $<HTMLParagraphElement>('editor-where').textContent = `${file.name}, sheet ${h.sheet}, headers in row ${h.row}. The nearest field is chosen for each column; change what is wrong.`;
  $<HTMLTableElement>('editor-table').tBodies[0]!.replaceChildren(
    ...h.headers.map((c) => {
      const select = document.createElement('select');
      select.setAttribute('aria-label', `Field for column ${c.header}`);
      select.dataset.header = c.header;
      const option = (value: string, text: string) => Object.assign(document.createElement('option'), { value, textContent: text });
      select.append(option('', '(not used)'), ...REGISTER_FIELD_SPECS.map((s) => option(s.field, s.label)));
      select.value = c.field ?? '';
      return el('tr', {}, el('th', { scope: 'row', textContent: c.header }), el('td', {}, select));
    }),
  );
  editor.hidden = false;
  (editor.querySelector('select') as HTMLSelectElement | null)?.focus();
});

$('editor-save').addEventListener('click', () => {
  if (!editing) return;
  const columns: Record<string, string> = {};
  for (const s of $<HTMLTableElement>('editor-table').querySelectorAll('select')) if (s.value) columns[s.value] = s.dataset.header!;
  // the same file `gstr1 mapping init` writes
  const mapping = { layout: 'register', name: `sales register ${editing.file}`, sheet: editing.sheet, headerRow: editing.row, columns };
  setMapping(`${JSON.stringify(mapping, null, 2)}\n`);
  $<HTMLDivElement>('editor').hidden = true;
});

recall();
showMappingState();
void setUpPortal({
  files: () => chosen,
  form: portalOptions,
  // a job's findings are worded, put on the files and annotated by the same worker as a check's
  findings: (files, findings, portalErrors, period) => ask({ type: 'job-findings', files, findings, portalErrors, period }, 'job-findings'),
  annotate: async (files, findings) => (await ask({ type: 'annotate', files, findings }, 'annotated')).bytes,
});
