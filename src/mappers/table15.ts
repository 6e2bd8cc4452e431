/**
 * The engine behind Table 15 (ecom) and 15A (ecoma): supplies on which the e-commerce operator
 * (the filer) pays tax u/s 9(5), one part per template sheet. Document parts (b2b, urp2b and
 * their amendments) group lines into one document per supplier × document number, one item per
 * rate (lines with the same rate summed, tax computed on the sum); rate parts (b2c, urp2c and
 * their amendments) sum lines per supplier × place of supply (× original month) × rate.
 *
 * Inter- or intra-State is decided by the supplier's State (its GSTIN's first two digits; for an
 * unregistered supplier, the operator's own State) against the place of supply; SEZ supplies
 * are always inter-State, and SEZ supplies without payment carry no tax. Tax amounts given on
 * the rows (a JSON's, through to-excel's tax columns, or typed there) are kept as given, summed
 * per line; the rules judge them (RET91708, RET191150), never a silent recompute.
 *
 * Table 15 volumes are a marketplace's 9(5) supplies (restaurant, passenger transport,
 * accommodation services), far below b2b's: documents are kept as small objects in a Map.
 */
import type { Field, FieldValues } from '../model/fields.js';
import { formatPaise, taxHead } from '../model/money.js';
import { noTaxType } from '../model/no-tax.js';
import { givesTax, taxCell } from '../model/given-tax.js';
import type { ReturnContext } from '../model/return.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import { table15InterState } from '../model/table15-supply.js';
import { at, type ParsedRow } from '../parsers/rows.js';
import { amt, fromOmon, fromPortalDate, omon, paise, splyTy, toPortalDate } from './convert.js';
import { givenTax, rateLineValues } from './summary.js';
import type { MapContext, SectionBuilder, SectionMapper, SectionOutput, SheetRow } from './types.js';

type Values = Partial<FieldValues>;
type Obj = Record<string, unknown>;

export interface Table15Part {
  readonly sheet: SheetId;
  /** JSON key of the part: b2b, urp2b, b2c, urp2c (ecom); b2ba, urp2ba, b2ca, urp2ca (ecoma) */
  readonly part: string;
  readonly kind: 'document' | 'rate';
  /** the supplier is registered: the rows carry Supplier GSTIN/UIN (`stin`) */
  readonly registered: boolean;
  /** amendment part: original document number and date, or original month */
  readonly amended: boolean;
}

interface Line {
  rt: number;
  txval: number;
  csamt: number;
  /** the sheet row of the line's first row, and whether it gave tax amounts (all its rows must agree) */
  firstRow: number;
  given: boolean;
  /** tax amounts as given, summed; a head never given is absent (its tax is then computed) */
  iamt?: number;
  camt?: number;
  samt?: number;
}

interface Doc {
  firstRow: number;
  values: Values;
  lines: Map<number, Line>;
}

/** Fields every line of one document must agree on. */
const DOC_FIELDS: readonly Field[] = ['idt', 'val', 'pos', 'docTyp', 'oinum', 'oidt'];

export function table15Mapper(key: SectionKey, parts: readonly Table15Part[]): SectionMapper {
  return {
    key,
    sheets: parts.map((p) => p.sheet),
    create: (ctx) => new Table15Builder(parts, ctx),
    toRows: (json) => table15Rows(parts, json),
  };
}

class Table15Builder implements SectionBuilder {
  private readonly byPart = new Map<SheetId, Map<string, Doc>>();

  constructor(
    private readonly parts: readonly Table15Part[],
    private readonly ctx: MapContext,
  ) {
    for (const p of parts) this.byPart.set(p.sheet, new Map());
  }

