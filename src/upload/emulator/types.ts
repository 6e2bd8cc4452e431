/** What the emulator's provider route modules share with its request handler. */
import type { EmulatorOp, FiredFaults } from './faults.js';
import type { Portal } from './portal.js';

export interface RouteRequest {
  readonly method: string;
  readonly url: URL;
  /** lower-case header names */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
  readonly faults: FiredFaults;
}

export interface RouteReply {
  readonly status: number;
  /** JSON value, or raw text (with its content type) */
  readonly body: unknown;
  readonly text?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Route {
  readonly provider: 'whitebooks' | 'sandbox';
  readonly op: EmulatorOp;
  readonly method: string;
  /** path parameters, or undefined when the path is not this route's */
  match(path: string): Record<string, string> | undefined;
  handle(req: RouteRequest, params: Record<string, string>): RouteReply;
}

/** Shared emulator context given to each provider's route module. */
export interface RouteContext {
  readonly portal: Portal;
  readonly now: () => number;
  readonly otp: string;
  readonly sessionMs: number;
  readonly platformMs: number;
  readonly maxSessions: number;
  /** every secret the emulator hands out (txn, tokens), for tests that grep logs */
  readonly issued: string[];
  readonly credentials?: {
    readonly whitebooks?: { readonly email?: string; readonly clientId?: string; readonly clientSecret?: string };
    readonly sandbox?: { readonly apiKey?: string; readonly apiSecret?: string };
  };
}

/** A path pattern with `{name}` segments. */
export function pathPattern(pattern: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_m, n: string) => {
    names.push(n);
    return '([^/]+)';
  })}/?$`);
  return (path) => {
    const m = re.exec(path);
    if (!m) return undefined;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
  };
}
