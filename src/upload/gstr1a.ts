/**
 * What a GSTR-1A run checks before it saves or files anything: GSTR-1A amends a filed GSTR-1, so
 * the period's GSTR-1 must be filed. The GSTR-1 journal at the same destination says so without a
 * call; otherwise the portal's return tracker is asked (a read, nothing is written). A provider
 * without a tracker, or a tracker that does not show the GSTR-1 filed, refuses the run.
 * (A GSTR-1A already filed is the GSTR-1A journal's own `filed`, checked by each command.)
 */
import { periodInWords } from '../report/messages/period.js';
import { UploadError } from './errors.js';
import { journalPaths, readJournal, replay } from './journal.js';
import { destinationOf, journalDirOf, type Run } from './run-context.js';
import type { ReturnRef } from './types.js';

export async function requireGstr1Filed(run: Run): Promise<void> {
  if (run.ret.form !== 'gstr1a') return;
  const gstr1: ReturnRef = { gstin: run.ret.gstin, period: run.ret.period };
  const { journal } = journalPaths(journalDirOf(run.opts), gstr1, destinationOf(run.provider, run.opts));
  if (replay(await readJournal(journal)).filed) return;
  if (!run.provider.track) throw new UploadError('UPLOAD_GSTR1A_GSTR1_NOT_FILED', { period: run.ret.period, checked: 'journal', provider: run.provider.name });
  const t = await run.call(() => run.provider.track!(gstr1));
  if (!t.filed) throw new UploadError('UPLOAD_GSTR1A_GSTR1_NOT_FILED', { period: run.ret.period, checked: 'portal', provider: run.provider.name });
  run.say(`the GSTR-1 of ${periodInWords(run.ret.period)} is filed${t.arn ? ` (ARN ${t.arn})` : ''}`);
}