  add(row: ParsedRow): boolean {
    const part = this.parts.find((p) => p.sheet === row.ctx.spec.id);
    if (!part) return false;
    const v = row.values;
    const docs = this.byPart.get(part.sheet)!;
    const om = part.amended && part.kind === 'rate' ? omon(v.fy!, v.omonth!) : undefined;
    const key =
      part.kind === 'document'
        ? `${v.stin ?? ''}|${v.ctin ?? ''}|${(v.inum ?? '').toLowerCase()}`
        : `${v.stin ?? ''}|${v.pos ?? ''}|${om ?? ''}`;
    let d = docs.get(key);
    if (!d) {
      docs.set(key, (d = { firstRow: row.row, values: { ...v }, lines: new Map() }));
    } else if (part.kind === 'document') {
      const differs = DOC_FIELDS.find((f) => d!.values[f] !== v[f]);
      if (differs) {
        const kept = d.values[differs];
        this.ctx.findings.push({
          code: 'DOC_FIELD_MISMATCH', severity: 'error', ...at(row, differs),
          params: { document: v.inum ?? '', firstRow: d.firstRow, expected: typeof kept === 'number' && differs === 'val' ? formatPaise(kept) : String(kept ?? '') },
        });
        return false;
      }
    }
    const rt = v.rt!;
    const given = givesTax(v);
    let line = d.lines.get(rt);
    if (!line) d.lines.set(rt, (line = { rt, txval: 0, csamt: 0, firstRow: row.row, given }));
    else if (line.given !== given && !noTaxType(v)) {
      // summed into one line, part given and part not would under- or over-state its tax silently
      // (a supply without payment of tax writes 0 either way; RET191150 reports what was given)
      this.ctx.findings.push({
        code: 'ECOM_TAX_PARTLY_GIVEN', severity: 'error', ...at(row, taxCell(v)),
        params: { firstRow: line.firstRow, rate: rt, given: given ? 'this' : 'first', ...(v.inum ? { document: v.inum } : {}) },
      });
      return false;
    }
    line.txval += v.txval ?? 0;
    line.csamt += v.csamt ?? 0;
    if (v.iamt !== undefined) line.iamt = (line.iamt ?? 0) + v.iamt;
    if (v.camt !== undefined) line.camt = (line.camt ?? 0) + v.camt;
    if (v.samt !== undefined) line.samt = (line.samt ?? 0) + v.samt;
    return true;
  }

  build(): SectionOutput | undefined {
    const out: Record<string, unknown[]> = {};
    for (const p of this.parts) {
      const docs = [...this.byPart.get(p.sheet)!.values()];
      if (docs.length === 0) continue;
      out[p.part] = p.kind === 'document' ? documentPart(p, docs, this.ctx) : ratePart(p, docs, this.ctx);
    }
    return Object.keys(out).length ? { kind: 'object', parts: out } : undefined;
  }
}

/**
 * One rate line's JSON: `{rt, txval, iamt | camt+samt, csamt}`, the tax computed on the summed
 * taxable value, or the heads exactly as given. A supply without payment of tax keeps given heads
 * at 0 (the portal takes nothing else; RET191150 reports what was given).
 */
function lineJson(l: Line, inter: boolean, noTax: boolean): Obj {
  const csamt = noTax ? 0 : amt(l.csamt);
  const given = givenTax(l);
  if (given) {
    if (noTax) for (const k in given) given[k] = 0;
    return { rt: l.rt, txval: amt(l.txval), ...given, csamt };
  }
  const tax = noTax ? 0 : amt(taxHead(l.txval, l.rt, inter));
  return inter ? { rt: l.rt, txval: amt(l.txval), iamt: tax, csamt } : { rt: l.rt, txval: amt(l.txval), camt: tax, samt: tax, csamt };
}

/** b2b / urp2b (and b2ba / urp2ba): `[{stin?, rtin, inv:[{(oinum, oidt,) inum, idt, val, pos, inv_typ, sply_ty, itms}]}]`. */
function documentPart(p: Table15Part, docs: readonly Doc[], ctx: ReturnContext): unknown[] {
  const groups = new Map<string, { head: Obj; inv: Obj[] }>();
  for (const d of docs) {
    const v = d.values;
    const head: Obj = p.registered ? { stin: v.stin, rtin: v.ctin } : { rtin: v.ctin };
    const gk = `${v.stin ?? ''}|${v.ctin ?? ''}`;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { head, inv: [] }));
    const inter = table15InterState(ctx, v);
    const noTax = noTaxType(v) !== undefined;
    const doc: Obj = p.amended ? { oinum: v.oinum, oidt: toPortalDate(v.oidt!) } : {};
    Object.assign(doc, { inum: v.inum, idt: toPortalDate(v.idt!), val: amt(v.val!), pos: v.pos, inv_typ: v.docTyp, sply_ty: splyTy(inter) });
    doc.itms = [...d.lines.values()].map((l, i) => ({ num: i + 1, itm_det: lineJson(l, inter, noTax) }));
    g.inv.push(doc);
  }
  return [...groups.values()].map((g) => ({ ...g.head, inv: g.inv }));
}

