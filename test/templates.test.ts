/**
 * The committed template files agree with the vocabulary (src/model/sheets.ts), `gstr1 template`
 * and `gstr1 to-excel` work from the command line, and the bundled sample is a clean, consistent
 * return. When the vocabulary changes, run `npm run gen:templates`.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { cac } from 'cac';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { processReturn } from '../src/api/process.js';
import { reportFailure } from '../src/cli/cli.js';
import type { CliIO } from '../src/cli/io.js';
import registerTemplate from '../src/cli/commands/template.js';
import registerToExcel from '../src/cli/commands/to-excel.js';
import { serialisePayloads } from '../src/mappers/payload.js';
import type { ReturnContext } from '../src/model/return.js';
import { numberToPaise } from '../src/model/money.js';
import { formatPeriod, periodFirstDay, periodLastDay } from '../src/model/period.js';
import { sheetSpec, type SheetId } from '../src/model/sheets.js';
import { readXlsx } from '../src/parsers/xlsx.js';
import { writeBlankTemplate } from '../src/report/template/blank.js';
import { HELP_SHEET, MASTER_LISTS, MASTER_SHEET, TEMPLATE_FILE, sheetName, templateSheetIds } from '../src/report/template/layout.js';
import { defaultCheckers } from '../src/validators/index.js';

const ROOT = join(import.meta.dirname, '..');
const TEMPLATE = join(ROOT, 'templates', TEMPLATE_FILE);
const CSV_DIR = join(ROOT, 'templates/csv');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const SAMPLE_CSV = join(ROOT, 'test/fixtures/sample-csv');
const SAMPLE_GSTIN = '27AAKCS4821M1ZW';
const SAMPLE_PERIOD = { month: 10, year: 2025 };
const tmp = mkdtempSync(join(tmpdir(), 'gstr1-templates-'));

const dataSheets = (period?: { month: number; year: number }) => templateSheetIds(period).map((id) => ({ id, name: sheetName(id) }));
const headersOf = (id: SheetId) => sheetSpec(id).columns.filter((c) => !c.extra).map((c) => c.header);
const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v));

interface WorkbookShape {
  names: string[];
  states: Record<string, string>;
  rows: Record<string, string[][]>;
}

/** Sheet names and states, and rows 1-4 of each sheet (all rows of master), as text. */
async function shapeOf(file: string): Promise<WorkbookShape> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const shape: WorkbookShape = { names: [], states: {}, rows: {} };
  for (const ws of wb.worksheets) {
    shape.names.push(ws.name);
    shape.states[ws.name] = ws.state;
    const last = ws.name === MASTER_SHEET ? ws.rowCount : Math.min(ws.rowCount, 4);
    shape.rows[ws.name] = Array.from({ length: last }, (_, i) => {
      const row = ws.getRow(i + 1);
      return Array.from({ length: row.cellCount }, (_, c) => cellText(row.getCell(c + 1).value));
    });
  }
  return shape;
}

// ---------------------------------------------------------------- the blank template

