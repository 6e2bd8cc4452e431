/** gstr1 serve's HTTP API as the page calls it, for serve's tests: a request, a file handed over, a job run to its end. */
import type { RunningServer } from '../../src/cli/serve/server.js';

export const OTP = '575757';
/** the emulator's demo credentials, as the server's environment holds them */
export const CREDENTIALS = { GSTR1_WB_EMAIL: 'a@b.in', GSTR1_WB_CLIENT_ID: 'client', GSTR1_WB_CLIENT_SECRET: 'secret-123', GSTR1_GST_USERNAME: 'user' };

export interface Reply { status: number; body: Record<string, unknown> & { code?: string; message?: string } }

export async function api(s: RunningServer, path: string, init: { method?: string; body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const res = await fetch(`${s.origin}${path}`, { method: init.method ?? 'POST', ...(init.body !== undefined ? { body: init.body } : {}), headers: { 'x-gstr1-token': s.token, ...init.headers } });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

export const put = (s: RunningServer, name: string, data: Buffer) => api(s, '/api/files', { body: data, headers: { 'x-file-name': encodeURIComponent(name) } });

/** The job now (GET /api/job). */
export const jobNow = async (s: RunningServer) => (await api(s, '/api/job', { method: 'GET' })).body as { state: string; question?: Question } & Record<string, unknown>;

/** A job's question as the page sees it: its kind, its number in the job, and why an OTP is asked again. */
export type Question = { kind: string; seq?: number; why?: unknown } & Record<string, unknown>;

/** Starts a job and answers its questions (the OTPs, the go-ahead) until it ends; `onAsk` may answer instead (true). */
export async function runJob(s: RunningServer, body: Record<string, unknown>, onAsk?: (q: Question) => Promise<boolean>): Promise<Record<string, unknown>> {
  const started = await api(s, '/api/job', { body: JSON.stringify(body) });
  if (started.status !== 202) return started.body;
  for (let i = 0; i < 600; i++) {
    const job = await jobNow(s);
    if (job.state === 'done' || job.state === 'failed') return job;
    if (job.state === 'asking' && job.question) {
      if (!(onAsk && (await onAsk(job.question)))) await api(s, '/api/job/answer', { body: JSON.stringify({ value: job.question.kind === 'confirm' ? 'file' : OTP }) });
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the job did not end');
}
