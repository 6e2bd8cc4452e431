/**
 * JSON → workbook → JSON is lossless (gstr1 to-excel, then gstr1 convert).
 *
 * A seeded generator makes valid returns as template rows, for every sheet whose section has a
 * mapper in MAPPERS at run time (so it grows as mappers land): multi-line documents with repeated
 * rates, intra- and inter-State supplies, 65 %, SEZ suppliers, negative B2CS and advances. The
 * rows go straight into the mappers, giving the return's JSON (1). to-excel turns (1) into a
 * workbook, which converts to JSON (2); the same rows written with the template writer and
 * converted give (3). (1), (2) and (3) must be the same text. The b2b part of (1) is also checked
 * against the spec's shape, built from the generated rows without the mappers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processReturn } from '../src/api/process.js';
import { readReturnJson, toExcel } from '../src/api/to-excel.js';
import { ratesFor } from '../src/model/dated-rules.js';
import { InputError } from '../src/model/errors.js';
import type { FieldValues } from '../src/model/fields.js';
import { STATES, UQCS } from '../src/model/labels.js';
import { computeTax, paiseToNumber } from '../src/model/money.js';
import { fyStartYear, formatPeriod, periodInFy, periodLastDay, type Period } from '../src/model/period.js';
import { sheetSpec, type SectionKey, type SheetId } from '../src/model/sheets.js';
import { MAPPERS } from '../src/mappers/registry.js';
import { serialisePayloads } from '../src/mappers/payload.js';
import type { MapContext, SectionBuilder, SectionOutput } from '../src/mappers/types.js';
import type { ReturnContext } from '../src/model/return.js';
import { FindingList } from '../src/model/finding.js';
import { defaultFor } from '../src/parsers/coerce.js';
import type { SheetContext } from '../src/parsers/rows.js';
import { messageOf } from '../src/report/messages/index.js';
import { templateSheetIds } from '../src/report/template/layout.js';
import { writeTemplateWorkbook } from '../src/report/template/workbook-file.js';

type Values = Partial<FieldValues>;

// ---------------------------------------------------------------- a small seeded generator

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function checkChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const p = ALPHABET.indexOf(first14[13 - i]!) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return ALPHABET[(36 - (sum % 36)) % 36]!;
}

class Gen {
  private readonly r: () => number;
  private serial = 0;
  constructor(
    seed: number,
    readonly ctx: ReturnContext,
  ) {
    this.r = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  /** an amount in paise, with paise now and then */
  money(loRupees: number, hiRupees: number): number {
    const rupees = this.int(loRupees, hiRupees);
    return rupees * 100 + (this.chance(0.3) ? this.int(1, 99) : 0);
  }
  letters(n: number): string {
    return Array.from({ length: n }, () => ALPHABET[this.int(10, 35)]).join('');
  }
  digits(n: number): string {
    return Array.from({ length: n }, () => String(this.int(0, 9))).join('');
  }
  /** a GSTIN with a valid check character; `kind` Z normal, C TCS (e-commerce operator) */
  gstin(state = this.pick(STATES.filter((s) => s.code !== '97')).code, kind: 'Z' | 'C' = 'Z'): string {
    const first = `${state}${this.letters(3)}C${this.letters(1)}${this.digits(4)}${this.letters(1)}1${kind}`;
    return first + checkChar(first);
  }
  uin(): string {
    const first = `${this.digits(4)}UNO${this.digits(5)}UN`;
    return first + checkChar(first);
  }
  number(prefix: string): string {
    return `${prefix}/${++this.serial}`;
  }
  /** a date in the return period */
  date(): string {
    const { month, year } = this.ctx.period;
    const last = Number(periodLastDay(this.ctx.period).slice(8));
    return `${year}-${String(month).padStart(2, '0')}-${String(this.int(1, last)).padStart(2, '0')}`;
  }
  /** a date some months before the period */
  earlier(): string {
    let { month, year } = this.ctx.period;
    month -= this.int(1, 5);
    while (month < 1) {
      month += 12;
      year--;
    }
    return `${year}-${String(month).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`;
  }
  /** financial year and month of an earlier period */
  earlierMonth(): { fy: number; omonth: number } {
    const iso = this.earlier();
    const p: Period = { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
    return { fy: fyStartYear(p), omonth: p.month };
  }
  pos(allowSupplier = true): string {
    if (allowSupplier && this.chance(0.4)) return this.ctx.supplierState;
    return this.pick(STATES.filter((s) => s.code !== this.ctx.supplierState)).code;
  }
  rate(): number {
    return this.pick(ratesFor(this.ctx.period));
  }
  diff(): number {
    return this.chance(0.15) ? 65 : 100;
  }
  /** 1-3 lines, sometimes repeating a rate (the converter sums them into one item) */
  lines(noCess = false): Values[] {
    const n = this.int(1, 3);
    const out: Values[] = [];
    for (let i = 0; i < n; i++) {
      const rt = i > 0 && this.chance(0.3) ? out[0]!.rt! : this.rate();
      out.push({ rt, txval: this.money(1, 500000), ...(!noCess && this.chance(0.2) ? { csamt: this.money(1, 5000) } : {}) });
    }
    return out;
  }
}

