/**
 * `file`: proceeds to file, waits, fetches the summary, compares it with the saved totals (refusing
 * on a difference), asks for confirmation, requests the EVC OTP, files, and records the ARN. A lost
 * reply to the filing is checked with the return tracker: a return is never filed twice.
 */
import { ARN_UNKNOWN, arnKnown } from './arn.js';
import { portalErrors } from './error-report.js';
import { isProviderError, ProviderError, UploadError } from './errors.js';
import type { JournalState, Notice } from './journal.js';
import { filingBasis } from './filing-basis.js';
import { requireGstr1Filed } from './gstr1a.js';
import { delay, retry } from './retry.js';
import { refuseTimeBarredRun } from './time-bar.js';
import { ask, isAsked, unsupported, withRun, type Prompt, type Run, type RunOptions } from './run-context.js';
import { compareTotals, type SectionTotal, type TotalsDifference } from './totals.js';
import type { ReturnSummary, SummarySection } from './types.js';


/** What the user confirms before filing. */
export interface FilingCheck {
  readonly summary: ReturnSummary;
  /** the portal's section totals */
  readonly portal: readonly SummarySection[];
  /** the totals of the saved data */
  readonly saved: readonly SectionTotal[];
  readonly differences: readonly TotalsDifference[];
}

export interface FileOptions extends RunOptions {
  /** PAN of the authorised signatory (EVC) */
  pan: string;
  /**
   * the EVC OTP sent to the signatory, asked after it is requested. Given (a value, `given`), a
   * refused code ends the run; asked, a new code is requested and asked for, told why.
   */
  evcOtp: Prompt<string>;
  /** asked with the summary once it matches the saved totals; false cancels */
  confirm: boolean | ((check: FilingCheck) => Promise<boolean>);
  /**
   * The files the return was uploaded from, as payloads: each must have been saved to this
   * destination, and the summary is compared with their totals. Without them (and without
   * `savedTotals`) the journal's record of what each chunk held is used.
   */
  payloads?: readonly string[];
  /** totals of the data that was saved, when the caller has them (computeTotals of the chunks) */
  savedTotals?: readonly SectionTotal[];
  /** a nil return (nothing saved) */
  nil?: boolean;
  /** rupees of difference tolerated per field @default 0 */
  tolerance?: number;
}

export type FileResult =
  | ({ readonly status: 'filed'; readonly arn: string; readonly ackDate?: string; readonly alreadyFiled: boolean } & Partial<FilingCheck>)
  | ({ readonly status: 'mismatch' | 'cancelled' } & FilingCheck)
  /** nothing was sent: the reason, a catalogue code and its params */
  | { readonly status: 'refused'; readonly reason: Notice };

const PAN = /^[A-Z]{5}[0-9]{4}[A-Z]$/;

/**
 * Proceeds to file, waits, fetches the summary, compares it with the saved totals (refusing on a
 * difference), asks for confirmation, requests the EVC OTP, files, and records the ARN.
 */
