/**
 * Upload, status and filing, when the page comes from `gstr1 serve --provider`: the server does
 * the portal work with its own credentials (never sent here); the page sends the files to it,
 * answers its questions (the OTPs typed here, the go-ahead once the portal's summary is shown
 * beside the uploaded totals) and shows the outcome and the ARN, naming the form (GSTR-1 or
 * GSTR-1A) of the job wherever it names the return. A static copy of the page has no token and
 * never calls this.
 */
import { distinctNames } from '../../src/api/input-names.js';
import type { Finding } from '../../src/model/finding.js';
import { formLabel, type ReturnForm } from '../../src/model/form.js';
import type { ReportRow } from '../../src/report/findings-data.js';
import { periodInWords } from '../../src/report/messages/period.js';
import type { PortalError } from '../../src/upload/error-report.js';
import { save, XLSX } from './download.js';
import { findingRow, MAX_SHOWN, placeOf } from './findings-table.js';
import { count, failureText, plural } from './format.js';
import { drawSummary, type SectionFigures } from './summary-table.js';
import { uploadOutcome } from './upload-outcome.js';
import { arnWords } from '../../src/upload/arn.js';

/** `seq` numbers it within its job (a question asked again is a new one); `why` says why an OTP is asked again */
interface Question { kind: 'otp' | 'evc-otp' | 'confirm'; seq: number; why?: { message: string; hint: string }; portal?: Totals[]; saved?: Totals[] }
type Totals = SectionFigures;
interface JobView { id: string; state: 'running' | 'asking' | 'done' | 'failed'; action: string; gstin: string; period: string; form: ReturnForm; question?: Question; result?: Record<string, unknown>; failure?: { message: string; hint: string } }
interface Refusal { message?: string; hint?: string }

/** The return and every option of the page's check: upload and filing read and check the files the same way. */
export interface PortalForm {
  gstin: string;
  period: string;
  form: ReturnForm;
  sez: boolean;
  turnover?: number;
  preset: string;
  mapping?: string;
}

export interface PortalPage {
  files(): readonly File[];
  /** the form's values, or a sentence saying what to correct in it */
  form(): PortalForm | string;
  /** a job's findings and portal errors put on `files` and worded, by the page's engine */
  findings(files: readonly File[], findings: readonly Finding[], portalErrors: readonly PortalError[], period: string): Promise<{ rows: readonly ReportRow[]; findings: readonly Finding[] }>;
  /** the annotated workbook of `files` with `findings`, made by the page's engine */
  annotate(files: readonly File[], findings: readonly Finding[]): Promise<Uint8Array>;
}