/** A document of one or more lines: document fields repeated on every line. */
const doc = (head: Values, lines: Values[]): Values[] => lines.map((l) => ({ ...head, ...l }));
const times = (g: Gen, lo: number, hi: number, f: () => Values[]): Values[] => Array.from({ length: g.int(lo, hi) }, f).flat();

const INV_TYPES = ['R', 'R', 'R', 'SEWP', 'SEWOP', 'DE', 'CBW'];
const GOODS = ['8471', '84713010', '0401', '1006', '85395000', '3004', '6109'];
const SERVICES = ['998313', '997212', '996511'];
const NIL = ['INTRB2B', 'INTRAB2B', 'INTRB2C', 'INTRAB2C'];

function registered(g: Gen): { ctin: string; receiverName?: string } {
  const ctin = g.chance(0.1) ? g.uin() : g.gstin();
  return g.chance(0.5) ? { ctin, receiverName: `Buyer ${ctin.slice(2, 7)}` } : { ctin };
}

function hsnRows(g: Gen): Values[] {
  const seen = new Set<string>();
  const out: Values[] = [];
  for (let i = g.int(1, 6); i > 0; i--) {
    const service = g.chance(0.3);
    const hsn = service ? g.pick(SERVICES) : g.pick(GOODS);
    const uqc = service ? 'NA' : g.pick(UQCS.filter((u) => u.code !== 'NA')).code;
    const rt = g.rate();
    if (seen.has(`${hsn}|${uqc}|${rt}`)) continue;
    seen.add(`${hsn}|${uqc}|${rt}`);
    const txval = g.money(1, 900000);
    const inter = g.chance(0.5);
    const t = computeTax(txval, rt, inter);
    out.push({
      hsn, ...(g.chance(0.7) ? { desc: `Item ${hsn}` } : {}), uqc,
      qty: service ? '0' : String(g.int(1, 100000) / (g.chance(0.3) ? 100 : 1)),
      rt, txval, iamt: t.iamt ?? 0, camt: t.camt ?? 0, samt: t.samt ?? 0, ...(g.chance(0.2) ? { csamt: g.money(1, 999) } : {}),
    });
  }
  return out;
}

function ecoRows(g: Gen, amended: boolean): Values[] {
  return times(g, 1, 3, () => {
    const clt = g.chance(0.6);
    const sign = g.chance(0.15) ? -1 : 1;
    const suppval = sign * g.money(1, 900000);
    const half = sign * g.money(0, 9000);
    const etin = g.gstin(g.ctx.supplierState, clt ? 'C' : 'Z');
    return [{
      ecoNature: clt ? 'clttx' : 'paytx', etin, ecoName: `Operator ${etin.slice(2, 7)}`, suppval,
      iamt: sign * g.money(0, 9000), camt: half, samt: half, ...(g.chance(0.2) ? { csamt: sign * g.money(1, 99) } : {}),
      ...(amended ? { ...g.earlierMonth(), oetin: g.gstin(g.ctx.supplierState, clt ? 'C' : 'Z') } : {}),
    }];
  });
}

