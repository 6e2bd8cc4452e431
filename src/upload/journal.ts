/**
 * The filing journal: per GSTIN, period and destination (provider, address, account) an
 * append-only JSONL file recording each step — session opened, chunk N sent (content hash, its
 * section totals, summary checksum before it), saved (reference id), its status, reset, proceed to
 * file, summary checksum, EVC OTP requested, filing requested, filed with ARN. Records pass through
 * the Redactor; no secret is ever written. Commands replay it to resume after a crash; a run never
 * reads another destination's journal. Journals live in a per-user folder (journalHome), so runs
 * from any working folder find the same one; `--journal-dir` puts them elsewhere. A lock file per
 * return, always in the per-user folder, keeps two runs on the same return from interleaving
 * whatever their folders; a lock left by a dead process is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, stat, truncate, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileSystemReason } from '../model/errors.js';
import type { Params } from '../model/finding.js';
import { UploadError } from './errors.js';
import { acquireLock, releaseLock, type LockInfo } from './lock.js';
import { Redactor } from './redact.js';
import type { SectionTotal } from './totals.js';
import type { JobOutcome, ReturnRef } from './types.js';

export { acquireLock, releaseLock, type LockInfo } from './lock.js';

/** Where journals were kept before they had a destination: `.gstr1` in the working folder. */
export const LEGACY_JOURNAL_DIR = '.gstr1';

/** The per-user folder of journals and locks: $GSTR1_HOME, else the platform's place for app state. */
export function journalHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GSTR1_HOME) return env.GSTR1_HOME;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'gstr1');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'gstr1');
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'gstr1');
}

export function defaultJournalDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(journalHome(env), 'journals');
}

export function defaultLockDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(journalHome(env), 'locks');
}

/**
 * Where a run sends things. The account (a GSP login, an API key) is kept only as a short hash:
 * it tells destinations apart without being written anywhere.
 */
export interface Destination {
  readonly provider: string;
  readonly baseUrl: string;
  readonly account?: string;
}

/** A short hash naming the destination in file names and records. */
export function destinationId(d: Destination): string {
  return createHash('sha256').update(`${d.provider}\n${d.baseUrl.replace(/\/+$/, '')}\n${d.account ?? ''}`).digest('hex').slice(0, 12);
}

/** Something a run tells the user (a catalogue code and its params), beside its result. */
export interface Notice {
  readonly code: string;
  readonly params: Params;
}

/**
 * What a chunk's save came to. `applied_unconfirmed` (journals of earlier versions): the reply was
 * lost, the summary showed the data arrived. `not_confirmed`: sent, and no answer recorded (the
 * save failed, or the run stopped) — never "in progress", which needs a reference id. `refused`:
 * the portal answered the save with a refusal of the return (already filed...), its answer kept:
 * nothing of the chunk was saved, and sending it again is up to the next run.
 */
export type ChunkOutcome = JobOutcome | 'applied_unconfirmed' | 'not_confirmed' | 'refused';

export type JournalRecord =
  | { step: 'destination'; provider: string; baseUrl: string; id: string }
  | { step: 'run'; command: string; pid: number }
  | { step: 'session' }
  | { step: 'session_expired' }
  | { step: 'chunk_sending'; index: number; hash: string; bytes: number; checkpoint?: string; totals?: readonly SectionTotal[] }
  | { step: 'chunk_saved'; index: number; hash: string; referenceId: string }
  | { step: 'chunk_status'; index: number; hash: string; referenceId?: string; outcome: ChunkOutcome; statusCd?: string; errorReport?: unknown; answer?: Notice }
  | { step: 'reset_requested'; referenceId?: string }
  | { step: 'reset'; outcome: JobOutcome }
  | { step: 'proceed_requested'; referenceId?: string; alreadyReady: boolean }
  | { step: 'proceed'; outcome: JobOutcome | 'already_ready'; errorReport?: unknown }
  | { step: 'summary'; chksum: string; sections: readonly unknown[] }
  | { step: 'summary_mismatch'; differences: readonly unknown[] }
  | { step: 'evc_otp_requested'; pan: string }
  | { step: 'file_requested'; chksum: string }
  | { step: 'filed'; arn: string; ackDate?: string }
  /** the summary checksum once every chunk of an upload reached a final status */
  | { step: 'portal_checksum'; chksum: string }
  /** an upload's chunks, by content hash in order: it supersedes the uploads before it (see JournalState.upload) */
  | { step: 'upload'; hashes: readonly string[] }
  | { step: 'error'; op: string; kind: string; providerCode?: string };