/** What gstr1 serve lists under a job's outcome (GET /api/job/findings). */
interface JobFindings { findings: Finding[]; portalErrors: PortalError[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const token = new URLSearchParams(location.search).get('token');

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-gstr1-token': token ?? '' } });
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await call(path, init);
  return (await res.json()) as T;
}

export async function setUpPortal(page: PortalPage): Promise<void> {
  if (!token) return;
  const info = await json<{ portal: { provider: string } | null }>('/api/info').catch(() => undefined);
  if (!info?.portal) return;
  const section = $<HTMLElement>('portal');
  section.hidden = false;
  $('portal-via').textContent = `Through ${info.portal.provider}, with the credentials of the computer running gstr1 serve. Check your return above first.`;
  const state = $<HTMLParagraphElement>('p-state');
  const buttons = ['p-upload', 'p-status', 'p-file', 'p-reset'].map((id) => $<HTMLButtonElement>(id));
  const question = $<HTMLFormElement>('p-question');
  const confirmBox = $<HTMLDivElement>('p-confirm');
  const fileButton = $<HTMLButtonElement>('p-file');
  // the file button names the form chosen above: "File GSTR-1A" when GSTR-1A is chosen
  const formSelect = $<HTMLSelectElement>('return-form');
  const nameFileButton = () => (fileButton.textContent = `File ${formLabel(formSelect.value === 'gstr1a' ? 'gstr1a' : 'gstr1')}`);
  formSelect.addEventListener('change', nameFileButton);
  nameFileButton();

  const busy = (on: boolean) => buttons.forEach((b) => (b.disabled = on));
  /** the files of the job on show: an upload's are those handed over; a job followed after a reload, or a status, reads the chosen ones */
  let jobFiles: readonly File[] = [];
  /** which job's findings are on show: a later job's start makes an earlier listing stale */
  let listing = 0;
  /** the download name of the workbook with the portal's errors serve wrote */
  let annotatedName = 'portal-errors.xlsx';
  /** the findings on show, for the annotated workbook */
  let listed: { files: readonly File[]; findings: readonly Finding[]; stem: string } | undefined;

  /** Why gstr1 serve refused a request, in its own words where it gave them. */
  async function refusal(res: Response, fallback: string): Promise<string> {
    const r = (await res.json().catch(() => ({}))) as Refusal;
    return r.message ? failureText(r.message, r.hint ?? '') : fallback;
  }

  /** Hands the chosen files to gstr1 serve; a sentence saying why not at the first refusal. */
  async function handOver(files: readonly File[]): Promise<string | undefined> {
    if (!files.length) return 'Choose the files of the return above first.';
    const cleared = await call('/api/files/clear', { method: 'POST' });
    if (!cleared.ok) return refusal(cleared, 'gstr1 serve did not take the files.');
    for (const file of files) {
      let name: string;
      try {
        name = encodeURIComponent(file.name);
      } catch {
        return `gstr1 serve cannot take a file named "${file.name}". Rename it with plain letters and digits, choose it again, then try again.`;
      }
      const res = await call('/api/files', { method: 'POST', body: file, headers: { 'x-file-name': name } });
      if (!res.ok) return refusal(res, `gstr1 serve did not take ${file.name}.`);
    }
    return undefined;
  }

  async function start(action: 'upload' | 'status' | 'reset' | 'file'): Promise<void> {
    const f = page.form();
    if (typeof f === 'string') {
      state.textContent = f;
      return;
    }
    busy(true);
    $('p-annotated').hidden = true;
    $('p-annotate-failure').hidden = true;
    $('p-findings-box').hidden = true;
    listing++;
    try {
      const files = page.files();
      jobFiles = files;
      if (action === 'upload' || action === 'file') {
        state.textContent = 'Handing the files to gstr1 serve…';
        const refused = await handOver(files);
        if (refused) {
          state.textContent = `Nothing was sent to the portal. ${refused}`;
          busy(false);
          return;
        }
      }
      state.textContent = 'Working with the portal…';
      // the files as the page's check names them: serve starts only if it holds exactly these
      const names = distinctNames(files.map((x) => x.name));
      const chosen = files.map((x, i) => ({ name: names[i], bytes: x.size }));
      const res = await call('/api/job', { method: 'POST', body: JSON.stringify({ action, ...f, files: chosen, pan: $<HTMLInputElement>('pan').value.trim().toUpperCase() }) });
      if (!res.ok) {
        state.textContent = await refusal(res, 'The request was refused.');
        busy(false);
        return;
      }
      await follow();
    } catch (e) {
      state.textContent = `gstr1 serve did not answer: ${e instanceof Error ? e.message : String(e)}`;
      busy(false);
    }
  }

  /** the question on show, by its job and number: a second EVC OTP asked in the same words is still shown */
  let asked = '';
  async function follow(): Promise<void> {
    for (;;) {
      const job = await json<JobView>('/api/job');
      if (job.state === 'asking' && job.question) {
        const key = `${job.id}/${job.question.seq}`;
        if (key !== asked) {
          asked = key;
          ask(job, job.question);
        }
      } else if (job.state === 'done' || job.state === 'failed') {
        asked = '';
        question.hidden = true;
        confirmBox.hidden = true;
        show(job);
        busy(false);
        return;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  function ask(job: JobView, q: Question): void {
    question.hidden = true;
    confirmBox.hidden = true;
    if (q.kind === 'confirm') {
      const form = formLabel(job.form);
      state.textContent = `The portal's summary matches what was uploaded. File ${form} for ${job.gstin}, ${periodInWords(job.period)}?`;
      $('p-go').textContent = `File ${form} with these totals`;
      drawCompare(q.portal ?? [], q.saved ?? []);
      confirmBox.hidden = false;
      $<HTMLButtonElement>('p-go').focus();
      return;
    }
    $('p-question-label').textContent = q.kind === 'otp' ? 'OTP sent to the taxpayer' : 'EVC OTP sent to the signatory';
    // asked again: why (the code before was refused, the session expired), as gstr1 serve words it
    state.textContent = q.why ? failureText(q.why.message, q.why.hint)
      : q.kind === 'otp' ? 'The portal sent an OTP to the taxpayer\'s mobile.' : 'The portal sent the EVC OTP to the signatory.';
    const input = $<HTMLInputElement>('p-answer');
    input.value = '';
    question.hidden = false;
    input.focus();
  }

  function drawCompare(portal: Totals[], saved: Totals[]): void {
    drawSummary($<HTMLTableElement>('p-compare'), [{ label: 'Portal', totals: portal }, { label: 'Uploaded', totals: saved }]);
  }

  function show(job: JobView): void {
    if (job.failure) {
      state.textContent = failureText(job.failure.message, job.failure.hint);
      return;
    }
    const r = job.result ?? {};
    // the form the job worked on, not the one chosen above now: a GSTR-1A is never called GSTR-1
    const form = formLabel(job.form);
    if (job.action === 'file') {
      if (r.status === 'filed') state.textContent = `${form} ${r.alreadyFiled ? 'already filed' : 'filed'}. ${arnWords(String(r.arn))}${r.ackDate ? `, ${String(r.ackDate)}` : ''}`;
      else if (r.status === 'mismatch') state.textContent = `${form} not filed: the portal's summary differs from what was uploaded. Check the upload status and upload again.`;
      else state.textContent = `${form} not filed.`;
      return;
    }
    if (job.action === 'reset') {
      state.textContent = r.outcome === 'processed' ? `${form} reset: nothing uploaded for this period remains on the portal.` : `${form} reset: ${String(r.outcome).replace(/_/g, ' ')}.`;
      return;
    }
    if (job.action === 'upload' && r.status === 'refused') {
      const errors = Number(r.errors);
      state.textContent = `${form} not uploaded: the return has ${plural(errors, 'error')}, listed below. Fix ${errors === 1 ? 'it' : 'them'} first, then upload again.`;
      // its warnings too, as the page's own check lists them: they did not stop it, and say so by their severity
      void listFindings(job, 'Findings of the check before upload');
      return;
    }
    const chunks = (r.chunks as { outcome: string; errors: number }[] | undefined) ?? [];
    const outcome = chunks.map((c) => c.outcome.replace(/_/g, ' ')).join(', ');
    // the portal's errors: an upload's are its parts', a status's those it found (serve's count of its errors' rows is not this)
    const reported = job.action === 'upload' ? chunks.reduce((a, c) => a + c.errors, 0) : Number(r.portalErrors ?? 0);
    state.textContent = job.action === 'upload'
      ? uploadOutcome(r, job.form)
      : `${form}: ${plural(chunks.length, 'part')} uploaded: ${outcome || 'nothing yet'}.${r.filed ? ` Filed, ${arnWords(String((r.filed as { arn: string }).arn))}.` : ''}` +
        (r.fileRequested ? ' A filing was requested earlier and its answer never came: File GSTR-1 asks the portal first whether it was filed, and never files twice.' : '') +
        (reported ? ` The portal reported ${plural(reported, 'error')}, listed below.` : '');
    if (reported) void listFindings(job, job.action === 'upload' ? 'What the portal refused' : 'What the portal reported', reported);
    $('p-annotated').hidden = !(job.action === 'upload' && r.annotated);
    // the name gstr1 upload gives it: <first workbook>-portal-errors.xlsx
    annotatedName = typeof r.annotatedName === 'string' ? r.annotatedName : 'portal-errors.xlsx';
    // the upload went through, but the workbook marking the portal's errors could not be written: say so and why
    const missing = job.action === 'upload' ? (r.annotateFailure as { message: string; hint: string } | undefined) : undefined;
    const note = $('p-annotate-failure');
    note.hidden = !missing;
    note.textContent = missing ? failureText(missing.message, missing.hint) : '';
  }

  /**
   * The findings under a job's outcome, in the page's findings table: what stopped an upload, or
   * the portal's errors on the rows of the files at hand (the chosen ones for a status). The
   * annotated workbook of them is made here when they are on those files, unless serve wrote one.
   */
  async function listFindings(job: JobView, title: string, reported = 0): Promise<void> {
    const mine = listing;
    listed = undefined;
    const files = jobFiles.length ? jobFiles : page.files();
    const box = $<HTMLDivElement>('p-findings-box');
    const note = $<HTMLParagraphElement>('p-findings-count');
    const download = $<HTMLButtonElement>('p-dl-annotated');
    $('p-findings-title').textContent = title;
    $('p-download-note').textContent = '';
    let got: { rows: readonly ReportRow[]; findings: readonly Finding[] };
    try {
      const sent = await json<JobFindings>('/api/job/findings');
      got = await page.findings(files, sent.findings, sent.portalErrors, job.period);
    } catch (e) {
      if (mine !== listing) return;
      note.textContent = `They could not be listed: ${e instanceof Error ? e.message : String(e)}`;
      $<HTMLTableElement>('p-findings').tBodies[0]!.replaceChildren();
      download.hidden = true;
      box.hidden = false;
      return;
    }
    if (mine !== listing) return;
    // with several files, a sheet is named with its file, as in the check's table
    const names = distinctNames(files.map((f) => f.name));
    const many = new Set([...names, ...got.rows.map((f) => f.file).filter(Boolean)]).size > 1;
    const onFiles = got.findings.some((f) => f.file !== undefined && names.includes(f.file));
    const served = job.action === 'upload' && Boolean(job.result?.annotated);
    listed = onFiles && !served ? { files, findings: got.findings, stem: `${job.form}-${job.gstin}-${job.period}` } : undefined;
    const n = got.rows.length;
    // the portal names a document: its error is on each line of it
    const perLine = reported && n > reported ? ` for the portal's ${plural(reported, 'error')} (one on a document of several lines is shown on each line)` : '';
    const cut = n > MAX_SHOWN ? ` (the first ${count(MAX_SHOWN)} listed${listed || served ? '; the annotated workbook has them all' : ''})` : '';
    const unplaced = got.findings.filter((f) => f.unmatched).length;
    const elsewhere = !unplaced ? '' : files.length
      ? ` ${unplaced === 1 ? 'The one' : 'Those'} without a row ${unplaced === 1 ? 'matches' : 'match'} no row of the chosen files.`
      : ` Choose the return's files above, then press Upload status again, to see ${unplaced === 1 ? 'it' : 'them'} on your rows.`;
    note.textContent = `${plural(n, 'finding')}${perLine}${cut}.${elsewhere}`;
    $('p-place-col').textContent = many ? 'File › sheet' : 'Sheet';
    $<HTMLTableElement>('p-findings').tBodies[0]!.replaceChildren(...got.rows.slice(0, MAX_SHOWN).map((f) => findingRow(f, placeOf(f, many))));
    download.hidden = !listed;
    box.hidden = false;
  }

  $('p-dl-annotated').addEventListener('click', async () => {
    const l = listed;
    if (!l) return;
    const note = $('p-download-note');
    note.textContent = 'Writing the annotated workbook…';
    try {
      save(`${l.stem}-errors.xlsx`, new Blob([(await page.annotate(l.files, l.findings)) as Uint8Array<ArrayBuffer>], { type: XLSX }));
      note.textContent = 'Annotated workbook ready.';
    } catch (e) {
      note.textContent = e instanceof Error ? e.message : String(e);
    }
  });

  /** The user stops a job that waits for them (an OTP, the go-ahead to file): serve says what was left undone. */
  const cancel = () => {
    question.hidden = true;
    confirmBox.hidden = true;
    state.textContent = 'Cancelling…';
    void call('/api/job/cancel', { method: 'POST' });
  };
  $('p-cancel').addEventListener('click', cancel);
  $('p-stop').addEventListener('click', cancel);
  // after a reload, a job still running (or waiting for an answer) is followed again, its question asked again
  void json<JobView | null>('/api/job')
    .then((job) => {
      if (job?.state !== 'running' && job?.state !== 'asking') return undefined;
      busy(true);
      jobFiles = [];
      state.textContent = `A request to the portal (${job.action}, ${formLabel(job.form)}) is still running…`;
      return follow();
    })
    .catch(() => {});

  $('p-upload').addEventListener('click', () => void start('upload'));
  $('p-status').addEventListener('click', () => void start('status'));
  $('p-file').addEventListener('click', () => void start('file'));
  $('p-reset').addEventListener('click', () => {
    const f = page.form();
    if (typeof f === 'string') {
      state.textContent = f;
      return;
    }
    if (confirm(`Delete everything uploaded to the ${formLabel(f.form)} of ${f.gstin}, ${periodInWords(f.period)}, from the portal? Filed returns cannot be reset.`)) void start('reset');
  });
  question.addEventListener('submit', (e) => {
    e.preventDefault();
    question.hidden = true;
    state.textContent = 'Sent. Working with the portal…';
    void call('/api/job/answer', { method: 'POST', body: JSON.stringify({ value: $<HTMLInputElement>('p-answer').value.trim() }) });
  });
  $('p-go').addEventListener('click', () => {
    confirmBox.hidden = true;
    state.textContent = 'Filing…';
    void call('/api/job/answer', { method: 'POST', body: JSON.stringify({ value: 'file' }) });
  });
  $('p-annotated').addEventListener('click', async () => {
    const res = await call('/api/job/annotated');
    if (res.ok) save(annotatedName, await res.blob());
  });
}