/** Table 15: a supplier selling through the filer (an e-commerce operator), registered or not. */
function table15Docs(g: Gen, registeredSupplier: boolean, amended: boolean): Values[] {
  return times(g, 1, 3, () => {
    const docTyp = g.pick(['R', 'R', 'DE', 'SEWP', 'SEWOP']);
    const when = amended ? { oinum: g.number('OEC'), oidt: g.earlier(), inum: g.number('EC'), idt: g.earlier() } : { inum: g.number('EC'), idt: g.date() };
    return doc({
      ...(registeredSupplier ? { stin: g.gstin() } : {}), ctin: g.gstin(), ...when, val: g.money(1, 900000), pos: g.pos(false), docTyp,
    }, g.lines(docTyp === 'SEWOP'));
  });
}
function table15Rates(g: Gen, registeredSupplier: boolean, amended: boolean): Values[] {
  return times(g, 1, 3, () => {
    const head = { ...(amended ? g.earlierMonth() : {}), ...(registeredSupplier ? { stin: g.gstin() } : {}), pos: g.pos(false) };
    return doc(head, g.lines());
  });
}

/** Rows per template sheet. A sheet without a generator here fails the test when its mapper lands. */
const GENERATORS: Partial<Record<SheetId, (g: Gen) => Values[]>> = {
  b2b: (g) =>
    times(g, 2, 8, () => {
      const typ = g.pick(INV_TYPES);
      return doc({
        ...registered(g), inum: g.number('INV'), idt: g.date(), val: g.money(1, 900000), pos: g.pos(),
        rchrg: typ === 'CBW' || g.chance(0.1) ? 'Y' : 'N', invTyp: typ, diffPercent: typ === 'SEWOP' ? 100 : g.diff(),
      }, g.lines(typ === 'SEWOP'));
    }),
  b2ba: (g) =>
    times(g, 1, 3, () =>
      doc({
        ...registered(g), oinum: g.number('OLD'), oidt: g.earlier(), inum: g.number('INV'), idt: g.earlier(), val: g.money(1, 900000),
        pos: g.pos(), rchrg: 'N', invTyp: 'R', diffPercent: g.diff(),
      }, g.lines()),
    ),
  b2cl: (g) =>
    times(g, 1, 4, () =>
      doc({ inum: g.number('CL'), idt: g.date(), val: g.money(100001, 900000), pos: g.pos(false), diffPercent: g.diff() }, g.lines()),
    ),
  b2cla: (g) =>
    times(g, 1, 2, () =>
      doc({
        oinum: g.number('OCL'), oidt: g.earlier(), opos: g.pos(false), inum: g.number('CL'), idt: g.earlier(),
        val: g.money(100001, 900000), diffPercent: g.diff(),
      }, g.lines()),
    ),
  b2cs: (g) =>
    times(g, 1, 6, () => {
      const sign = g.chance(0.2) ? -1 : 1; // net of B2C credit notes
      return [{ typ: 'OE', pos: g.pos(), diffPercent: g.diff(), rt: g.rate(), txval: sign * g.money(1, 500000), ...(g.chance(0.2) ? { csamt: sign * g.money(1, 999) } : {}) }];
    }),
  b2csa: (g) =>
    times(g, 1, 3, () => [{ ...g.earlierMonth(), pos: g.pos(), typ: 'OE', diffPercent: g.diff(), rt: g.rate(), txval: g.money(1, 500000) }]),
  cdnr: (g) =>
    times(g, 1, 5, () =>
      doc({
        ...registered(g), ntNum: g.number('CN'), ntDt: g.date(), ntty: g.pick(['C', 'D']), pos: g.pos(), rchrg: 'N',
        invTyp: g.pick(['R', 'R', 'SEWP', 'DE']), val: g.money(1, 900000), diffPercent: g.diff(),
      }, g.lines()),
    ),
  cdnra: (g) =>
    times(g, 1, 2, () =>
      doc({
        ...registered(g), ontNum: g.number('OCN'), ontDt: g.earlier(), ntNum: g.number('CN'), ntDt: g.earlier(), ntty: g.pick(['C', 'D']),
        pos: g.pos(), rchrg: 'N', invTyp: 'R', val: g.money(1, 900000), diffPercent: g.diff(),
      }, g.lines()),
    ),
  cdnur: (g) =>
    times(g, 1, 4, () => {
      const urType = g.pick(['B2CL', 'EXPWP', 'EXPWOP']);
      const b2cl = urType === 'B2CL';
      return doc({
        urType, ntNum: g.number('UN'), ntDt: g.date(), ntty: g.pick(['C', 'D']), ...(b2cl ? { pos: g.pos(false) } : {}),
        val: g.money(1, 900000), diffPercent: b2cl ? g.diff() : 100,
      }, g.lines(urType === 'EXPWOP'));
    }),
  cdnura: (g) =>
    times(g, 1, 2, () =>
      doc({
        urType: 'B2CL', ontNum: g.number('OUN'), ontDt: g.earlier(), ntNum: g.number('UN'), ntDt: g.earlier(), ntty: 'C', pos: g.pos(false),
        val: g.money(1, 900000), diffPercent: 100,
      }, g.lines()),
    ),
  exp: (g) =>
    times(g, 1, 4, () => {
      const expTyp = g.pick(['WPAY', 'WOPAY']);
      const sb = g.chance(0.6) ? { sbpcode: `IN${g.letters(3)}${g.int(1, 9)}`, sbnum: g.digits(7).replace(/^0/, '1'), sbdt: g.date() } : {};
      return doc({ expTyp, inum: g.number('EX'), idt: g.date(), val: g.money(1, 900000), ...sb }, g.lines(expTyp === 'WOPAY'));
    }),
  expa: (g) =>
    times(g, 1, 2, () =>
      doc({ expTyp: 'WPAY', oinum: g.number('OEX'), oidt: g.earlier(), inum: g.number('EX'), idt: g.earlier(), val: g.money(1, 900000) }, g.lines()),
    ),
  at: (g) =>
    times(g, 1, 4, () => {
      const sign = g.chance(0.2) ? -1 : 1;
      return [{ pos: g.pos(), diffPercent: g.diff(), rt: g.rate(), adAmt: sign * g.money(1, 500000), ...(g.chance(0.2) ? { csamt: sign * g.money(1, 99) } : {}) }];
    }),
  ata: (g) => times(g, 1, 2, () => [{ ...g.earlierMonth(), pos: g.pos(), diffPercent: g.diff(), rt: g.rate(), adAmt: g.money(1, 500000) }]),
  atadj: (g) => times(g, 1, 4, () => [{ pos: g.pos(), diffPercent: g.diff(), rt: g.rate(), adAmt: g.money(0, 500000) }]),
  atadja: (g) => times(g, 1, 2, () => [{ ...g.earlierMonth(), pos: g.pos(), diffPercent: g.diff(), rt: g.rate(), adAmt: g.money(0, 500000) }]),
  exemp: (g) =>
    NIL.filter(() => g.chance(0.7)).map((nilDesc) => ({
      nilDesc, ...(g.chance(0.8) ? { nilAmt: g.money(0, 900000) } : {}), ...(g.chance(0.6) ? { exptAmt: g.money(0, 900000) } : {}),
      ...(g.chance(0.4) ? { ngsupAmt: g.money(0, 900000) } : {}),
    })),
  hsn: hsnRows,
  hsnb2b: hsnRows,
  hsnb2c: hsnRows,
  docs: (g) =>
    times(g, 1, 4, () => {
      const from = g.int(1, 500);
      const totnum = g.int(1, 300);
      return [{ docNature: g.int(1, 12) as unknown as string, docFrom: `D/${from}`, docTo: `D/${from + totnum - 1}`, totnum, cancel: g.int(0, Math.min(5, totnum)) }];
    }),
  eco: (g) => ecoRows(g, false),
  ecoa: (g) => ecoRows(g, true),
  ecob2b: (g) => table15Docs(g, true, false),
  ecourp2b: (g) => table15Docs(g, false, false),
  ecob2c: (g) => table15Rates(g, true, false),
  ecourp2c: (g) => table15Rates(g, false, false),
  ecoab2b: (g) => table15Docs(g, true, true),
  ecoaurp2b: (g) => table15Docs(g, false, true),
  ecoab2c: (g) => table15Rates(g, true, true),
  ecoaurp2c: (g) => table15Rates(g, false, true),
};

