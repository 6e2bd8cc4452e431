/**
 * Messages for uploading and filing through a provider: UPLOAD_* codes (`ProviderError` kinds,
 * upload options) and EMULATOR_HOST. Portal codes in error reports (RET191114...) are the rule
 * codes of rules.ts, whose hints apply; their message is the portal's own text.
 */
import { periodInWords } from './period.js';
import { dateShown } from './date.js';
import type { MessageEntry } from './types.js';
import { CLI_WORDS, type HostWords } from './hosts.js';
import { fsReasonWords, tempFolderTask, writeCure } from './core.js';

const s = (v: unknown) => (v === undefined ? '' : String(v));
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const via = (p: Record<string, unknown>) => `${s(p.provider) || 'the provider'}${p.op ? ` (${s(p.op)})` : ''}`;
const detail = (p: Record<string, unknown>) => [p.providerCode, p.detail].filter((x) => x !== undefined && x !== '').map(String).join(': ');
const with_ = (p: Record<string, unknown>) => (detail(p) ? `: ${detail(p)}` : '');
/** what a job of gstr1 serve waited for (its question's kind) */
const waitedFor = (kind: unknown) => (kind === 'confirm' ? 'the go-ahead to file' : kind === 'evc-otp' ? 'the EVC OTP' : 'the OTP');
/** what a job of gstr1 serve stopped before doing: a filing files nothing; the other actions send nothing more */
const nothingSent = (action: unknown) => (action === 'file' ? 'nothing was filed' : 'nothing more was sent');
/** a wait as a person says it: "15 minutes", "1 minute", "30 seconds" */
const duration = (ms: unknown) => {
  const n = Number(ms);
  const [amount, unit] = n >= 60_000 ? [Math.round(n / 60_000), 'minute'] : [Math.max(1, Math.round(n / 1000)), 'second'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
};
/** why the portal's copy of a return could not be compared with the journal (resume-check.ts) */
const NOT_COMPARED: Record<string, string> = {
  'no-summary': 'the portal gave no summary to compare with',
  'in-flight': 'a chunk sent earlier has no answer yet, so the summary cannot tell what it holds',
  partial: 'the portal refused some documents of a chunk, and its summary does not say which',
  'earlier-upload': 'the journal also holds an earlier upload of other content, whose documents the summary counts too',
};
/** What cures a journal write that failed for `reason` (writeCure), from the start of a sentence, without its full stop. */
const journalCure = (reason: unknown, w: HostWords) => w.onServer(cap(writeCure(reason, "the journal's folder")), writeCure(reason, 'its journal folder'));

export const UPLOAD_MESSAGES: Record<string, MessageEntry> = {
  // ------------------------------------------------------------------ options and configuration
  UPLOAD_PROVIDER_NAME: { input: true, message: (p) => `"${s(p.value)}" is not a provider`, hint: (p) => `Use one of: ${s(p.allowed)}.` },
  UPLOAD_BASE_URL: { input: true, message: (p) => `"${s(p.value)}" is not a usable provider address`, hint: (_p, w = CLI_WORDS) => w.onServer('Give an https:// URL, e.g. https://api.whitebooks.in.', "give it the provider's https:// address, then press the button again.") },
  UPLOAD_INSECURE_URL: {
    input: true,
    // a name (even "localhost") is not known to be this machine: what it resolves to is up to the resolver
    message: (p) => `${s(p.value)} is plain http to an address not known to be this machine; credentials and OTPs would travel unencrypted`,
    hint: (_p, w = CLI_WORDS) =>
      w.onServer(
        'Use https://; plain http is allowed only to a loopback address of this machine (127.0.0.1 or [::1]), e.g. the emulator.',
        "give it the provider's https:// address (plain http goes only to an emulator on its own computer), then press the button again.",
      ),
  },
  UPLOAD_CREDENTIALS_MISSING: {
    input: true,
    message: (p) => `Credentials for ${s(p.provider)} are missing: ${s(p.missing)}`,
    hint: (_p, w = CLI_WORDS) => w.setCredentials,
  },
  UPLOAD_CONFIG_PERMISSIONS: {
    input: true,
    message: (p) => `${s(p.file)} can be read by other users (mode ${s(p.mode)}); it holds secrets, so it was not used`,
    hint: (p, w = CLI_WORDS) => w.onServer(`Run: chmod 600 ${s(p.file)}`, 'make its credentials file readable by them only, then press the button again.'),
  },
  UPLOAD_CONFIG_OWNER: { input: true, message: (p) => `${s(p.file)} belongs to another user; it was not used`, hint: (_p, w = CLI_WORDS) => w.onServer('Use a config file you own, readable only by you.', 'start it again with a credentials file of their own, readable by them only.') },
  UPLOAD_CONFIG_UNREADABLE: { input: true, message: (p) => `The config file ${s(p.file)} cannot be used (${s(p.detail)})`, hint: (_p, w = CLI_WORDS) => w.onServer('Check the path, and that the file is a JSON object.', 'check its credentials file (that it is where they said, and holds a JSON object), then press the button again.') },
  SERVE_ANNOTATED_NOT_WRITTEN: {
    message: (p) => `The workbook with the portal's errors marked was not written in gstr1 serve's temporary folder (${s(p.file)}): ${fsReasonWords(p.reason)}`,
    // the page's code only: its reader asks whoever set it up, who has the machine
    hint: (p) => `The upload itself went through. Ask whoever set up this page to ${tempFolderTask(p.reason)}`,
  },
  SERVE_NOT_BUILT: { input: true, message: (p) => `The web page is not built (no ${s(p.dir)}index.html)`, hint: () => 'Run npm run build:web in the gstr1 folder, then gstr1 serve again.' },
  SERVE_FILE_NAME: {
    input: true,
    message: (p) => `gstr1 serve cannot take a file named "${s(p.name)}"`,
    hint: () => 'Rename the file (a name that does not start with a dot, with plain letters and digits), choose it again, then upload again.',
  },
  SERVE_FILE_TOO_LARGE: {
    input: true,
    message: (p) => `${s(p.name)} is larger than gstr1 serve takes (${s(p.max)} at most)`,
    hint: () => 'Split the register by month or by section into smaller files, or ask whoever set up this page to upload it from the command line.',
  },
  SERVE_FILES_BUSY: {
    message: () => 'The files cannot be changed while a request to the portal is running: it may still read them',
    hint: () => 'Wait for it to finish, or cancel it if it waits for an answer, then try again.',
  },
  SERVE_FILES_DIFFER: {
    message: (p) => `gstr1 serve does not hold the files chosen on this page (it holds ${s(p.held)}; the page chose ${s(p.chosen)}): nothing was sent to the portal`,
    hint: () => 'Press the button again: the chosen files are handed over again first.',
  },
  SERVE_CANCELLED: {
    message: (p) => `Stopped at your request while the portal waited for ${waitedFor(p.waited)}: ${nothingSent(p.action)}`,
    hint: () => 'Press Upload status to see what the portal holds for this period.',
  },
  EMULATOR_HOST: { input: true, message: (p) => `The emulator listens on this machine only, not on ${s(p.value)}`, hint: () => 'Use --host 127.0.0.1 (the default), localhost or ::1.' },
  // --otp=- and --evc-otp=- read one line each, by position: the taxpayer OTP's line is never read as the EVC OTP
  UPLOAD_STDIN_LINE: {
    input: true,
    message: (p) => (p.empty ? `Line ${s(p.line)} of standard input, read for ${s(p.option)}=-, is empty` : `Standard input has no line ${s(p.line)} for ${s(p.option)}=-`),
    hint: () => 'Give one code a line: the taxpayer OTP first when --otp=- is given (its line is read even when a kept session needs no OTP), then the EVC OTP for --evc-otp=-.',
  },
  UPLOAD_PAN: { input: true, message: (p) => `"${s(p.value)}" is not a PAN`, hint: (_p, w = CLI_WORDS) => `Give the authorised signatory's 10-character PAN, e.g. ${w.example('--pan', 'ABCDE1234F')}.` },
  UPLOAD_LOCKED: {
    message: (p) => `Another gstr1 run (process ${s(p.pid)}${p.host ? ` on ${s(p.host)}` : ''}, since ${dateShown(p.since)}) is working on this return`,
    hint: (p, w = CLI_WORDS) => `Wait for it to finish. ${w.onServer(`If no such run exists, delete ${s(p.file)}.`, 'remove the lock it left if it does not finish and no such run is going on.')}`,
  },
  UPLOAD_JOURNAL_CORRUPT: {
    message: (p) => `The journal ${s(p.file)} is damaged at line ${s(p.line)}`,
    // not `status --track`: it reads this journal too, and would stop at the same damage
    hint: (_p, w = CLI_WORDS) =>
      `First check on gst.gov.in (Returns > Track Return Status) whether the return is filed. ${w.onServer('Then move the file aside to start afresh.', 'move the damaged journal aside to start afresh.')}`,
  },
  UPLOAD_JOURNAL_WRITE: {
    message: (p) => `Could not write to the journal ${s(p.file)}: ${fsReasonWords(p.reason)}; the run stopped before its next step`,
    hint: (p, w = CLI_WORDS) => `${journalCure(p.reason, w)}, then ${w.run} ${w.same} again: it asks the portal what it already has and goes on from there.`,
  },
  UPLOAD_FILED_NOT_RECORDED: {
    message: (p) => `The return is filed${p.arn && p.arn !== 'unknown' ? `: ARN ${s(p.arn)}` : ''} (the portal said so); but the journal ${s(p.file)} could not record it: ${fsReasonWords(p.reason)}`,
    hint: (p, w = CLI_WORDS) => `${p.arn && p.arn !== 'unknown' ? 'Keep this ARN. ' : ''}Nothing is to be filed again: a later run asks the portal, which knows the return is filed. ${journalCure(p.reason, w)}.`,
  },
  UPLOAD_SESSION_NOT_KEPT: {
    message: (p) => `The portal session could not be kept in ${s(p.file)}: ${fsReasonWords(p.reason)}`,
    hint: (p, w = CLI_WORDS) => `Nothing to do for this run; the next one asks for an OTP again. ${w.onServer(cap(writeCure(p.reason, "that file's folder")), writeCure(p.reason, 'its journal folder'))}, to keep sessions.`,
  },
  UPLOAD_JOURNAL_TAIL_REPAIRED: {
    message: (p) => `The last record of the journal ${s(p.file)} was cut off (a crash or power cut); its ${s(p.bytes)} incomplete byte(s) were removed`,
    hint: () => 'Nothing to do: the run checks the portal for the step that record described.',
  },
  UPLOAD_JOURNAL_NO_DESTINATION: {
    message: (p) => `The journal ${s(p.file)} was written before journals recorded where they sent things; it is not used for this destination`,
    hint: (_p, w = CLI_WORDS) => `This run asks the portal instead of trusting that journal. ${w.onServer('Once you no longer need it, move it aside.', 'move that journal aside once it is no longer needed.')}`,
  },
  UPLOAD_PORTAL_CHANGED: {
    message: (p) => `The portal no longer holds what the journal remembers (${s(p.chunks)} chunk(s) shown as saved): a reset, or a save made elsewhere`,
    hint: () => 'Those chunks are saved again; the same documents replace themselves on the portal, nothing is doubled.',
  },
  UPLOAD_PORTAL_NOT_COMPARED: {
    message: (p) => `Whether the portal still holds the ${s(p.chunks)} chunk(s) shown as saved by an earlier run could not be checked: ${NOT_COMPARED[String(p.reason)] ?? 'its summary could not be compared with the journal'}`,
    hint: () => 'To be sure, those chunks are saved again; the same documents replace themselves on the portal, nothing is doubled.',
  },

  UPLOAD_FORM: {
    input: true,
    message: (p) => `"${s(p.value)}" is not a form`,
    hint: (_p, w = CLI_WORDS) => `Use ${w.example('--form', 'gstr1')} (the default) or ${w.example('--form', 'gstr1a')}.`,
  },
  UPLOAD_GSTR1A_PERIOD: {
    input: true,
    message: (p) => `Nothing sent: GSTR-1A exists from the July 2024 period, and ${periodInWords(p.period)} is before it`,
    hint: () => 'Correct this period\'s documents in the amendment tables (b2ba, cdnra...) of a later GSTR-1.',
  },
  UPLOAD_GSTR1A_GSTR1_NOT_FILED: {
    message: (p) =>
      p.checked === 'portal'
        ? `Nothing saved or filed: a GSTR-1A amends a filed GSTR-1, and the portal's return tracker does not show the GSTR-1 of ${periodInWords(p.period)} as filed`
        : `Nothing saved or filed: a GSTR-1A amends a filed GSTR-1, and no GSTR-1 of ${periodInWords(p.period)} is recorded as filed through ${s(p.provider)} (which cannot tell whether it was filed elsewhere)`,
    hint: (_p, w = CLI_WORDS) => `Upload and file the period's GSTR-1 first (${w.uploadFileGstr1}); documents it still lacks can go in it directly.`,
  },
  // ------------------------------------------------------------------ filing checks (nothing is filed)
  UPLOAD_NOTHING_TO_FILE: {
    message: (p) => p.form === 'gstr1a'
      ? 'Not filed: nothing was uploaded for this GSTR-1A, and a GSTR-1A is not filed empty'
      : 'Not filed: nothing was uploaded for this return, so it would be filed as a nil return (no documents)',
    hint: (p, w = CLI_WORDS) => p.form === 'gstr1a'
      ? `Upload the amendments or missed documents (${w.uploadGstr1a}), then file. With nothing to amend, no GSTR-1A is needed.`
      : `If the workbook does have invoices, check that its sheets were recognised (${w.checkSheets}), upload it, then file. ${w.nilReturn}`,
  },
  UPLOAD_GSTR1A_NIL: {
    message: () => 'Not filed: a GSTR-1A is not filed as a nil return (--nil); it is filed once per period, to amend or add documents',
    hint: (_p, w = CLI_WORDS) => `Leave out --nil: upload the amendments (${w.uploadGstr1a}), then file. With nothing to amend, no GSTR-1A is needed.`,
  },
  UPLOAD_NIL_WITH_DATA: {
    message: (p) => `Not filed: --nil files a return without documents, but ${s(p.chunks)} chunk(s) were uploaded for it`,
    hint: () => 'Leave out --nil to file what was uploaded, or reset the return first (gstr1 reset).',
  },
  UPLOAD_CHUNKS_REFUSED: {
    message: (p) => `Not filed: the portal refused ${s(p.count)} uploaded chunk(s) when they were saved (chunk ${s(p.chunks)}); nothing of them is on the portal`,
    hint: (_p, w = CLI_WORDS) => `${w.seeStatus} shows what the portal answered (a return already filed elsewhere cannot be uploaded or filed again). Once that is put right, upload again, then file.`,
  },
  UPLOAD_CHUNKS_REJECTED: {
    message: (p) => `Not filed: the portal rejected ${s(p.count)} chunk(s) of the latest upload whole (chunk ${s(p.chunks)}); nothing of them is on the portal`,
    hint: (_p, w = CLI_WORDS) => `${w.seeStatus} shows the portal's reason. Put it right and upload again, then file.`,
  },
  UPLOAD_CHUNKS_PENDING: {
    message: (p) => `Not filed: ${s(p.count)} uploaded chunk(s) have no final status yet (chunk ${s(p.chunks)})`,
    hint: (_p, w = CLI_WORDS) => `${cap(w.run)} ${w.uploadStep} with the same files again: it finishes them. Then file.`,
  },
  UPLOAD_NOT_UPLOADED: {
    message: (p) => `Not filed: the files given differ from what was uploaded (chunk ${s(p.chunks)} of them was never saved to this destination)`,
    hint: (_p, w = CLI_WORDS) => `Upload these files first (${w.uploadStep}), or ${w.fileUploaded}.${w.sameConversion}`,
  },
  UPLOAD_JOURNAL_NO_TOTALS: {
    message: (p) => `The journal does not record what chunk ${s(p.chunks)} held (it was written by an older version)`,
    hint: () => 'Give the uploaded files to gstr1 file, so the portal\'s summary can be compared with them.',
  },

  // ------------------------------------------------------------------ provider kinds
  UPLOAD_OTP_REQUIRED: { message: (p) => `A portal session is needed${with_(p)}`, hint: (_p, w = CLI_WORDS) => w.giveOtp },
  UPLOAD_SESSION_EXPIRED: { message: (p) => `The portal session expired${with_(p)}`, hint: (_p, w = CLI_WORDS) => `${cap(w.again)}; you will be asked for a new OTP.` },
  UPLOAD_INVALID_OTP: { message: (p) => `The OTP was not accepted by ${via(p)}${with_(p)}`, hint: () => 'Use the latest OTP, within its validity; request a new one if it expired.' },
  // said with an OTP asked again in one run, on the page and at the terminal: why the same question comes back
  UPLOAD_EVC_OTP_REFUSED: { message: () => 'The portal refused that EVC OTP, and has sent a new one to the signatory', hint: () => "Enter the new code, from the signatory's latest message." },
  UPLOAD_SESSION_EXPIRED_OTP: { message: () => 'The portal session expired, and the portal has sent a new OTP to the taxpayer to open another', hint: () => "Enter the new code, from the taxpayer's latest message." },
  UPLOAD_AUTH_FAILED: {
    message: (p) => `${via(p)} refused the credentials${with_(p)}`,
    hint: (_p, w = CLI_WORDS) =>
      `${w.onServer('Check the API credentials and the GST user name', 'check the API credentials and the GST user name it was given')}; on gst.gov.in, enable API access (Profile > Manage API Access).`,
  },
  UPLOAD_MAX_SESSIONS: { message: (p) => `Too many open portal sessions for this user${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Log out of other sessions or wait for them to expire, then ${w.again}.` },
  UPLOAD_RATE_LIMITED: { message: (p) => `${via(p)} is limiting requests${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Wait a minute and ${w.again}; the run resumes where it stopped.` },
  UPLOAD_IN_PROGRESS: { message: (p) => `The portal is still processing the request${with_(p)}`, hint: (_p, w = CLI_WORDS) => `${cap(w.run)} ${w.same} again later; it continues where it stopped.` },
  UPLOAD_RESET_IN_PROGRESS: { message: (p) => `A reset of this return is still being processed${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Wait a little and ${w.again}.` },
  UPLOAD_SUMMARY_PENDING: { message: (p) => `The portal is still generating the summary${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Wait a minute and ${w.run} ${w.fileStep} again.` },
  UPLOAD_ALREADY_READY: { message: () => 'The return is already ready to file', hint: () => '' },
  UPLOAD_ALREADY_FILED: {
    message: (p) => `This ${p.form ? s(p.form) : 'return'} is already filed${p.arn ? ` (ARN ${s(p.arn)})` : ''}${p.arn ? '' : with_(p)}`,
    hint: (p, w = CLI_WORDS) =>
      p.form === 'GSTR-1A'
        ? 'A GSTR-1A is filed once per period; further corrections go in a later GSTR-1 as amendments.'
        : `Nothing more can be saved or filed for this return. Corrections go in a later GSTR-1 as amendments, or, from the July 2024 period and before the period's GSTR-3B is filed, in its GSTR-1A${w.gstr1aForm}.`,
  },
  UPLOAD_SUMMARY_STALE: { message: (p) => `The summary is not the latest${with_(p)}`, hint: (_p, w = CLI_WORDS) => `${cap(w.run)} ${w.fileStep} again: it proceeds to file again and fetches the new summary.` },
  UPLOAD_NOT_SIGNATORY: { message: (p) => `The PAN is not an authorised signatory of this GSTIN${with_(p)}`, hint: () => "Give the PAN of a signatory registered for this GSTIN on the portal." },
  UPLOAD_PREREQUISITE_MISSING: { message: (p) => `The portal requires an earlier step first${with_(p)}`, hint: () => 'File the previous period\'s GSTR-3B, then proceed to file again.' },
  UPLOAD_UNKNOWN_REFERENCE: { message: (p) => `The portal does not know this reference id${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Check the reference id; old ones expire. ${w.seeStatus} shows the latest.` },
  UPLOAD_NO_DATA: { message: (p) => `The portal has nothing for this request${with_(p)}`, hint: () => '' },
  UPLOAD_REJECTED: { message: (p) => `The portal rejected the request${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Fix the data (${w.checkReturn}) and upload again.` },
  UPLOAD_BAD_REQUEST: { message: (p) => `${via(p)} refused the request${with_(p)}`, hint: () => 'Check the GSTIN, period and options; report it if they are right.' },
  UPLOAD_NOT_FOUND: { message: (p) => `${via(p)} does not offer this endpoint${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Check ${w.providerAddress}; the provider may have moved the API.` },
  UPLOAD_UNSUPPORTED: { message: (p) => `${s(p.provider)} cannot do this: ${s(p.op)}`, hint: () => 'Do this step on the GST portal, or use another provider.' },
  UPLOAD_SERVER_ERROR: { message: (p) => `${via(p)} or the GST system is failing${with_(p)}`, hint: () => 'Try again later; the run resumes where it stopped.' },
  UPLOAD_NETWORK_ERROR: { message: (p) => `${via(p)} could not be reached${with_(p)}`, hint: (_p, w = CLI_WORDS) => `Check the connection and ${w.providerAddress}, then ${w.again}.` },
  UPLOAD_REPLY_LOST: {
    // notTaken: every try's reply was lost, and the portal's summary showed each time that nothing had arrived
    message: (p) =>
      p.notTaken
        ? `${via(p)} did not take the request: its reply was lost ${s(p.notTaken)} time(s), and each time the portal's summary showed nothing had arrived${with_(p)}`
        : `The reply from ${via(p)} was lost, and whether the request took effect could not be confirmed${with_(p)}`,
    hint: (p, w = CLI_WORDS) =>
      p.notTaken
        ? `Nothing of it is on the portal. Wait a little, then ${w.run} ${w.same} again.`
        : `${cap(w.run)} ${w.seeStatus}, then ${w.same} again: it checks the portal before sending anything twice.`,
  },
  UPLOAD_BAD_RESPONSE: { message: (p) => `${via(p)} sent a reply this tool does not understand${with_(p)}`, hint: (_p, w = CLI_WORDS) => w.reportReply },
  UPLOAD_PROVIDER_ERROR: { message: (p) => `${via(p)} reported an error${with_(p)}`, hint: (_p, w = CLI_WORDS) => `See the provider code; ${w.providerDetails}.` },
  UPLOAD_TOTALS_MISMATCH: {
    message: (p) => `The portal's summary differs from the saved data in ${s(p.count)} place(s)`,
    hint: () => 'Some rows were not accepted (see the error report) or the portal holds other data: fix and upload again, or reset and upload everything.',
  },
  UPLOAD_NOTHING_UPLOADED: {
    message: () => 'Nothing was uploaded: the input holds no documents',
    hint: (_p, w = CLI_WORDS) => `Check that its sheets were recognised (${w.checkSheets}).`,
  },
  SERVE_WAIT_EXPIRED: {
    message: (p) => `Stopped after waiting ${duration(p.limitMs)} for ${waitedFor(p.waited)} with no answer: ${nothingSent(p.action)}`,
    hint: (p) => `Start again when you can answer at once${p.waited === 'confirm' ? '' : ' (the portal sends a new OTP)'}. Press Upload status to see what the portal holds for this period.`,
  },

  // ------------------------------------------------------------------ listening (gstr1 serve, gstr1 emulator)
  LISTEN_PORT_IN_USE: {
    input: true,
    message: (p) => `Port ${s(p.port)} is in use (by another program, or a gstr1 serve or emulator already running)`,
    hint: () => 'Choose another with --port, or --port 0 for any free port.',
  },
  LISTEN_PORT_NOT_ALLOWED: {
    input: true,
    message: (p) => `Port ${s(p.port)} may not be opened by this user (ports below 1024 need administrator rights)`,
    hint: () => 'Choose another with --port (1024 or above), or --port 0 for any free port.',
  },
  LISTEN_ADDRESS_UNAVAILABLE: {
    input: true,
    message: (p) => `${s(p.host)} is not an address of this machine, so nothing can listen on it`,
    hint: () => 'Use --host 127.0.0.1 (the default).',
  },
  SERVE_INTERNAL: {
    message: () => 'The request to the portal failed unexpectedly',
    // nothing more is known here: the page says so, and where to look before trying again
    hint: () => 'Press Upload status to see what the portal holds for this period, then try again; if it happens again, please report it.',
  },
  SERVE_BUSY: {
    message: () => 'Another request to the portal is still running',
    hint: () => 'Wait for it to finish (a page opened on it follows it), or cancel it there if it waits for an answer.',
  },
  SERVE_NO_PORTAL: {
    message: () => 'gstr1 serve was started without a provider: this page can check a return, not upload or file it',
    hint: () => 'Ask whoever set up this page to start it again with a provider (whitebooks or sandbox) and its credentials.',
  },
};