export async function fileReturn(opts: FileOptions): Promise<FileResult> {
  const pan = String(opts.pan ?? '').trim().toUpperCase();
  if (!PAN.test(pan)) throw new UploadError('UPLOAD_PAN', { value: pan });
  // before any lock, journal or call, whichever front end files (gstr1 serve's page included)
  refuseTimeBarredRun(opts);
  return withRun(opts, 'file', async (run) => {
    const st = run.journal.state();
    if (st.filed) {
      // filed, its ARN not given then: the tracker may give it now
      const t = !arnKnown(st.filed.arn) && run.provider.track ? await trackFiled(run, st.filed.arn) : undefined;
      const known = t ?? { arn: st.filed.arn, ...(st.filed.ackDate ? { ackDate: st.filed.ackDate } : {}) };
      return { status: 'filed' as const, ...known, alreadyFiled: true };
    }
    if (st.fileRequested) {
      // an earlier run asked to file and never learnt the answer
      const t = await trackFiled(run);
      if (t) return { status: 'filed' as const, ...t, alreadyFiled: true };
    }

    await requireGstr1Filed(run);
    const basis = filingBasis(st, opts);
    if ('refused' in basis) return { status: 'refused' as const, reason: basis.refused };
    const saved = basis.totals;
    let check = await prepare(run, opts, st, saved);
    if (check.differences.length) return { status: 'mismatch' as const, ...check };
    if (!(await confirmed(opts.confirm, check))) return { status: 'cancelled' as const, ...check };

    await requestEvc(run, pan);
    let otp = await askEvc(run, opts.evcOtp);
    const filed = (ack: { arn: string; ackDate?: string }, alreadyFiled: boolean): FileResult =>
      ({ status: 'filed', arn: ack.arn, ...(ack.ackDate ? { ackDate: ack.ackDate } : {}), alreadyFiled, ...check });
    // filing requests this run has sent: "already filed" to the first one means filed before this run
    let sent = 0;
    return retry<FileResult>(
      async () => {
        await run.journal.append({ step: 'file_requested', chksum: check.summary.chksum });
        sent++;
        const ack = await run.call(() => run.provider.file(run.ret, { pan, evcOtp: otp, summary: check.summary }));
        await run.journal.recordFiled(ack.arn, ack.ackDate);
        run.say(`filed: ARN ${ack.arn}`);
        return filed(ack, false);
      },
      {
        attempts: 4,
        clock: run.clock,
        intervals: run.intervals,
        onFailure: async (e, attempt) => {
          if (attempt >= 3) throw e;
          if (isProviderError(e, 'reply_lost', 'already_filed')) {
            const before = isProviderError(e, 'already_filed') && sent === 1;
            run.say(before ? 'the portal says the return is already filed; asking it for the ARN' : 'the reply to the filing was lost; asking the portal whether the return is filed');
            const t = await trackFiled(run);
            if (t) return { done: filed(t, before) };
            if (isProviderError(e, 'already_filed')) throw e;
            return 'again'; // verified not filed: file again (a consumed OTP answers invalid_otp below)
          }
          if (isProviderError(e, 'invalid_otp')) {
            // a code given once (--evc-otp, GSTR1_EVC_OTP, a line of standard input) would only be refused
            // again, each refusal a step towards the portal locking the signatory out: stop, with nothing
            // more requested; a code typed in may be typed again, once the portal has sent a new one
            if (!isAsked(opts.evcOtp)) throw e;
            const refused = otp;
            await requestEvc(run, pan);
            otp = await askEvc(run, opts.evcOtp, { code: 'UPLOAD_EVC_OTP_REFUSED', params: {} });
            if (otp === refused) throw e;
            return 'again';
          }
          if (isProviderError(e, 'summary_stale')) {
            // data changed since the summary: proceed again and compare again
            check = await prepare(run, opts, st, saved, true);
            if (check.differences.length) return { done: { status: 'mismatch', ...check } };
            if (!(await confirmed(opts.confirm, check))) return { done: { status: 'cancelled', ...check } };
            return 'again';
          }
          throw e;
        },
      },
    );
  });
}

async function confirmed(c: FileOptions['confirm'], check: FilingCheck): Promise<boolean> {
  return typeof c === 'function' ? c(check) : c;
}

async function askEvc(run: Run, p: Prompt<string>, why?: Notice): Promise<string> {
  const v = String(await ask(p, why)).trim();
  run.redactor.addCode(v);
  return v;
}

async function requestEvc(run: Run, pan: string) {
  await run.call(() => run.provider.requestEvcOtp(run.ret, pan));
  await run.journal.append({ step: 'evc_otp_requested', pan });
}

/**
 * Asks the return tracker whether the return is filed, and records it. `recorded`: the ARN the
 * journal already holds (ARN_UNKNOWN), recorded again only when the tracker now gives one.
 */
async function trackFiled(run: Run, recorded?: string): Promise<{ arn: string; ackDate?: string } | undefined> {
  if (!run.provider.track) throw unsupported(run, 'track');
  const t = await run.call(() => run.provider.track!(run.ret));
  if (!t.filed) return undefined;
  const arn = arnKnown(t.arn) ? t.arn : ARN_UNKNOWN;
  if (recorded === undefined || arn !== recorded) await run.journal.recordFiled(arn, t.filedOn);
  return { arn, ...(t.filedOn ? { ackDate: t.filedOn } : {}) };
}