const PERIODS = ['032024', '042024', '092024', '122024', '042025', '052025', '072025', '102025', '012026', '062026'];

interface Case {
  seed: number;
  ctx: ReturnContext;
  rows: Map<SheetId, Values[]>;
}

function makeCase(seed: number): Case {
  const pick = mulberry32(seed * 7919);
  const fp = PERIODS[Math.floor(pick() * PERIODS.length)]!;
  const period: Period = { month: Number(fp.slice(0, 2)), year: Number(fp.slice(2)) };
  const state = STATES.filter((s) => s.code !== '97')[Math.floor(pick() * 37)]!.code;
  const ctx0: ReturnContext = { gstin: '', supplierState: state, period, sez: seed % 4 === 0 };
  const g0 = new Gen(seed, ctx0);
  const ctx: ReturnContext = { ...ctx0, gstin: g0.gstin(state) };
  const g = new Gen(seed, ctx);
  const rows = new Map<SheetId, Values[]>();
  for (const id of templateSheetIds(period)) {
    if (!MAPPERS[sheetSpec(id).section]) continue;
    const gen = GENERATORS[id];
    if (!gen) throw new Error(`no generator for sheet ${id}: add one to test/roundtrip.test.ts`);
    rows.set(id, gen(g));
  }
  return { seed, ctx, rows };
}