export type StampedRecord = JournalRecord & { t: string; v: 1 };

export interface ChunkState {
  index: number;
  hash: string;
  /** sent and no reply recorded: the summary checksum taken just before */
  sending?: { checkpoint?: string };
  /** what the chunk held, per section */
  totals?: readonly SectionTotal[];
  referenceId?: string;
  outcome?: ChunkOutcome;
  statusCd?: string;
  errorReport?: unknown;
  /** `refused`: the portal's answer, as the catalogue words it (UPLOAD_ALREADY_FILED and its params) */
  answer?: Notice;
}

export interface JournalState {
  /** chunks since the last completed reset, by content hash */
  readonly chunks: Map<string, ChunkState>;
  reset?: { referenceId?: string; outcome?: JobOutcome };
  proceed?: { referenceId?: string; outcome?: JobOutcome | 'already_ready'; stale: boolean };
  summary?: { chksum: string };
  evcRequested?: boolean;
  fileRequested?: { chksum: string };
  filed?: { arn: string; ackDate?: string };
  /** the most recent reference id of any request */
  lastReferenceId?: string;
  /**
   * the summary checksum seen while the journal knew what each of its writes did: after the last
   * complete upload, or fetched by \`file\` after proceed to file (which changes it); unset once
   * anything is sent since
   */
  portalChecksum?: string;
  /**
   * the chunks of the latest upload since the last reset, by content hash in order: what the
   * portal holds by the journal's account, since a save replaces the documents of the same key.
   * Chunks of earlier uploads not among them are superseded. Unset in journals of earlier versions.
   */
  upload?: { readonly hashes: readonly string[] };
  records: number;
}

/** sha256 of a chunk's text: how chunks are recognised across runs. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The journal of a return at a destination (without one: the name journals had before they
 * knew their destination), and the return's lock (one per GSTIN and period, whatever the
 * destination or form). The form is part of the journal's name: a GSTR-1A run never resumes,
 * nor is taken for, the GSTR-1 of its period. A GSTR-1 journal keeps the name it always had.
 */
