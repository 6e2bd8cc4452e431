/**
 * Upload, status and filing, when the page comes from `gstr1 serve --provider`: the server does
 * the portal work with its own credentials (never sent here); the page sends the files to it,
 * answers its questions (the OTPs typed here, the go-ahead once the portal's summary is shown
 * beside the uploaded totals) and shows the outcome and the ARN. A static copy of the page has
 * no token and never calls this.
 */
import { periodInWords } from '../../src/report/messages/period.js';
import { count, failureText, plural, rupees } from './format.js';

interface Question { kind: 'otp' | 'evc-otp' | 'confirm'; portal?: Totals[]; saved?: Totals[] }
interface Totals { sec_nm: string; ttl_rec?: number; ttl_tax?: number; ttl_igst?: number; ttl_cgst?: number; ttl_sgst?: number; ttl_cess?: number }
interface JobView { state: 'running' | 'asking' | 'done' | 'failed'; action: string; question?: Question; result?: Record<string, unknown>; failure?: { message: string; hint: string } }

export interface PortalPage {
  files(): readonly File[];
  form(): { gstin: string; period: string; sez: boolean };
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

  const busy = (on: boolean) => buttons.forEach((b) => (b.disabled = on));

  async function start(action: 'upload' | 'status' | 'reset' | 'file'): Promise<void> {
    const f = page.form();
    busy(true);
    $('p-annotated').hidden = true;
    $('p-annotate-failure').hidden = true;
    try {
      if (action === 'upload' || action === 'file') {
        state.textContent = 'Handing the files to gstr1 serve…';
        await call('/api/files/clear', { method: 'POST' });
        for (const file of page.files()) await call('/api/files', { method: 'POST', body: file, headers: { 'x-file-name': encodeURIComponent(file.name) } });
      }
      state.textContent = 'Working with the portal…';
      const res = await call('/api/job', { method: 'POST', body: JSON.stringify({ action, ...f, pan: $<HTMLInputElement>('pan').value.trim().toUpperCase() }) });
      if (!res.ok) {
        state.textContent = ((await res.json()) as { message?: string }).message ?? 'The request was refused.';
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
          ask(job.question);
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

  function ask(q: Question): void {
    question.hidden = true;
    confirmBox.hidden = true;
    if (q.kind === 'confirm') {
      state.textContent = 'The portal\'s summary matches what was uploaded. File?';
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
    if (job.action === 'file') {
      if (r.status === 'filed') state.textContent = `${r.alreadyFiled ? 'Already filed' : 'Filed'}. ARN ${String(r.arn)}${r.ackDate ? `, ${String(r.ackDate)}` : ''}`;
      else if (r.status === 'mismatch') state.textContent = 'Not filed: the portal\'s summary differs from what was uploaded. Check the upload status and upload again.';
      else state.textContent = 'Not filed.';
      return;
    }
    if (job.action === 'reset') {
      state.textContent = r.outcome === 'processed' ? 'Reset: nothing uploaded for this period remains on the portal.' : `Reset: ${String(r.outcome).replace(/_/g, ' ')}.`;
      return;
    }
    if (job.action === 'upload' && r.status === 'refused') {
      state.textContent = `Not uploaded: the return has ${plural(Number(r.errors), 'error')}. Fix them first.`;
      return;
    }
    const chunks = (r.chunks as { outcome: string; errors: number }[] | undefined) ?? [];
    const errors = chunks.reduce((a, c) => a + c.errors, 0);
    const outcome = chunks.map((c) => c.outcome.replace(/_/g, ' ')).join(', ');
    state.textContent = job.action === 'upload'
      ? `Uploaded in ${plural(chunks.length, 'part')}: ${outcome}. ${errors ? `The portal refused ${plural(errors, 'record')}.` : 'The portal accepted every record.'}`
      : `${plural(chunks.length, 'part')} uploaded: ${outcome || 'nothing yet'}.${r.filed ? ` Filed, ARN ${String((r.filed as { arn: string }).arn)}.` : ''}`;
    $('p-annotated').hidden = !(job.action === 'upload' && r.annotated);
    // the upload went through, but the workbook marking the portal's errors could not be written: say so and why
    const missing = job.action === 'upload' ? (r.annotateFailure as { message: string; hint: string } | undefined) : undefined;
    const note = $('p-annotate-failure');
    note.hidden = !missing;
    note.textContent = missing ? failureText(missing.message, missing.hint) : '';
  }

  $('p-upload').addEventListener('click', () => void start('upload'));
  $('p-status').addEventListener('click', () => void start('status'));
  $('p-file').addEventListener('click', () => void start('file'));
  $('p-reset').addEventListener('click', () => {
    const f = page.form();
    if (confirm(`Delete everything uploaded for ${f.gstin}, ${periodInWords(f.period)}, from the portal? Filed returns cannot be reset.`)) void start('reset');
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
  $('p-stop').addEventListener('click', () => {
    confirmBox.hidden = true;
    void call('/api/job/answer', { method: 'POST', body: JSON.stringify({ value: 'no' }) });
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