/** Proceed to file (or resume it), wait, fetch the summary and compare it with the saved totals. */
async function prepare(run: Run, opts: FileOptions, st: JournalState, saved: readonly SectionTotal[], again = false): Promise<FilingCheck> {
  const pending = !again && st.proceed?.referenceId && !st.proceed.outcome ? st.proceed.referenceId : undefined;
  if (pending) await finishProceed(run, pending);
  else await proceed(run, Boolean(opts.nil));
  const summary = await waitSummary(run);
  const portal = summary.sec_sum;
  await run.journal.append({ step: 'summary', chksum: summary.chksum, sections: portal });
  const differences = compareTotals(portal, saved, opts.tolerance ?? 0);
  if (differences.length) await run.journal.append({ step: 'summary_mismatch', differences });
  return { summary, portal, saved, differences };
}

async function proceed(run: Run, nil: boolean) {
  await retry(
    async () => {
      const r = await run.call(() => run.provider.proceed(run.ret, { nil }));
      await run.journal.append({ step: 'proceed_requested', ...(r.referenceId ? { referenceId: r.referenceId } : {}), alreadyReady: r.alreadyReady });
      if (r.referenceId) await finishProceed(run, r.referenceId);
      else await run.journal.append({ step: 'proceed', outcome: 'already_ready' });
    },
    {
      attempts: 4,
      clock: run.clock,
      intervals: run.intervals,
      onFailure: async (e) => {
        if (isProviderError(e, 'reply_lost')) {
          // a fresh summary means the proceed arrived; otherwise ask again (the portal answers
          // "already ready" if it did arrive after all)
          run.say('the reply to proceed-to-file was lost; checking the summary');
          if (!(await freshSummary(run))) return 'again';
          await run.journal.append({ step: 'proceed', outcome: 'already_ready' });
          return { done: undefined };
        }
        if (isProviderError(e, 'reset_in_progress')) return 'wait';
        throw e;
      },
      exhausted: () => new ProviderError('reply_lost', { provider: run.provider.name, op: 'proceed', detail: 'proceed to file could not be confirmed' }),
    },
  );
}

async function finishProceed(run: Run, referenceId: string) {
  const s = await run.poll(referenceId);
  if (s.outcome === 'in_progress') throw new ProviderError('in_progress', { provider: run.provider.name, op: 'proceed', detail: 'proceed to file is still being processed; run again later' });
  await run.journal.append({ step: 'proceed', outcome: s.outcome, ...(s.errorReport !== undefined ? { errorReport: s.errorReport } : {}) });
  if (s.outcome === 'rejected') {
    const err = portalErrors(s.errorReport)[0];
    throw new ProviderError('rejected', { provider: run.provider.name, op: 'proceed', ...(err ? { providerCode: err.code, detail: run.redactor.text(err.message) } : {}) });
  }
}

async function freshSummary(run: Run): Promise<boolean> {
  for (let n = 0; n < 3; n++) {
    try {
      const s = await run.call(() => run.provider.summary(run.ret));
      if (s.newSumFlag === true) return true;
    } catch (e) {
      if (!isProviderError(e, 'summary_pending')) throw e;
      return true; // generation in progress: the proceed arrived
    }
    await run.clock.sleep(delay(run.intervals, n));
  }
  return false;
}

/** The summary, waiting while the portal is still generating it after proceed to file. */
async function waitSummary(run: Run): Promise<ReturnSummary> {
  let waited = 0;
  for (let n = 0; ; n++) {
    try {
      return await run.call(() => run.provider.summary(run.ret));
    } catch (e) {
      if (!isProviderError(e, 'summary_pending') || waited >= run.maxWait) throw e;
      const d = delay(run.intervals, n);
      await run.clock.sleep(d);
      waited += d;
    }
  }
}
