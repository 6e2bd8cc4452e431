/**
 * What a local server must check on every request (gstr1 serve): it listens on 127.0.0.1 only,
 * yet a web page elsewhere can still make the browser send it requests. So:
 * - the Host header must name this server (a DNS-rebinding page reaches it under its own name);
 * - a request with an Origin must come from this server's own origin (no cross-site requests);
 * - the API needs the per-launch token, which only the URL printed to the user carries.
 */
import { timingSafeEqual } from 'node:crypto';

export interface GuardSettings {
  readonly port: number;
  readonly token: string;
}

export type Refusal = 'host' | 'origin' | 'token';

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Why a request is refused, or undefined when it may go on. */
export function refusal(s: GuardSettings, headers: Record<string, string | string[] | undefined>, api: boolean): Refusal | undefined {
  const host = String(headers.host ?? '').toLowerCase();
  if (!allowedHosts(s.port).has(host)) return 'host';
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts(s.port).has(String(origin).toLowerCase().replace(/^http:\/\//, ''))) return 'origin';
  if (api) {
    const given = Buffer.from(String(headers['x-gstr1-token'] ?? ''));
    const want = Buffer.from(s.token);
    if (given.length !== want.length || !timingSafeEqual(given, want)) return 'token';
  }
  return undefined;
}