// ---------------------------------------------------------------- the pipeline

const dir = mkdtempSync(join(tmpdir(), 'gstr1-roundtrip-'));
const envelope = (ctx: ReturnContext) => ({ gstin: ctx.gstin, fp: formatPeriod(ctx.period) });

/**
 * The generated rows straight into the mappers (no workbook): the JSON the round trip must keep.
 * `outputs()` builds afresh each time (a section's groups are produced lazily, once).
 */
function mapDirect(c: Case): { outputs: () => Map<SectionKey, SectionOutput>; findings: FindingList } {
  const findings = new FindingList();
  const mapCtx: MapContext = { ...c.ctx, findings };
  const builders = new Map<SectionKey, SectionBuilder>();
  for (const [id, rows] of c.rows) {
    const spec = sheetSpec(id);
    const mapper = MAPPERS[spec.section]!;
    let b = builders.get(mapper.key);
    if (!b) builders.set(mapper.key, (b = mapper.create(mapCtx)));
    const stats = { file: 'generated', sheet: spec.names[0]!, sheetId: id, read: 0, rejected: 0, skipped: 0 };
    const sheetCtx: SheetContext = { file: 'generated', sheet: spec.names[0]!, spec, columns: {}, format: 'xlsx', headerRow: 4, stats };
    rows.forEach((r, i) => {
      // what the reader does with a blank cell that has a default (Reverse Charge, Applicable %)
      const values: Values = { ...r };
      for (const col of spec.columns) {
        const d = defaultFor(col.field);
        if (values[col.field] === undefined && d !== undefined) (values as Record<string, unknown>)[col.field] = d;
      }
      if (!b.add({ ctx: sheetCtx, row: 5 + i, values, cells: [] })) throw new Error(`${id} row ${i} rejected`);
    });
  }
  const outputs = () => {
    const m = new Map<SectionKey, SectionOutput>();
    for (const [k, b] of builders) {
      const out = b.build();
      if (out) m.set(k, out);
    }
    return m;
  };
  return { outputs, findings };
}

async function writeChunks(outputs: Map<SectionKey, SectionOutput>, ctx: ReturnContext, base: string, maxBytes = 4_500_000): Promise<string[]> {
  const files: string[] = [];
  for (const text of serialisePayloads(outputs, envelope(ctx), maxBytes)) {
    const f = `${base}-${files.length + 1}.json`;
    writeFileSync(f, text);
    files.push(f);
  }
  return files;
}

async function convert(files: string[], ctx: ReturnContext) {
  const result = await processReturn(files, ctx, { checkers: [] });
  const texts = [...serialisePayloads(result.outputs, envelope(ctx), 1e12)];
  return { result, text: texts.join('') };
}