describe('templates: the committed blank workbook', () => {
  it('has the template sheets in order, Help Instruction first and a hidden master last', async () => {
    const shape = await shapeOf(TEMPLATE);
    expect(shape.names).toEqual([HELP_SHEET, ...dataSheets().map((s) => s.name), MASTER_SHEET]);
    expect(shape.states[MASTER_SHEET]).toBe('hidden');
    expect(shape.names.filter((n) => shape.states[n] !== 'visible')).toEqual([MASTER_SHEET]);
  });

  it('has each sheet title on row 1 and the exact header texts on row 4', async () => {
    const shape = await shapeOf(TEMPLATE);
    for (const { id, name } of dataSheets()) {
      const rows = shape.rows[name]!;
      expect(rows[0]![0], name).toBe(sheetSpec(id).title);
      expect(rows[0], name).toContain('HELP');
      expect(rows[3], name).toEqual(headersOf(id));
    }
  });

  it('holds the drop-down lists in master, and the columns point at them', async () => {
    const shape = await shapeOf(TEMPLATE);
    const master = shape.rows[MASTER_SHEET]!;
    MASTER_LISTS.forEach((list, i) => {
      expect(master[0]![i]).toBe(list.title);
      const values = master.slice(1).map((r) => r[i] ?? '').filter((v) => v !== '');
      expect(values, list.title).toEqual(list.values.map(String));
    });
    expect(master.slice(1).map((r) => r[1]).filter(Boolean)).toContain('96-Foreign Country');
    expect(master.slice(1).map((r) => r[0])).not.toContain('96-Foreign Country');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(TEMPLATE);
    const dv = (wb.getWorksheet('b2b,sez,de') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    // exceljs expands ranges when reading: F5 … F5004 each carry the list
    expect(dv.F5).toMatchObject({ type: 'list', formulae: ['master!$B$2:$B$40'] });
    expect(dv.F5004).toMatchObject({ type: 'list' });
    expect(dv.I5).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^master!\$D\$2:\$D\$6$/)] });
    expect(dv.A5).toBeUndefined();
  });

  it('is read by the toolkit\'s own xlsx reader with every sheet named', async () => {
    const names: string[] = [];
    for await (const sheet of readXlsx(TEMPLATE)) {
      names.push(sheet.name);
      for await (const _ of sheet.rows);
    }
    expect(names).toEqual([HELP_SHEET, ...dataSheets().map((s) => s.name), MASTER_SHEET]);
  });

  it('converts to an empty return without findings', async () => {
    const ctx: ReturnContext = { gstin: SAMPLE_GSTIN, supplierState: '27', period: SAMPLE_PERIOD, sez: false };
    const res = await processReturn([TEMPLATE], ctx, { checkers: [] });
    expect(res.findings.items).toEqual([]);
    expect(res.stats.map((s) => s.sheet)).toEqual(dataSheets().map((s) => s.name));
    expect(res.stats.every((s) => s.read === 0)).toBe(true);
  });

  it('is what gen:templates writes now (run `npm run gen:templates` after changing sheets.ts)', async () => {
    const out = join(tmp, 'regen');
    const res = await writeBlankTemplate(out, { csvDir: join(out, 'csv') });
    expect(await shapeOf(res.workbook)).toEqual(await shapeOf(TEMPLATE));
    for (const f of res.csv) expect(readFileSync(f, 'utf8'), f).toBe(readFileSync(join(CSV_DIR, f.split(/[\\/]/).pop()!), 'utf8'));
  });

  it('lays out a single hsn sheet for periods before May 2025', async () => {
    const res = await writeBlankTemplate(join(tmp, 'old'), { period: { month: 4, year: 2025 } });
    const shape = await shapeOf(res.workbook);
    expect(shape.names).toContain('hsn');
    expect(shape.names).not.toContain('hsn(b2b)');
    expect(res.csv.map((f) => f.split(/[\\/]/).pop())).toContain('hsn.csv');
  });
});

describe('templates: the committed CSV header files', () => {
  it('one per template sheet, named after the sheet', () => {
    const files = readdirSync(CSV_DIR).sort();
    expect(files).toEqual(dataSheets().map((s) => `${s.name}.csv`).sort());
  });

  it('each holds exactly the sheet\'s header texts', () => {
    for (const { id, name } of dataSheets()) {
      const parsed = Papa.parse<string[]>(readFileSync(join(CSV_DIR, `${name}.csv`), 'utf8'), { skipEmptyLines: true });
      expect(parsed.data, name).toEqual([headersOf(id)]);
    }
  });
});

// ---------------------------------------------------------------- the commands

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

