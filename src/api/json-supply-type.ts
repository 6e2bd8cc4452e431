/**
 * Table 15 / 15A `sply_ty` in a JSON given as input, against the States (ECOM_SUPPLY_TYPE): the
 * workbook has no column for it and convert works it out from the supplier's State and the place
 * of supply (model/table15-supply.ts), so a contradicting one would otherwise be rewritten without
 * a word. A record whose tax heads contradict the States too is left to RET191150, at the tax
 * cell: one finding for one mistake. No Node built-ins: the web page may use it too.
 */
import type { Finding } from '../model/finding.js';
import { table15InterState, table15SupplierState } from '../model/table15-supply.js';
import type { ReturnJson } from './return-rows.js';
import { isObject } from '../model/json-object.js';

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One record that carries a `sply_ty`, with what decides it and its tax lines. */
interface Supply {
  readonly path: string;
  readonly record: Json;
  readonly stin?: string;
  readonly pos?: string;
  readonly lines: readonly Json[];
}

/** Document parts: `[{stin?, rtin, inv:[{pos, inv_typ, sply_ty, itms:[{itm_det}]}]}]`. */
function* documents(section: string, part: string, json: Json): Generator<Supply> {
  for (const [i, group] of list(json[part]).entries()) {
    for (const [j, doc] of list(group.inv).entries()) {
      const lines = list(doc.itms).map((it) => (isObject(it.itm_det) ? it.itm_det : it));
      yield { path: `${section}.${part}[${i}].inv[${j}]`, record: doc, stin: str(group.stin), pos: str(doc.pos), lines };
    }
  }
}

function* supplies(section: string, json: Json): Generator<Supply> {
  if (section === 'ecom') {
    yield* documents(section, 'b2b', json);
    yield* documents(section, 'urp2b', json);
    for (const part of ['b2c', 'urp2c']) {
      for (const [i, r] of list(json[part]).entries()) yield { path: `${section}.${part}[${i}]`, record: r, stin: str(r.stin), pos: str(r.pos), lines: [r] };
    }
    return;
  }
  yield* documents(section, 'b2ba', json);
  yield* documents(section, 'urp2ba', json);
  for (const [i, r] of list(json.b2ca).entries()) {
    for (const [k, s] of list(r.posItms).entries()) {
      yield { path: `${section}.b2ca[${i}].posItms[${k}]`, record: s, stin: str(s.stin), pos: str(r.pos), lines: list(s.itms) };
    }
  }
  for (const [i, r] of list(json.urp2ca).entries()) yield { path: `${section}.urp2ca[${i}]`, record: r, pos: str(r.pos), lines: list(r.itms) };
}

const nonZero = (v: unknown) => typeof v === 'number' && v !== 0;

/** The Table 15 records whose `sply_ty` contradicts the States while their tax heads do not. */
export function table15SupplyTypeFindings(ret: ReturnJson): Finding[] {
  const out: Finding[] = [];
  const ctx = { supplierState: ret.gstin.slice(0, 2) };
  for (const section of ['ecom', 'ecoma']) {
    const json = ret.sections[section];
    if (!isObject(json)) continue;
    for (const s of supplies(section, json)) {
      const given = s.record.sply_ty;
      if (given !== 'INTER' && given !== 'INTRA') continue; // another value: the schema check's (RET191106)
      const docTyp = str(s.record.inv_typ);
      const inter = table15InterState(ctx, { stin: s.stin, pos: s.pos, docTyp });
      if ((given === 'INTER') === inter) continue;
      const headsWrong = s.lines.some((l) => (inter ? nonZero(l.camt) || nonZero(l.samt) : nonZero(l.iamt)));
      if (headsWrong) continue;
      const why = docTyp === 'SEWP' || docTyp === 'SEWOP'
        ? { type: docTyp }
        : { state: table15SupplierState(ctx, { stin: s.stin }), whose: s.stin ? 'supplier' : 'operator', pos: s.pos ?? '' };
      out.push({
        code: 'ECOM_SUPPLY_TYPE', severity: 'error', file: ret.origin[section]!, value: given,
        params: { section, path: `${s.path}.sply_ty`, given, expected: inter ? 'INTER' : 'INTRA', ...why },
      });
    }
  }
  return out;
}