export function journalPaths(dir: string, ret: ReturnRef, destination?: Destination, lockDir = dir): { journal: string; lock: string } {
  const stem = `${ret.gstin.toUpperCase()}-${ret.period}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const form = ret.form && ret.form !== 'gstr1' ? `-${ret.form}` : '';
  const name = destination ? `${stem}${form}.${destination.provider.replace(/[^A-Za-z0-9_-]/g, '_')}-${destinationId(destination)}` : `${stem}${form}`;
  return { journal: join(dir, `${name}.jsonl`), lock: join(lockDir, `${stem}.lock`) };
}

/**
 * A journal whose last line was torn by a crash or power cut: cut back to the last complete
 * record, so the next record starts on a line of its own. Returns the bytes removed (0: intact).
 */
export async function repairTail(file: string): Promise<number> {
  let text: Buffer;
  try {
    text = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  if (!text.length || text[text.length - 1] === 0x0a) return 0;
  const keep = text.lastIndexOf(0x0a) + 1;
  await truncate(file, keep);
  return text.length - keep;
}

/** Reads a journal; a torn last line (a crash mid-write) is ignored. */
export async function readJournal(file: string): Promise<StampedRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: StampedRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as StampedRecord);
    } catch (e) {
      if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim())) {
        throw new UploadError('UPLOAD_JOURNAL_CORRUPT', { file, line: i + 1 }, { cause: e });
      }
    }
  });
  return out;
}

/** Replays records into the state a run resumes from. */
export function replay(records: readonly StampedRecord[]): JournalState {
  const st: JournalState = { chunks: new Map(), records: records.length };
  for (const r of records) {
    switch (r.step) {
      case 'chunk_sending': {
        const c = st.chunks.get(r.hash) ?? { index: r.index, hash: r.hash };
        c.index = r.index;
        c.sending = r.checkpoint !== undefined ? { checkpoint: r.checkpoint } : {};
        if (r.totals) c.totals = r.totals;
        delete st.portalChecksum;
        delete c.referenceId;
        // a chunk sent again starts afresh: an earlier answer (errors, a refusal) is not this save's
        delete c.outcome;
        delete c.statusCd;
        delete c.errorReport;
        delete c.answer;
        st.chunks.set(r.hash, c);
        if (st.proceed) st.proceed.stale = true;
        break;
      }
      case 'chunk_saved': {
        const c = st.chunks.get(r.hash) ?? { index: r.index, hash: r.hash };
        delete c.sending;
        c.referenceId = r.referenceId;
        st.chunks.set(r.hash, c);
        st.lastReferenceId = r.referenceId;
        break;
      }
      case 'chunk_status': {
        const c = st.chunks.get(r.hash) ?? { index: r.index, hash: r.hash };
        delete c.sending;
        if (r.referenceId) c.referenceId = r.referenceId;
        c.outcome = r.outcome;
        if (r.statusCd) c.statusCd = r.statusCd;
        if (r.errorReport !== undefined) c.errorReport = r.errorReport;
        if (r.answer) c.answer = r.answer;
        else delete c.answer;
        st.chunks.set(r.hash, c);
        break;
      }
      case 'reset_requested':
        st.reset = r.referenceId ? { referenceId: r.referenceId } : {};
        if (r.referenceId) st.lastReferenceId = r.referenceId;
        break;
      case 'reset':
        st.reset = { ...st.reset, outcome: r.outcome };
        if (r.outcome === 'processed') {
          st.chunks.clear();
          delete st.portalChecksum;
          delete st.upload;
          delete st.proceed;
          delete st.summary;
          delete st.fileRequested;
          delete st.evcRequested;
        }
        break;
      case 'proceed_requested':
        st.proceed = { ...(r.referenceId ? { referenceId: r.referenceId } : {}), ...(r.alreadyReady ? { outcome: 'already_ready' as const } : {}), stale: false };
        if (r.referenceId) st.lastReferenceId = r.referenceId;
        break;
      case 'proceed':
        st.proceed = { ...st.proceed, outcome: r.outcome, stale: false };
        break;
      case 'summary':
        st.summary = { chksum: r.chksum };
        // fetched after proceed to file, nothing of ours in flight: what the portal holds now (proceed changed the checksum, not the data)
        st.portalChecksum = r.chksum;
        break;
      case 'summary_mismatch':
        // the portal holds something else than what was compared: not a state to resume from
        delete st.portalChecksum;
        break;
      case 'evc_otp_requested':
        st.evcRequested = true;
        break;
      case 'file_requested':
        st.fileRequested = { chksum: r.chksum };
        break;
      case 'filed':
        st.filed = { arn: r.arn, ...(r.ackDate ? { ackDate: r.ackDate } : {}) };
        break;
      case 'portal_checksum':
        st.portalChecksum = r.chksum;
        break;
      case 'upload':
        st.upload = { hashes: r.hashes };
        break;
    }
  }
  return st;
}

/** Makes a new file's name durable (its folder's entry), where the platform allows it. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** An open journal: the lock is held until `close()`. */
export class Journal {
  private constructor(
    readonly file: string,
    readonly lockFile: string,
    private readonly lock: LockInfo,
    private readonly fh: FileHandle,
    private readonly redactor: Redactor,
    readonly records: StampedRecord[],
  ) {}

  /**
   * Opens (creating the folders, mode 0700) and locks the journal of a return at a destination. A
   * torn last line is cut off first (a notice says so); a journal from before destinations were
   * recorded is left unread (a notice says so).
   */
  static async open(
    dir: string,
    ret: ReturnRef,
    opts: {
      redactor?: Redactor;
      command?: string;
      destination?: Destination;
      lockDir?: string;
      onNotice?: (n: Notice) => void;
      /** other folders where journals without a destination may be (the working folder's `.gstr1`) */
      legacyDirs?: readonly string[];
    } = {},
  ): Promise<Journal> {
    const lockDir = opts.lockDir ?? defaultLockDir();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await mkdir(lockDir, { recursive: true, mode: 0o700 });
    const paths = journalPaths(dir, ret, opts.destination, lockDir);
    const lock = await acquireLock(paths.lock, opts.command);
    try {
      if (opts.destination) {
        for (const d of new Set([dir, ...(opts.legacyDirs ?? [])])) {
          const legacy = journalPaths(d, ret).journal;
          if (await exists(legacy)) opts.onNotice?.({ code: 'UPLOAD_JOURNAL_NO_DESTINATION', params: { file: legacy } });
        }
      }
      const cut = await repairTail(paths.journal);
      if (cut) opts.onNotice?.({ code: 'UPLOAD_JOURNAL_TAIL_REPAIRED', params: { file: paths.journal, bytes: cut } });
      const records = await readJournal(paths.journal);
      const created = !(await exists(paths.journal));
      const fh = await open(paths.journal, 'a', 0o600);
      if (created) await syncDir(dir);
      const j = new Journal(paths.journal, paths.lock, lock, fh, opts.redactor ?? new Redactor(), records);
      if (opts.destination && !records.length) {
        await j.append({ step: 'destination', provider: opts.destination.provider, baseUrl: opts.destination.baseUrl, id: destinationId(opts.destination) });
      }
      return j;
    } catch (e) {
      await releaseLock(paths.lock, lock);
      throw e;
    }
  }

  state(): JournalState {
    return replay(this.records);
  }

  /** Appends one record (redacted) and flushes it to disk before returning: a step is on disk before it is reported. */
  async append(r: JournalRecord): Promise<void> {
    const stamped = { ...this.redactor.value(r), t: new Date().toISOString(), v: 1 as const } as StampedRecord;
    try {
      // writeFile loops until the whole line is written; a line cut off by a failure is repaired at the next open
      await this.fh.writeFile(`${JSON.stringify(stamped)}\n`);
      await this.fh.datasync();
    } catch (e) {
      const reason = fileSystemReason(e);
      throw reason ? new UploadError('UPLOAD_JOURNAL_WRITE', { file: this.file, reason }, { cause: e }) : e;
    }
    this.records.push(stamped);
  }

  /**
   * Records the ARN the portal gave. If the journal cannot take it (a full disk), the filing still
   * happened: the error says so, with the ARN (UPLOAD_FILED_NOT_RECORDED), and nothing that
   * catches it files again.
   */
  async recordFiled(arn: string, ackDate?: string): Promise<void> {
    try {
      await this.append({ step: 'filed', arn, ...(ackDate ? { ackDate } : {}) });
    } catch (e) {
      // a full disk or a refused write, in words; anything else by its first line
      const reason = e instanceof UploadError && e.code === 'UPLOAD_JOURNAL_WRITE' ? e.params.reason : String(e instanceof Error ? e.message : e).split('\n')[0];
      throw new UploadError('UPLOAD_FILED_NOT_RECORDED', { arn, file: this.file, reason: String(reason) }, { cause: e });
    }
  }

  async close(): Promise<void> {
    try {
      await this.fh.close();
    } finally {
      await releaseLock(this.lockFile, this.lock);
    }
  }
}