/** Runs the template and to-excel command modules the way the CLI does (exit code, no stack traces). */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIO = { stdout, stderr: stderr as unknown as NodeJS.WriteStream, argv };
  const cli = cac('gstr1');
  registerTemplate(cli, io);
  registerToExcel(cli, io);
  let code: number;
  try {
    cli.parse(['node', 'gstr1', ...argv], { run: false });
    const r = await cli.runMatchedCommand();
    code = typeof r === 'number' ? r : 0;
  } catch (e) {
    code = reportFailure(e, io);
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('commands: template and to-excel', () => {
  it('gstr1 template --out <dir> writes the workbook and one CSV per sheet', async () => {
    const out = join(tmp, 'cli-template');
    const r = await run('template', '--out', out);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, TEMPLATE_FILE))).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.csv')).sort()).toEqual(dataSheets().map((s) => `${s.name}.csv`).sort());
  });

  it('gstr1 template --period 032025 lays out the single hsn sheet', async () => {
    const out = join(tmp, 'cli-template-old');
    expect((await run('template', '--out', out, '--period', '032025')).code).toBe(0);
    expect(existsSync(join(out, 'hsn.csv'))).toBe(true);
    const bad = await run('template', '--out', out, '--period', '2025');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a return period/);
  });

  it('gstr1 to-excel turns a return JSON into a workbook that converts back', async () => {
    const ctx: ReturnContext = { gstin: SAMPLE_GSTIN, supplierState: '27', period: SAMPLE_PERIOD, sez: false };
    const res = await processReturn([SAMPLE], ctx, { checkers: [] });
    const json = join(tmp, 'sample.json');
    const text = [...serialisePayloads(res.outputs, { gstin: SAMPLE_GSTIN, fp: '102025' }, 1e12)].join('');
    (await import('node:fs')).writeFileSync(json, text);
    const out = join(tmp, 'back.xlsx');
    const r = await run('to-excel', json, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/b2b,sez,de\s+15 rows/);
    const again = await processReturn([out], ctx, { checkers: [] });
    expect(again.findings.items).toEqual([]);
    expect([...serialisePayloads(again.outputs, { gstin: SAMPLE_GSTIN, fp: '102025' }, 1e12)].join('')).toBe(text);
  });

  it('gstr1 to-excel on a file that is not a return exits 2 with INPUT_JSON\'s message', async () => {
    const bad = join(tmp, 'not-a-return.json');
    (await import('node:fs')).writeFileSync(bad, '{"hello":"world"}');
    const r = await run('to-excel', bad, '--out', join(tmp, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a GSTR-1 JSON file \(no "gstin"\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const same = await run('to-excel', bad, '--out', bad);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/would overwrite an input file/);
  });
});

