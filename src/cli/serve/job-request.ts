/**
 * What the page asks of the portal, read from its request: the return (its form too), and every option its own
 * check used (turnover, preset, column mapping), so that upload and filing read and check the
 * files exactly as the page did; and whether the files held here are the ones the page chose.
 */
import { parseForm, type ReturnForm } from '../../model/form.js';
import type { PortalRequest } from './portal.js';

/** A file the page handed over, as kept in serve's temporary folder. */
export interface HeldFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: number;
}

/** The form the page chose (GSTR-1 when it names none), or undefined when it names no form. */
export function requestedForm(json: Record<string, unknown>): ReturnForm | undefined {
  return json.form === undefined || json.form === '' ? 'gstr1' : parseForm(String(json.form));
}

export function portalRequest(action: PortalRequest['action'], form: ReturnForm, json: Record<string, unknown>): PortalRequest {
  const turnover = json.turnover === undefined || json.turnover === '' ? undefined : Number(json.turnover);
  return {
    action,
    gstin: String(json.gstin ?? ''),
    period: String(json.period ?? ''),
    form,
    sez: Boolean(json.sez),
    ...(json.pan !== undefined ? { pan: String(json.pan) } : {}),
    ...(turnover !== undefined ? { turnover } : {}),
    ...(typeof json.preset === 'string' && json.preset ? { preset: json.preset } : {}),
  };
}

const listed = (files: readonly { name: string; bytes: number }[]) =>
  files.length ? files.map((f) => `${f.name} (${f.bytes} bytes)`).join(', ') : 'no file';

/**
 * Why the files held here are not the ones the page chose (`chosen`: names and sizes, as the
 * page's check knows them), or undefined when they are: an upload never goes ahead on other files.
 */
export function filesDiffer(chosen: unknown, held: readonly HeldFile[]): { held: string; chosen: string } | undefined {
  const list = Array.isArray(chosen)
    ? chosen.map((c) => ({ name: String((c as { name?: unknown })?.name ?? ''), bytes: Number((c as { bytes?: unknown })?.bytes) }))
    : [];
  const key = (f: { name: string; bytes: number }) => `${f.name}\u0000${f.bytes}`;
  const want = list.map(key).sort();
  const have = held.map(key).sort();
  if (want.length && want.length === have.length && want.every((k, i) => k === have[i])) return undefined;
  return { held: listed(held), chosen: listed(list) };
}
