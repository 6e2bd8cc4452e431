/**
 * gstr1 serve: the web page (web/dist) on 127.0.0.1, plus what a browser cannot do alone: upload,
 * status, reset and file through a provider (portal.ts). Every request passes guard.ts; the API also
 * needs the per-launch token. Static files only from web/dist, never a directory listing; request
 * bodies are capped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refusal } from './guard.js';
import { JobStore, type JobStoreOptions } from './jobs.js';
import { distinctName } from '../../api/input-names.js';
import { Gstr1Error, OptionError } from '../../model/errors.js';
import { filesDiffer, portalRequest, requestedForm, type HeldFile } from './job-request.js';
import { failureOf, runPortal, type PortalSettings } from './portal.js';
import { listenOn } from '../../upload/listen.js';

export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface ServeOptions {
  /** 0: any free port */
  readonly port?: number;
  /** the built page @default web/dist of this package */
  readonly root?: string;
  /** how to reach the portal; without it the page only checks */
  readonly portal?: PortalSettings;
  /** largest input file accepted, in bytes @default 512 MB */
  readonly maxFileBytes?: number;
  /** the token (tests); a random one otherwise */
  readonly token?: string;
  /** how long a job waits for the user's answer (tests give a short one) */
  readonly jobs?: JobStoreOptions;
}

export interface RunningServer {
  /** the address to open, with the token */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};
const MAX_JSON = 64 * 1024;
/** the page's column mapping, kept apart from the chosen files (their names never start with a dot) */
const MAPPING = '.column-mapping.json';
const DEFAULT_MAX_FILE = 512 * 1024 * 1024;

class TooLarge extends Error {}

