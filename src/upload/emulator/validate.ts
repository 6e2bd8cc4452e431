/**
 * What the emulator checks in a save. `structureErrors` rejects the whole request (status ER,
 * RET191106) on what GSTN's schema refuses: missing or ill-typed `gstin`/`fp`, wrong top-level
 * types, empty sections, non-numeric amounts. Row-level checks (status PE) go through the
 * pluggable `ValidatePayload` hook: one PortalError per failing record, keyed with the entry's
 * `key` from walkRecords. The emulator's default is `projectRules` (rules.ts: the project's rule
 * catalogue); `defaultValidatePayload` (own-checks.ts) is a small set kept for tests that want
 * the portal's codes and messages without the catalogue.
 */
import type { ReturnForm } from '../../model/form.js';
import type { PortalError } from '../error-report.js';
import { HSN_TABS, layoutOf, walkRecords, type RecordEntry } from '../records.js';
import { isObject } from '../../model/json-object.js';

type Obj = Record<string, unknown>;

export type ValidatePayload = (payload: Obj, ret?: { readonly form?: ReturnForm }) => PortalError[];

export const MESSAGES = {
  RET191106: 'Error in Json structure validation.',
  RET191113: 'Invalid GSTIN/UIN of the recipient.',
  RET191114: 'Date is Invalid. Date of invoice cannot exceed the current tax period and be older than 18 months or older than registration date.',
  RET191115: 'Date is Invalid. Date of note cannot exceed the current tax period .',
  RET191152: 'Invalid E-Commerce GSTIN.',
  RET191175: 'Enter GST rate as per the rate list',
  RET91708: 'The reported tax amount differs with the computed value by more than Rs. 10/-. Please report the correct tax amount within the acceptable range to proceed with the record',
} as const;

/** a JSON object, not an array or null */
const ENVELOPE_KEYS = new Set(['gstin', 'fp', 'gt', 'cur_gt', 'version', 'hash']);
const AMOUNT_KEYS = ['txval', 'iamt', 'camt', 'samt', 'csamt', 'val', 'rt', 'ad_amt', 'nil_amt', 'expt_amt', 'ngsup_amt', 'qty', 'suppval', 'igst', 'cgst', 'sgst', 'cess'];

/** A message when the payload's structure is refused as a whole (ER), else undefined. */
export function structureError(payload: unknown, expect: { gstin?: string; fp?: string }): { code: string; message: string } | undefined {
  const bad = (detail: string) => ({ code: 'RET191106', message: `${MESSAGES.RET191106} ${detail}`.trim() });
  if (!isObject(payload)) return bad('The payload is not a JSON object.');
  if (typeof payload.gstin !== 'string' || !payload.gstin) return bad('gstin is missing.');
  if (typeof payload.fp !== 'string' || !/^\d{6}$/.test(payload.fp)) return bad('fp is missing or not MMYYYY.');
  if (expect.gstin && payload.gstin.toUpperCase() !== expect.gstin.toUpperCase()) {
    return { code: 'RET191136', message: 'GSTIN in the header and the payload do not match.' };
  }
  if (expect.fp && payload.fp !== expect.fp) return { code: 'RET191136', message: 'Return period in the header and the payload do not match.' };
  for (const k of ['gt', 'cur_gt']) if (payload[k] !== undefined && typeof payload[k] !== 'number') return bad(`${k} must be a number.`);
  let sections = 0;
  for (const [key, value] of Object.entries(payload)) {
    if (ENVELOPE_KEYS.has(key)) continue;
    const layout = layoutOf(key);
    if (!layout) return bad(`Unknown section ${key}.`);
    sections++;
    const why = sectionShape(key, layout.kind, value);
    if (why) return bad(`${key}: ${why}`);
  }
  if (sections === 0) return { code: 'RET191148', message: 'No section data or gross turnover to process.' };
  for (const e of walkRecords(payload)) {
    const why = recordTypes(e);
    if (why) return bad(`${e.section}: ${why}`);
  }
  return undefined;
}

function sectionShape(key: string, kind: string, value: unknown): string | undefined {
  switch (kind) {
    case 'grouped': {
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty array';
      const listKey = (layoutOf(key) as { listKey: string }).listKey;
      for (const g of value) {
        if (!isObject(g)) return 'entries must be objects';
        if (!Array.isArray(g[listKey]) || (g[listKey] as unknown[]).length === 0) return `${listKey} must be a non-empty array`;
      }
      return undefined;
    }
    case 'flat':
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty array';
      return value.every(isObject) ? undefined : 'entries must be objects';
    case 'nil':
      return isObject(value) && Array.isArray(value.inv) && value.inv.length > 0 ? undefined : 'must be {inv:[...]} with at least one row';
    case 'hsn': {
      if (!isObject(value)) return 'must be an object';
      const tabs = HSN_TABS.filter((t) => value[t] !== undefined);
      if (tabs.length === 0) return 'must hold data, hsn_b2b or hsn_b2c';
      for (const t of tabs) if (!Array.isArray(value[t]) || (value[t] as unknown[]).length === 0) return `${t} must be a non-empty array`;
      return undefined;
    }
    case 'doc':
      return isObject(value) && Array.isArray(value.doc_det) && value.doc_det.length > 0 ? undefined : 'must be {doc_det:[...]}';
    case 'eco':
    case 'parts':
      return isObject(value) ? undefined : 'must be an object';
  }
  return undefined;
}

function recordTypes(e: RecordEntry): string | undefined {
  const check = (o: Obj): string | undefined => {
    for (const k of AMOUNT_KEYS) if (o[k] !== undefined && typeof o[k] !== 'number') return `${k} must be a number`;
    for (const k of ['inum', 'idt', 'nt_num', 'nt_dt', 'pos', 'ctin', 'hsn_sc', 'uqc']) {
      if (o[k] !== undefined && typeof o[k] !== 'string') return `${k} must be a string`;
    }
    return undefined;
  };
  const own = check(e.record);
  if (own) return own;
  const itms = e.record.itms;
  if (itms !== undefined) {
    if (!Array.isArray(itms) || itms.length === 0) return 'itms must be a non-empty array';
    for (const it of itms) {
      if (!isObject(it)) return 'itms entries must be objects';
      const why = check(isObject(it.itm_det) ? it.itm_det : it);
      if (why) return why;
    }
  }
  return undefined;
}