// ---------------------------------------------------------------- the sample return

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('templates: the bundled sample', () => {
  const ctx: ReturnContext = { gstin: SAMPLE_GSTIN, supplierState: '27', period: SAMPLE_PERIOD, sez: false };
  const payload = async (files: string[]) => {
    const res = await processReturn(files, ctx, { checkers: [] });
    return { res, text: [...serialisePayloads(res.outputs, { gstin: SAMPLE_GSTIN, fp: formatPeriod(SAMPLE_PERIOD) }, 1e12)].join('') };
  };

  it('files stay small', () => {
    for (const f of [TEMPLATE, SAMPLE]) expect(statSync(f).size, f).toBeLessThan(1024 * 1024);
  });

  it('fills every sheet, converts without findings, and its CSVs give the same JSON', async () => {
    const x = await payload([SAMPLE]);
    expect(x.res.findings.items).toEqual([]);
    expect(x.res.stats.map((s) => s.sheet)).toEqual(dataSheets(SAMPLE_PERIOD).map((s) => s.name));
    for (const s of x.res.stats) {
      expect(s.read, s.sheet).toBeGreaterThan(0);
      expect(s.rejected, s.sheet).toBe(0);
    }
    const csvFiles = readdirSync(SAMPLE_CSV).map((f) => join(SAMPLE_CSV, f));
    expect(csvFiles).toHaveLength(dataSheets(SAMPLE_PERIOD).length);
    const c = await payload(csvFiles);
    expect(c.res.findings.items).toEqual([]);
    expect(c.text).toBe(x.text);
    // the CSVs carry amounts as people type them
    expect(readFileSync(join(SAMPLE_CSV, 'b2b,sez,de.csv'), 'utf8')).toMatch(/"1,62,500\.50"/);
    expect(readFileSync(join(SAMPLE_CSV, 'b2b,sez,de.csv'), 'utf8')).toMatch(/,03-Oct-2025,/);
  });

  it('has Table 12 totals equal to the document tables, rate by rate, and tax = taxable × rate', async () => {
    const j = JSON.parse((await payload([SAMPLE])).text) as Json;
    type Sum = { txval: number; iamt: number; camt: number; samt: number; csamt: number };
    const tabs = { b2b: new Map<number, Sum>(), b2c: new Map<number, Sum>() };
    const p = (n: unknown) => (typeof n === 'number' ? numberToPaise(n) : 0);
    const add = (tab: Map<number, Sum>, x: Json, sign = 1) => {
      const s = tab.get(x.rt) ?? { txval: 0, iamt: 0, camt: 0, samt: 0, csamt: 0 };
      s.txval += sign * p(x.txval);
      s.iamt += sign * p(x.iamt);
      s.camt += sign * p(x.camt);
      s.samt += sign * p(x.samt);
      s.csamt += sign * p(x.csamt);
      tab.set(x.rt, s);
    };
    for (const g of j.b2b) for (const inv of g.inv) for (const it of inv.itms) add(tabs.b2b, it.itm_det);
    for (const g of j.cdnr) for (const nt of g.nt) for (const it of nt.itms) add(tabs.b2b, it.itm_det, nt.ntty === 'C' ? -1 : 1);
    for (const g of j.b2cl) for (const inv of g.inv) for (const it of inv.itms) add(tabs.b2c, it.itm_det);
    for (const r of j.b2cs) add(tabs.b2c, r);
    for (const g of j.exp) for (const inv of g.inv) for (const it of inv.itms) add(tabs.b2c, it);
    for (const nt of j.cdnur) for (const it of nt.itms) add(tabs.b2c, it.itm_det, nt.ntty === 'C' ? -1 : 1);
    // Table 15 (the filer as e-commerce operator): registered recipients in the B2B tab, the rest in B2C
    for (const part of ['b2b', 'urp2b'] as const) for (const g of j.ecom[part]) for (const inv of g.inv) for (const it of inv.itms) add(tabs.b2b, it.itm_det);
    for (const part of ['b2c', 'urp2c'] as const) for (const r of j.ecom[part]) add(tabs.b2c, r);
    for (const n of j.nil.inv) {
      expect(n.ngsup_amt).toBe(0);
      add(/B2B$/.test(n.sply_ty) ? tabs.b2b : tabs.b2c, { rt: 0, txval: n.nil_amt + n.expt_amt });
    }
    const hsnTabs = { b2b: new Map<number, Sum>(), b2c: new Map<number, Sum>() };
    for (const it of j.hsn.hsn_b2b) add(hsnTabs.b2b, it);
    for (const it of j.hsn.hsn_b2c) add(hsnTabs.b2c, it);
    const sorted = (m: Map<number, Sum>) => [...m].sort((a, b) => a[0] - b[0]);
    expect(sorted(hsnTabs.b2b)).toEqual(sorted(tabs.b2b));
    expect(sorted(hsnTabs.b2c)).toEqual(sorted(tabs.b2c));
    // each Table 12 row: tax is taxable value × rate, to the paisa (the 65 % invoice's row excepted,
    // and Table 15's B2C restaurant row: 48000.50 intra-State rounds CGST and SGST down by 0.0025 each)
    for (const it of [...j.hsn.hsn_b2b, ...j.hsn.hsn_b2c]) {
      const tax = p(it.iamt) + p(it.camt) + p(it.samt);
      const full = (p(it.txval) * it.rt) / 100;
      const expected = it.hsn_sc === '85444299' ? (full * 65) / 100 : it.hsn_sc === '996331' && it.txval === 60000.5 ? 300002 : full;
      expect(tax, `${it.hsn_sc} @ ${it.rt}`).toBe(expected);
      if (String(it.hsn_sc).startsWith('99')) expect([it.uqc, it.qty]).toEqual(['NA', 0]);
      else expect(it.uqc).not.toBe('NA');
    }
  });

  it('uses valid GSTINs, dates inside the period, and the portal\'s shapes for what it reports', async () => {
    const j = JSON.parse((await payload([SAMPLE])).text) as Json;
    const A = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const valid = (g: string) => {
      let sum = 0;
      for (let i = 0; i < 14; i++) {
        const v = A.indexOf(g[13 - i]!) * (i % 2 === 0 ? 2 : 1);
        sum += Math.floor(v / 36) + (v % 36);
      }
      return A[(36 - (sum % 36)) % 36] === g[14];
    };
    const ids = [j.gstin, ...[...j.b2b, ...j.b2ba, ...j.cdnr, ...j.cdnra].map((g: Json) => g.ctin)];
    for (const part of Object.values(j.supeco) as Json[][]) for (const e of part) ids.push(e.etin);
    for (const part of Object.values(j.supecoa) as Json[][]) for (const e of part) ids.push(e.etin, e.oetin);
    for (const id of ids) expect(valid(id), id).toBe(true);
    for (const e of j.supeco.clttx) expect(e.etin[13]).toBe('C');
    const inPeriod = (d: string) => {
      const iso = `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
      return iso >= periodFirstDay(SAMPLE_PERIOD) && iso <= periodLastDay(SAMPLE_PERIOD);
    };
    for (const g of j.b2b) for (const inv of g.inv) expect(inPeriod(inv.idt), inv.inum).toBe(true);
    for (const g of j.b2cl) for (const inv of g.inv) expect(inPeriod(inv.idt), inv.inum).toBe(true);
    for (const g of j.exp) for (const inv of g.inv) expect(inPeriod(inv.idt), inv.inum).toBe(true);
    for (const g of j.cdnr) for (const nt of g.nt) expect(inPeriod(nt.nt_dt), nt.nt_num).toBe(true);
    for (const nt of j.cdnur) expect(inPeriod(nt.nt_dt), nt.nt_num).toBe(true);
    // what the brief asks the sample to show
    const b2bInv = j.b2b.flatMap((g: Json) => g.inv);
    expect(new Set(b2bInv.map((i: Json) => i.inv_typ))).toEqual(new Set(['R', 'SEWP', 'SEWOP', 'DE']));
    expect(b2bInv.some((i: Json) => i.rchrg === 'Y')).toBe(true);
    expect(b2bInv.some((i: Json) => i.diff_percent === 0.65)).toBe(true);
    expect(b2bInv.some((i: Json) => i.itms.some((t: Json) => t.itm_det.rt === 40))).toBe(true);
    expect(j.b2b.some((g: Json) => /^[0-9]{4}[A-Z]{3}[0-9]{5}[UO]N/.test(g.ctin))).toBe(true);
    expect(new Set(j.b2cs.map((r: Json) => r.sply_ty))).toEqual(new Set(['INTRA', 'INTER']));
    expect(new Set(j.cdnr.flatMap((g: Json) => g.nt.map((n: Json) => n.ntty)))).toEqual(new Set(['C', 'D']));
    expect(new Set(j.cdnur.map((n: Json) => n.typ))).toEqual(new Set(['B2CL', 'EXPWP']));
    expect(new Set(j.exp.map((g: Json) => g.exp_typ))).toEqual(new Set(['WPAY', 'WOPAY']));
    expect(j.nil.inv).toHaveLength(4);
    expect(Object.keys(j.hsn)).toEqual(['hsn_b2b', 'hsn_b2c']);
  });

  it('validates clean with the default checkers', async () => {
    const res = await processReturn([SAMPLE], ctx, { checkers: defaultCheckers(ctx, { turnover: 80_00_00_000 }) });
    expect(res.findings.items).toEqual([]);
  });
});
