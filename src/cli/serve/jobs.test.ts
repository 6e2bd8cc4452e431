/** A job of gstr1 serve waits for the user's answer a limited time, and only while it waits. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Gstr1Error } from '../../model/errors.js';
import { DEFAULT_ANSWER_WITHIN_MS, Job, JobStore } from './jobs.js';

const RET = { gstin: '27AAKCS4821M1ZW', period: '102025', form: 'gstr1' as const };
const CHECK = { kind: 'confirm' as const, portal: [], saved: [] };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('serve jobs: the wait for an answer', () => {
  it('an OTP left unanswered past the limit stops the job: the question is refused, the stop recorded', async () => {
    const job = new Job('file', RET, 60_000);
    const otp = job.ask({ kind: 'otp' });
    const refused = expect(otp).rejects.toSatisfy((e: unknown) => e instanceof Gstr1Error && e.code === 'SERVE_WAIT_EXPIRED');
    vi.advanceTimersByTime(59_999);
    expect(job.view()).toMatchObject({ state: 'asking', question: { kind: 'otp' } });
    vi.advanceTimersByTime(1);
    await refused;
    expect(job.stopped).toEqual({ code: 'SERVE_WAIT_EXPIRED', waited: 'otp', limitMs: 60_000 });
    expect(job.view().question).toBeUndefined();
    // nothing left to answer or cancel
    expect(job.answer('575757')).toBe(false);
    expect(job.cancel()).toBe(false);
  });

  it('the go-ahead to file left unanswered is a no: the filing is not made', async () => {
    const job = new Job('file', RET, 1000);
    const goAhead = job.ask(CHECK);
    vi.advanceTimersByTime(1000);
    await expect(goAhead).resolves.toBe('no');
    expect(job.stopped).toEqual({ code: 'SERVE_WAIT_EXPIRED', waited: 'confirm', limitMs: 1000 });
  });

  it('an answer in time ends the wait: the limit passing later stops nothing', async () => {
    const job = new Job('upload', RET, 1000);
    const otp = job.ask({ kind: 'otp' });
    vi.advanceTimersByTime(999);
    expect(job.answer('575757')).toBe(true);
    await expect(otp).resolves.toBe('575757');
    vi.advanceTimersByTime(10_000);
    expect(job.stopped).toBeUndefined();
    expect(job.view().state).toBe('running');
  });

  it('a job not waiting for the user is never timed out', () => {
    const job = new Job('upload', RET, 1000);
    vi.advanceTimersByTime(60 * 60_000);
    expect(job.stopped).toBeUndefined();
    expect(job.view().state).toBe('running');
  });

  it('a cancel at the go-ahead answers no and is recorded as the user\'s', async () => {
    const job = new Job('file', RET, 1000);
    const goAhead = job.ask(CHECK);
    expect(job.cancel()).toBe(true);
    await expect(goAhead).resolves.toBe('no');
    expect(job.stopped).toEqual({ code: 'SERVE_CANCELLED', waited: 'confirm' });
    // the limit passing after the cancel changes nothing
    vi.advanceTimersByTime(1000);
    expect(job.stopped).toEqual({ code: 'SERVE_CANCELLED', waited: 'confirm' });
  });

  it('numbers its questions: the same question asked again is a new one, so the page shows it again', async () => {
    const job = new Job('file', RET, 1000);
    const first = job.ask({ kind: 'evc-otp' });
    const seen = job.view().question;
    expect(seen).toEqual({ kind: 'evc-otp', seq: 1 });
    // polled again before the answer: the same question, the same number
    expect(job.view().question).toEqual(seen);
    job.answer('000000');
    await first;
    const why = { code: 'UPLOAD_EVC_OTP_REFUSED', message: 'refused', hint: 'new one' };
    void job.ask({ kind: 'evc-otp', why });
    expect(job.view().question).toEqual({ kind: 'evc-otp', why, seq: 2 });
  });

  it('the store gives each job its limit (15 minutes unless told), and the job names its return', async () => {
    expect(DEFAULT_ANSWER_WITHIN_MS).toBe(15 * 60_000);
    const quick = new JobStore({ answerWithinMs: 500 }).start('file', { ...RET, form: 'gstr1a' });
    expect(quick.view()).toMatchObject({ action: 'file', gstin: RET.gstin, period: RET.period, form: 'gstr1a' });
    const a = quick.ask({ kind: 'evc-otp' }).catch(() => 'refused');
    vi.advanceTimersByTime(500);
    await expect(a).resolves.toBe('refused');
    expect(quick.stopped?.waited).toBe('evc-otp');
    const usual = new JobStore().start('upload', RET);
    const b = usual.ask({ kind: 'otp' }).catch(() => 'refused');
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(usual.stopped).toBeUndefined();
    vi.advanceTimersByTime(1);
    await expect(b).resolves.toBe('refused');
  });
});