/**
 * b2c / urp2c: one flat record per supplier × POS × rate; b2ca: `[{pos, posItms:[{stin, omon,
 * sply_ty, itms}]}]`; urp2ca: `[{pos, omon, sply_ty, itms}]`.
 */
function ratePart(p: Table15Part, docs: readonly Doc[], ctx: ReturnContext): unknown[] {
  if (!p.amended) {
    const out: Obj[] = [];
    for (const d of docs) {
      const inter = table15InterState(ctx, d.values);
      for (const l of d.lines.values()) {
        out.push({ ...(p.registered ? { stin: d.values.stin } : {}), pos: d.values.pos, sply_ty: splyTy(inter), ...lineJson(l, inter, false) });
      }
    }
    return out;
  }
  const rec = (d: Doc): Obj => {
    const inter = table15InterState(ctx, d.values);
    return { omon: omon(d.values.fy!, d.values.omonth!), sply_ty: splyTy(inter), itms: [...d.lines.values()].map((l) => lineJson(l, inter, false)) };
  };
  if (!p.registered) return docs.map((d) => ({ pos: d.values.pos, ...rec(d) }));
  const byPos = new Map<string, Obj[]>();
  for (const d of docs) {
    const pos = d.values.pos!;
    let list = byPos.get(pos);
    if (!list) byPos.set(pos, (list = []));
    list.push({ stin: d.values.stin, ...rec(d) });
  }
  return [...byPos].map(([pos, posItms]) => ({ pos, posItms }));
}

// ------------------------------------------------------------------------------ JSON → rows

/** A JSON line's rate, taxable value, cess and the tax amounts it gives (to-excel writes them in its tax columns). */
const lineValues = (it: Obj): Values => rateLineValues((it.itm_det ?? it) as Obj, 'txval');

function* table15Rows(parts: readonly Table15Part[], json: unknown): Generator<SheetRow> {
  if (!json || typeof json !== 'object') return;
  for (const p of parts) {
    const list = (json as Obj)[p.part];
    if (!Array.isArray(list)) continue;
    for (const entry of list as Obj[]) {
      if (p.kind === 'document') {
        const head: Values = { ...(entry.stin ? { stin: entry.stin as string } : {}), ctin: entry.rtin as string };
        for (const d of (entry.inv as Obj[]) ?? []) {
          const base: Values = {
            ...head,
            ...(p.amended ? { oinum: d.oinum as string, oidt: fromPortalDate(d.oidt as string) } : {}),
            inum: d.inum as string, idt: fromPortalDate(d.idt as string), val: paise(d.val), pos: d.pos as string, docTyp: d.inv_typ as string,
          };
          for (const it of (d.itms as Obj[]) ?? []) yield { sheet: p.sheet, values: { ...base, ...lineValues(it) } };
        }
      } else if (!p.amended) {
        yield { sheet: p.sheet, values: { ...(entry.stin ? { stin: entry.stin as string } : {}), pos: entry.pos as string, ...lineValues(entry) } };
      } else {
        const recs = p.registered ? ((entry.posItms as Obj[]) ?? []) : [entry];
        for (const r of recs) {
          const base: Values = { ...fromOmon(r.omon as string), ...(r.stin ? { stin: r.stin as string } : {}), pos: entry.pos as string };
          for (const it of (r.itms as Obj[]) ?? []) yield { sheet: p.sheet, values: { ...base, ...lineValues(it) } };
        }
      }
    }
  }
}