async function roundTrip(c: Case, maxBytes?: number) {
  const base = join(dir, `seed-${c.seed}${maxBytes ? '-chunked' : ''}`);
  const direct = mapDirect(c);
  const text = [...serialisePayloads(direct.outputs(), envelope(c.ctx), 1e12)].join('');
  const chunks = await writeChunks(direct.outputs(), c.ctx, `${base}-json`, maxBytes);
  // the same rows typed into a template workbook
  await writeTemplateWorkbook(`${base}-rows.xlsx`, { period: c.ctx.period, rows: (id) => c.rows.get(id) ?? [] });
  const typed = await convert([`${base}-rows.xlsx`], c.ctx);
  // JSON → workbook → JSON
  const back = await toExcel(chunks, { out: `${base}-back.xlsx`, sez: c.ctx.sez });
  const again = await convert([`${base}-back.xlsx`], c.ctx);
  return { direct, text, chunks, typed, back, again };
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('round trip: JSON → to-excel → convert → the same JSON', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    const c = makeCase(seed);
    const { direct, text, typed, back, again } = await roundTrip(c);
    expect(direct.findings.items).toEqual([]);
    // every section with rows is in the JSON
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const [id, rows] of c.rows) if (rows.length) expect(json, `section of ${id}`).toHaveProperty(sheetSpec(id).section);
    // the rows typed into a template workbook give the same JSON
    expect(typed.result.findings.items).toEqual([]);
    for (const s of typed.result.stats) expect(s.rejected, `${s.sheet} rejected rows`).toBe(0);
    expect(typed.text).toBe(text);
    // and JSON → workbook → JSON changes nothing
    expect(back.findings).toEqual([]);
    expect(again.result.findings.items).toEqual([]);
    expect(again.text).toBe(text);
  });

  it('merges chunks: a return split into several files comes back whole', async () => {
    const c = makeCase(101);
    const { text, chunks, again } = await roundTrip(c, 1500);
    expect(chunks.length).toBeGreaterThan(2);
    expect(again.text).toBe(text);
  });

  it('covers the sheets of every mapped section, and the cases that matter', () => {
    const cases = SEEDS.map(makeCase);
    const all = (id: SheetId) => cases.flatMap((c) => c.rows.get(id) ?? []);
    for (const id of new Set(cases.flatMap((c) => [...c.rows.keys()]))) expect(all(id).length, id).toBeGreaterThan(0);
    expect(cases.some((c) => c.ctx.sez)).toBe(true);
    expect(cases.some((c) => !c.ctx.sez)).toBe(true);
    const b2b = cases.flatMap((c) => (c.rows.get('b2b') ?? []).map((r) => ({ ...r, state: c.ctx.supplierState })));
    expect(b2b.some((r) => r.pos === r.state)).toBe(true);
    expect(b2b.some((r) => r.pos !== r.state)).toBe(true);
    expect(b2b.some((r) => r.diffPercent === 65)).toBe(true);
    const perDoc = new Map<string, number>();
    for (const r of b2b) perDoc.set(r.inum!, (perDoc.get(r.inum!) ?? 0) + 1);
    expect([...perDoc.values()].some((n) => n > 1)).toBe(true);
    if (MAPPERS.b2cs) expect(all('b2cs').some((r) => r.txval! < 0)).toBe(true);
  });
});

// ---------------------------------------------------------------- b2b against the spec's shape