const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`);

async function body(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new TooLarge();
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new TooLarge();
    parts.push(c as Buffer);
  }
  return Buffer.concat(parts);
}

/** A download named `name`: as given for browsers that read RFC 6266's filename*, plain ASCII for the others. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987 leaves ' ( ) * out of a value: encoded too
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(opts.root ?? WEB_ROOT);
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxFile = opts.maxFileBytes ?? DEFAULT_MAX_FILE;
  const inbox = await mkdtemp(join(tmpdir(), 'gstr1-serve-'));
  /** the files the page sent for the portal work, by the name the page's check knows them by */
  const files = new Map<string, HeldFile>();
  const jobs = new JobStore(opts.jobs);
  let port = 0;

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const job = jobs.current;
    if (path === '/api/info' && req.method === 'GET') {
      send(res, 200, { portal: opts.portal ? { provider: opts.portal.provider } : null });
      return;
    }
    if (req.method !== 'POST' && !(req.method === 'GET' && (path === '/api/job' || path === '/api/job/findings'))) {
      send(res, 405, { code: 'METHOD' });
      return;
    }
    if (path === '/api/files/clear' || path === '/api/files') {
      // an upload or a filing reads the files again later (the portal's errors, the totals check)
      if (job?.busy) {
        req.resume();
        send(res, 409, failureOf(new Gstr1Error('SERVE_FILES_BUSY', {})));
        return;
      }
      if (path === '/api/files/clear') {
        for (const f of files.values()) await rm(f.path, { force: true });
        files.clear();
        send(res, 200, {});
        return;
      }
      await saveFile(req, res);
      return;
    }
    if (path === '/api/job' && req.method === 'GET') {
      send(res, 200, job ? job.view() : null);
      return;
    }
    if (path === '/api/job/findings') {
      // once the job is done: what stopped an upload, what the portal refused, the errors a status found
      send(res, 200, job && !job.busy ? job.findings : { findings: [], portalErrors: [] });
      return;
    }
    if (!opts.portal) {
      send(res, 409, failureOf(new Gstr1Error('SERVE_NO_PORTAL', {})));
      return;
    }
    const json = JSON.parse((await body(req, MAX_JSON)).toString('utf8') || '{}') as Record<string, unknown>;
    if (path === '/api/job/cancel') {
      send(res, job?.cancel() ? 200 : 409, job?.view() ?? null);
      return;
    }
    if (path === '/api/job/answer') {
      send(res, job?.answer(String(json.value ?? '')) ? 200 : 409, job?.view() ?? null);
      return;
    }
    if (path === '/api/job') {
      if (job?.busy) {
        send(res, 409, failureOf(new Gstr1Error('SERVE_BUSY', {})));
        return;
      }
      const action = json.action;
      if (action !== 'upload' && action !== 'status' && action !== 'reset' && action !== 'file') {
        send(res, 400, { code: 'ACTION' });
        return;
      }
      const form = requestedForm(json);
      if (!form) {
        send(res, 400, failureOf(new OptionError('UPLOAD_FORM', { value: String(json.form) })));
        return;
      }
      const r = portalRequest(action, form, json);
      if (action === 'upload' || action === 'file') {
        // what the page checked is what is sent: the same files, by name and size
        const differ = filesDiffer(json.files, [...files.values()]);
        if (differ) {
          send(res, 409, failureOf(new Gstr1Error('SERVE_FILES_DIFFER', differ)));
          return;
        }
      }
      const mapping = typeof json.mapping === 'string' && json.mapping ? join(inbox, MAPPING) : undefined;
      if (mapping) await writeFile(mapping, String(json.mapping));
      else await rm(join(inbox, MAPPING), { force: true });
      // the return as the portal knows it (the GSTIN in capitals), for the page to name
      const started = jobs.start(action, { gstin: r.gstin.trim().toUpperCase(), period: r.period.trim(), form });
      void runPortal(opts.portal, { ...r, ...(mapping ? { mapping } : {}) }, [...files.values()], inbox, started);
      send(res, 202, started.view());
      return;
    }
    send(res, 404, { code: 'NOT_FOUND' });
  }

  /** One chosen file: a second of the same name is kept beside the first ("b2b (2).csv"), as the page's check names it. */
  async function saveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = String(req.headers['x-file-name'] ?? '');
    let plain = '';
    try {
      plain = basename(decodeURIComponent(raw));
    } catch {
      /* a name the page did not encode right: refused below, never a crash */
    }
    if (!plain || plain.startsWith('.')) {
      req.resume();
      send(res, 400, failureOf(new Gstr1Error('SERVE_FILE_NAME', { name: plain || raw })));
      return;
    }
    const name = distinctName(plain, (n) => files.has(n));
    let data: Buffer;
    try {
      data = await body(req, maxFile);
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      req.resume();
      send(res, 413, failureOf(new Gstr1Error('SERVE_FILE_TOO_LARGE', { name: plain, max: sizeInWords(maxFile) })));
      return;
    }
    const dest = join(inbox, name);
    await writeFile(dest, data);
    files.set(name, { name, path: dest, bytes: data.length });
    send(res, 200, { name, bytes: data.length });
  }

  /** The workbook with the portal's errors the last upload wrote, under its download name. */
  async function annotated(res: ServerResponse): Promise<void> {
    const job = jobs.current;
    const a = job && !job.busy ? job.annotated : undefined;
    const data = a ? await readFile(a.path).catch(() => undefined) : undefined;
    if (!a || !data) {
      send(res, 404, { code: 'NOT_FOUND' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': attachment(a.name),
    });
    res.end(data);
  }

  async function staticFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    // only files inside the page's folder; a folder is never listed
    const st = file.startsWith(root + sep) ? await stat(file).catch(() => undefined) : undefined;
    if (!st?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : await readFile(file));
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const isApi = path.startsWith('/api/');
    const why = refusal({ port, token }, req.headers, isApi);
    if (why) {
      send(res, why === 'host' ? 421 : 403, { code: `REFUSED_${why.toUpperCase()}` });
      req.resume();
      return;
    }
    const work = isApi ? (path === '/api/job/annotated' ? annotated(res) : api(req, res, path)) : staticFile(req, res, path);
    work.catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof TooLarge) send(res, 413, { code: 'TOO_LARGE' });
      else if (e instanceof SyntaxError) send(res, 400, { code: 'JSON' });
      else send(res, 500, { code: 'INTERNAL' });
      req.resume();
    });
  });
  // a port that cannot be had is refused (LISTEN_*), and the inbox made for this launch goes with it
  await listenOn(server, opts.port ?? 0, '127.0.0.1').catch(async (e: unknown) => {
    await rm(inbox, { recursive: true, force: true });
    throw e;
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await rm(inbox, { recursive: true, force: true });
    },
  };
}
