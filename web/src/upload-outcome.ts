/**
 * What an upload through gstr1 serve did, said only as far as it is known and naming the form it
 * went to: "accepted" only when every part is done and processed without a refused record; parts
 * still in progress, not confirmed or rejected are said as such, and a return with no document was
 * not sent at all (in the catalogue's words, which gstr1 serve sends: the command line's too).
 */
import { formLabel, type ReturnForm } from '../../src/model/form.js';
import { failureText, plural } from './format.js';

interface Chunk { outcome: string; errors: number }
interface Words { message: string; hint: string }

export function uploadOutcome(r: Record<string, unknown>, form: ReturnForm): string {
  const chunks = (r.chunks as Chunk[] | undefined) ?? [];
  const total = typeof r.total === 'number' ? r.total : chunks.length;
  const nothing = r.nothingUploaded as Words | undefined;
  // gstr1 serve words it whenever the total is 0; the fallback only keeps the page from a wrong claim
  if (total === 0) return nothing ? failureText(nothing.message, nothing.hint) : 'Nothing was uploaded.';
  const errors = chunks.reduce((a, c) => a + c.errors, 0);
  const rejected = chunks.filter((c) => c.outcome === 'rejected').length;
  const out = [`${formLabel(form)} uploaded in ${plural(total, 'part')}: ${chunks.map((c) => c.outcome.replace(/_/g, ' ')).join(', ') || 'none answered yet'}.`];
  if (errors) out.push(`The portal refused ${plural(errors, 'record')}.`);
  if (rejected) out.push(`The portal rejected ${plural(rejected, 'part')} whole.`);
  if (r.complete === false) {
    const pending = typeof r.pending === 'number' ? r.pending : total;
    out.push(`Not finished: the portal has not processed ${plural(pending, 'part')} yet. Press Upload status later to see the outcome.`);
  } else if (!errors && !rejected) {
    out.push(chunks.length === total && chunks.every((c) => c.outcome === 'processed')
      ? 'The portal accepted every record.'
      : 'The portal has not confirmed every part: press Upload status to see the outcome.');
  }
  return out.join(' ');
}
