/**
 * Where credentials and the provider's address come from, checked before any network I/O:
 * environment variables first, then a JSON config file that only its owner may read (refused
 * otherwise). Base URLs must be https, except plain http to this machine (the emulator).
 */
import { stat, readFile } from 'node:fs/promises';
import { OptionError } from '../model/errors.js';
import { UploadError } from './errors.js';

export const PROVIDER_NAMES = ['whitebooks', 'sandbox'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface WhiteBooksCredentials {
  /** the WhiteBooks account email (`GSTR1_WB_EMAIL`), sent as `email` on every call */
  readonly email: string;
  /** `GSTR1_WB_CLIENT_ID` */
  readonly clientId: string;
  /** `GSTR1_WB_CLIENT_SECRET` */
  readonly clientSecret: string;
  /** the taxpayer's gst.gov.in user name (`GSTR1_GST_USERNAME`) */
  readonly gstUsername: string;
  /** sent as `ip_address` @default '127.0.0.1' */
  readonly ipAddress?: string;
}

export interface SandboxCredentials {
  /** `GSTR1_SANDBOX_API_KEY` */
  readonly apiKey: string;
  /** `GSTR1_SANDBOX_API_SECRET` */
  readonly apiSecret: string;
  /** the taxpayer's gst.gov.in user name (`GSTR1_GST_USERNAME`) */
  readonly gstUsername: string;
}

export interface CredentialsFor {
  whitebooks: WhiteBooksCredentials;
  sandbox: SandboxCredentials;
}

/** Production hosts; tests and the emulator pass their own base URL. */
export const DEFAULT_BASE_URLS: Readonly<Record<ProviderName, string>> = {
  whitebooks: 'https://api.whitebooks.in',
  sandbox: 'https://api.sandbox.co.in',
};

export const SANDBOX_BASE_URLS: Readonly<Record<ProviderName, string>> = {
  whitebooks: 'https://apisandbox.whitebooks.in',
  sandbox: 'https://test-api.sandbox.co.in',
};

const ENV: Readonly<Record<ProviderName, Readonly<Record<string, string>>>> = {
  whitebooks: {
    email: 'GSTR1_WB_EMAIL',
    clientId: 'GSTR1_WB_CLIENT_ID',
    clientSecret: 'GSTR1_WB_CLIENT_SECRET',
    gstUsername: 'GSTR1_GST_USERNAME',
  },
  sandbox: {
    apiKey: 'GSTR1_SANDBOX_API_KEY',
    apiSecret: 'GSTR1_SANDBOX_API_SECRET',
    gstUsername: 'GSTR1_GST_USERNAME',
  },
};
const OPTIONAL: Readonly<Record<string, true>> = { ipAddress: true };

export function providerName(value: unknown): ProviderName {
  const v = String(value ?? '').trim().toLowerCase();
  if ((PROVIDER_NAMES as readonly string[]).includes(v)) return v as ProviderName;
  throw new OptionError('UPLOAD_PROVIDER_NAME', { value: String(value ?? ''), allowed: PROVIDER_NAMES.join(', ') });
}

/**
 * A provider base URL: https anywhere; http only to loopback (127.0.0.0/8, localhost, ::1).
 * Returns it without a trailing slash.
 */
export function checkBaseUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new OptionError('UPLOAD_BASE_URL', { value });
  }
  if (u.protocol === 'http:' && !isLoopback(u.hostname)) throw new OptionError('UPLOAD_INSECURE_URL', { value: u.origin });
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new OptionError('UPLOAD_BASE_URL', { value });
  if (u.username || u.password) throw new OptionError('UPLOAD_BASE_URL', { value: u.origin });
  return u.href.replace(/\/+$/, '');
}

/**
 * A loopback address: 127.0.0.0/8 or ::1, written as an address. A name ("localhost",
 * "x.localhost") is not: what it resolves to is up to the resolver, and plain http carries
 * credentials and OTPs.
 */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (m) return m.slice(1).every((x) => Number(x) <= 255);
  const mapped = /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(h);
  return Boolean(mapped);
}

/** The config file: one object per provider, or the environment variable names at top level. */
export interface ConfigFile {
  whitebooks?: Partial<WhiteBooksCredentials> & { baseUrl?: string };
  sandbox?: Partial<SandboxCredentials> & { baseUrl?: string };
  [envName: string]: unknown;
}

/** Reads the config file, refusing one that group or others may read or write. */
export async function readConfigFile(file: string): Promise<ConfigFile> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new UploadError('UPLOAD_CONFIG_UNREADABLE', { file, detail: (e as NodeJS.ErrnoException).code ?? 'unreadable' }, { cause: e });
  }
  if (process.platform !== 'win32') {
    if ((st.mode & 0o077) !== 0) {
      throw new UploadError('UPLOAD_CONFIG_PERMISSIONS', { file, mode: (st.mode & 0o777).toString(8).padStart(4, '0') });
    }
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
      throw new UploadError('UPLOAD_CONFIG_OWNER', { file });
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    // the parser's message may quote file content (a secret): say only that it is not JSON
    throw new UploadError('UPLOAD_CONFIG_UNREADABLE', { file, detail: 'not valid JSON' }, { cause: undefined });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UploadError('UPLOAD_CONFIG_UNREADABLE', { file, detail: 'not a JSON object' });
  return json as ConfigFile;
}

export interface CredentialSources {
  env?: NodeJS.ProcessEnv;
  /** JSON config file (owner-only permissions) */
  configFile?: string;
}

/** Credentials for a provider: each field from the environment, else from the config file. */
export async function loadCredentials<N extends ProviderName>(name: N, src: CredentialSources = {}): Promise<CredentialsFor[N]> {
  const env = src.env ?? process.env;
  const file = src.configFile ? await readConfigFile(src.configFile) : undefined;
  const section = (file?.[name] ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [field, envName] of Object.entries(ENV[name])) {
    const v = env[envName] ?? section[field] ?? file?.[envName];
    if (typeof v === 'string' && v.trim() !== '') out[field] = v.trim();
    else missing.push(envName);
  }
  for (const field of Object.keys(OPTIONAL)) {
    const v = section[field];
    if (typeof v === 'string' && v.trim()) out[field] = v.trim();
  }
  if (missing.length) throw new UploadError('UPLOAD_CREDENTIALS_MISSING', { provider: name, missing: missing.join(', ') });
  return out as unknown as CredentialsFor[N];
}

/** The base URL a config file names for a provider, if any. */
export async function configuredBaseUrl(name: ProviderName, configFile: string | undefined): Promise<string | undefined> {
  if (!configFile) return undefined;
  const file = await readConfigFile(configFile);
  const v = file[name]?.baseUrl;
  return typeof v === 'string' && v ? v : undefined;
}
