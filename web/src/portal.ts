/**
 * Upload, status and filing, when the page comes from `gstr1 serve --provider`: the server does
 * the portal work with its own credentials (never sent here); the page sends the files to it,
 * answers its questions (the OTPs typed here, the go-ahead once the portal's summary is shown
 * beside the uploaded totals) and shows the outcome and the ARN, naming the form (GSTR-1 or
 * GSTR-1A) of the job wherever it names the return. A static copy of the page has no token and
 * never calls this.
 */
import { distinctNames } from '../../src/api/input-names.js';
import { formLabel, type ReturnForm } from '../../src/model/form.js';
import { periodInWords } from '../../src/report/messages/period.js';
import { count, failureText, plural, rupees } from './format.js';
import { uploadOutcome } from './upload-outcome.js';

interface Question { kind: 'otp' | 'evc-otp' | 'confirm'; portal?: Totals[]; saved?: Totals[] }
interface Totals { sec_nm: string; ttl_rec?: number; ttl_tax?: number; ttl_igst?: number; ttl_cgst?: number; ttl_sgst?: number; ttl_cess?: number }
interface JobView { state: 'running' | 'asking' | 'done' | 'failed'; action: string; gstin: string; period: string; form: ReturnForm; question?: Question; result?: Record<string, unknown>; failure?: { message: string; hint: string } }
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
}

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
    try {
      const files = page.files();
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

  let asked = '';
  async function follow(): Promise<void> {
    for (;;) {
      const job = await json<JobView>('/api/job');
      if (job.state === 'asking' && job.question) {
        const key = JSON.stringify(job.question);
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
    state.textContent = q.kind === 'otp' ? 'The portal sent an OTP to the taxpayer\'s mobile.' : 'The portal sent the EVC OTP to the signatory.';
    const input = $<HTMLInputElement>('p-answer');
    input.value = '';
    question.hidden = false;
    input.focus();
  }

  function drawCompare(portal: Totals[], saved: Totals[]): void {
    const names = [...new Set([...portal.map((t) => t.sec_nm), ...saved.map((t) => t.sec_nm)])];
    const td = (t: string, cls = '') => Object.assign(document.createElement('td'), { textContent: t, className: cls });
    const rows: HTMLTableRowElement[] = [];
    for (const n of names) {
      for (const [from, list] of [['portal', portal], ['uploaded', saved]] as const) {
        const t = list.find((x) => x.sec_nm === n) ?? { sec_nm: n };
        const tr = document.createElement('tr');
        tr.append(td(from === 'portal' ? n : ''), td(from === 'portal' ? 'Portal' : 'Uploaded'), td(count(t.ttl_rec ?? 0), 'num'),
          ...[t.ttl_tax, t.ttl_igst, t.ttl_cgst, t.ttl_sgst, t.ttl_cess].map((v) => td(rupees(v ?? 0), 'num')));
        rows.push(tr);
      }
    }
    $<HTMLTableElement>('p-compare').tBodies[0]!.replaceChildren(...rows);
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
      if (r.status === 'filed') state.textContent = `${form} ${r.alreadyFiled ? 'already filed' : 'filed'}. ARN ${String(r.arn)}${r.ackDate ? `, ${String(r.ackDate)}` : ''}`;
      else if (r.status === 'mismatch') state.textContent = `${form} not filed: the portal's summary differs from what was uploaded. Check the upload status and upload again.`;
      else state.textContent = `${form} not filed.`;
      return;
    }
    if (job.action === 'reset') {
      state.textContent = r.outcome === 'processed' ? `${form} reset: nothing uploaded for this period remains on the portal.` : `${form} reset: ${String(r.outcome).replace(/_/g, ' ')}.`;
      return;
    }
    if (job.action === 'upload' && r.status === 'refused') {
      state.textContent = `${form} not uploaded: the return has ${plural(Number(r.errors), 'error')}. Fix them first.`;
      return;
    }
    const chunks = (r.chunks as { outcome: string; errors: number }[] | undefined) ?? [];
    const outcome = chunks.map((c) => c.outcome.replace(/_/g, ' ')).join(', ');
    state.textContent = job.action === 'upload'
      ? uploadOutcome(r, job.form)
      : `${form}: ${plural(chunks.length, 'part')} uploaded: ${outcome || 'nothing yet'}.${r.filed ? ` Filed, ARN ${String((r.filed as { arn: string }).arn)}.` : ''}`;
    $('p-annotated').hidden = !(job.action === 'upload' && r.annotated);
    // the upload went through, but the workbook marking the portal's errors could not be written: say so and why
    const missing = job.action === 'upload' ? (r.annotateFailure as { message: string; hint: string } | undefined) : undefined;
    const note = $('p-annotate-failure');
    note.hidden = !missing;
    note.textContent = missing ? failureText(missing.message, missing.hint) : '';
  }

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
    if (!res.ok) return;
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await res.blob()), download: 'portal-errors.xlsx' });
    document.body.append(a);
    a.click();
    a.remove();
  });
}