const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** spec §1.3 b2b, built from the rows without the mappers */
function expectedB2b(c: Case): unknown[] {
  const groups = new Map<string, Map<string, { head: Values; items: { rt: number; txval: number; csamt: number }[] }>>();
  for (const r of c.rows.get('b2b') ?? []) {
    let g = groups.get(r.ctin!);
    if (!g) groups.set(r.ctin!, (g = new Map()));
    let d = g.get(r.inum!);
    if (!d) g.set(r.inum!, (d = { head: r, items: [] }));
    const it = d.items.find((i) => i.rt === r.rt);
    if (it) {
      it.txval += r.txval!;
      it.csamt += r.csamt ?? 0;
    } else d.items.push({ rt: r.rt!, txval: r.txval!, csamt: r.csamt ?? 0 });
  }
  return [...groups].map(([ctin, docs]) => ({
    ctin,
    inv: [...docs.values()].map(({ head: h, items }) => {
      const noTax = h.invTyp === 'SEWOP';
      const inter = c.ctx.sez || ['SEWP', 'SEWOP', 'CBW'].includes(h.invTyp!) || h.pos !== c.ctx.supplierState;
      return {
        inum: h.inum, idt: dmy(h.idt!), val: paiseToNumber(h.val!), pos: h.pos, rchrg: h.rchrg, inv_typ: h.invTyp,
        ...(h.diffPercent === 65 ? { diff_percent: 0.65 } : {}),
        itms: items.map((it, i) => {
          const t = noTax ? (inter ? { iamt: 0 } : { camt: 0, samt: 0 }) : computeTax(it.txval, it.rt, inter, h.diffPercent);
          const tax = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, paiseToNumber(v!)]));
          return { num: i + 1, itm_det: { rt: it.rt, txval: paiseToNumber(it.txval), ...tax, csamt: noTax ? 0 : paiseToNumber(it.csamt) } };
        }),
      };
    }),
  }));
}

describe('round trip: b2b has the spec shape', () => {
  it.each([1, 2, 3, 4, 5, 8])('seed %i', async (seed) => {
    const c = makeCase(seed);
    const { text } = await roundTrip(c);
    const json = JSON.parse(text) as { b2b?: unknown[]; fp: string };
    expect(json.fp).toBe(formatPeriod(c.ctx.period));
    expect(json.b2b).toEqual(expectedB2b(c));
  });
});

// ---------------------------------------------------------------- input errors

describe('to-excel: input that is not a return', () => {
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const code = async (files: string[]) => {
    try {
      await readReturnJson(files);
      return 'ok';
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).code;
    }
  };

  it('rejects what is not a GSTR-1 JSON with INPUT_JSON', async () => {
    expect(await code([write('list.json', '[1,2]')])).toBe('INPUT_JSON');
    expect(await code([write('nogstin.json', '{"fp":"102025","b2b":[]}')])).toBe('INPUT_JSON');
    expect(await code([write('badfp.json', '{"gstin":"27AAKCS4821M1ZW","fp":"2025-10"}')])).toBe('INPUT_JSON');
    expect(await code([write('broken.json', '{"gstin":')])).toBe('INPUT_JSON');
    expect(await code([join(dir, 'missing.json')])).toBe('FILE_NOT_FOUND');
  });

  it('refuses chunks of different returns, saying both are returns, of whom and for when', async () => {
    const a = write('a.json', '{"gstin":"27AAKCS4821M1ZW","fp":"102025"}');
    const b = write('b.json', '{"gstin":"27AAKCS4821M1ZW","fp":"092025"}');
    expect(await code([a, b])).toBe('JSON_CHUNKS_OF_TWO_RETURNS');
    const refused = await readReturnJson([a, b]).catch((e: InputError) => e);
    expect(messageOf(refused as InputError)).toBe(
      `${b} is the return of 27AAKCS4821M1ZW for September 2025 (092025), and ${a} that of 27AAKCS4821M1ZW for October 2025 (102025)`,
    );
  });

  it('reports sections the workbook cannot carry', async () => {
    const f = write('tbl99.json', '{"gstin":"27AAKCS4821M1ZW","fp":"102025","tbl99":{"b2c":[{"pos":"27"}]},"version":"GST3.2.4","hash":"hash"}');
    const res = await toExcel([f], { out: join(dir, 'tbl99.xlsx') });
    expect(res.findings.map((x) => [x.code, x.params?.section])).toEqual([['JSON_SECTION_SKIPPED', 'tbl99']]);
  });

  it('reports sections of a shape no mapper can read, and ignores envelope details', async () => {
    const f = write('odd.json', '{"gstin":"27AAKCS4821M1ZW","fp":"102025","gt":125000,"b2b":"oops","cdnr":[{"ctin":"x","nt":5}]}');
    const res = await toExcel([f], { out: join(dir, 'odd.xlsx') });
    expect(res.findings.map((x) => [x.code, x.params?.section])).toEqual([
      ['JSON_SECTION_UNREADABLE', 'b2b'],
      ['JSON_SECTION_UNREADABLE', 'cdnr'],
    ]);
  });
});
