/**
 * The official template's layout as data: which data sheets a workbook has for a return period
 * and in what order, the hidden `master` sheet's drop-down lists, and which column gets which
 * list. Header texts come from the vocabulary (src/model/sheets.ts), never from here.
 */
import type { Field } from '../../model/fields.js';
import { RATE_LIST, hsnSplit } from '../../model/dated-rules.js';
import {
  B2CS_TYPES, DOC_NATURES, ECOM_DOC_TYPES, ECO_NATURES, EXPORT_TYPES, FOREIGN_COUNTRY, INVOICE_TYPES, MONTHS,
  NIL_SUPPLY_TYPES, NOTE_TYPES, STATES, UQCS, UR_TYPES, posLabel, uqcLabel,
} from '../../model/labels.js';
import { fyLabel, type Period } from '../../model/period.js';
import { SHEETS, sheetSpec, type SheetId, type SheetSpec } from '../../model/sheets.js';

export const HELP_SHEET = 'Help Instruction';
export const MASTER_SHEET = 'master';
export const TEMPLATE_FILE = 'GSTR1_Excel_Workbook_Template.xlsx';

/** Row of the header texts; data starts on the next row (spec §2.1). */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;
/** Rows that get drop-downs in a blank sheet. */
export const DEFAULT_VALIDATION_ROWS = 5000;

/**
 * The data sheets of the template for a return period, in the template's order. From the May
 * 2025 period Table 12 is split into hsn(b2b) and hsn(b2c); before it there is one hsn sheet.
 * Without a period: the current layout.
 */
export function templateSheetIds(period?: Period): SheetId[] {
  const split = period ? hsnSplit(period) : true;
  return SHEETS.filter((s) => (s.id === 'hsn' ? !split : s.id === 'hsnb2b' || s.id === 'hsnb2c' ? split : true)).map((s) => s.id);
}

/** Puts sheet ids in the template's order (the order of SHEETS), without duplicates. */
export function inTemplateOrder(ids: Iterable<SheetId>): SheetId[] {
  const wanted = new Set(ids);
  return SHEETS.filter((s) => wanted.has(s.id)).map((s) => s.id);
}

/** The sheet's name in the current template (`b2b,sez,de`, `hsn(b2b)`). */
export function sheetName(id: SheetId): string {
  return sheetSpec(id).names[0]!;
}

// ---------------------------------------------------------------- master lists

export interface MasterList {
  readonly key: MasterKey;
  /** row-1 caption of the list's column in the master sheet */
  readonly title: string;
  readonly values: readonly (string | number)[];
  readonly numFmt?: string;
}

export type MasterKey =
  | 'pos' | 'pos96' | 'rate' | 'invType' | 'uqc' | 'nil' | 'docNature' | 'noteType' | 'urType'
  | 'expType' | 'yn' | 'applicable' | 'month' | 'fy' | 'b2csType' | 'ecoNature' | 'ecomDocType';

/** Financial years offered by the template's drop-down. */
export const FY_FIRST = 2017;
export const FY_LAST = 2026;

// the codes are two digits: their order is their characters' (localeCompare's first call starts ICU's
// collation, about 8 ms of every command that loads this module)
const POS96 = [...STATES, FOREIGN_COUNTRY].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The master sheet's lists, one column each, in this order. */
export const MASTER_LISTS: readonly MasterList[] = [
  { key: 'pos', title: 'POS', values: STATES.map((s) => posLabel(s.code)) },
  { key: 'pos96', title: 'POS96', values: POS96.map((s) => posLabel(s.code)) },
  { key: 'rate', title: 'Rate', values: RATE_LIST.map((r) => r.value) },
  { key: 'invType', title: 'Invoice Type', values: INVOICE_TYPES.map((t) => t.label) },
  { key: 'uqc', title: 'UQC', values: UQCS.map((u) => uqcLabel(u.code)) },
  { key: 'nil', title: 'Nil Description', values: NIL_SUPPLY_TYPES.map((n) => n.label) },
  { key: 'docNature', title: 'Nature of Document', values: DOC_NATURES },
  { key: 'noteType', title: 'Note Type', values: NOTE_TYPES },
  { key: 'urType', title: 'UR Type', values: UR_TYPES },
  { key: 'expType', title: 'Export Type', values: EXPORT_TYPES },
  { key: 'yn', title: 'Reverse Charge', values: ['Y', 'N'] },
  { key: 'applicable', title: 'Applicable % of Tax Rate', values: [65], numFmt: '0.00' },
  { key: 'month', title: 'Month', values: MONTHS },
  { key: 'fy', title: 'Financial Year', values: Array.from({ length: FY_LAST - FY_FIRST + 1 }, (_, i) => fyLabel(FY_FIRST + i)) },
  { key: 'b2csType', title: 'Type', values: B2CS_TYPES },
  { key: 'ecoNature', title: 'Nature of Supply', values: ECO_NATURES.map((n) => n.label) },
  { key: 'ecomDocType', title: 'Document type', values: ECOM_DOC_TYPES.map((t) => t.label) },
];

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Absolute reference to a list's values in the master sheet, e.g. `master!$A$2:$A$39`. */
export function masterRange(key: MasterKey): string {
  const i = MASTER_LISTS.findIndex((l) => l.key === key);
  if (i < 0) throw new Error(`unknown master list ${key}`);
  const col = columnLetter(i + 1);
  return `${MASTER_SHEET}!$${col}$2:$${col}$${MASTER_LISTS[i]!.values.length + 1}`;
}

/** Sheets whose Place Of Supply may be 96 (foreign country). */
const POS96_SHEETS: ReadonlySet<SheetId> = new Set(['b2b', 'b2ba', 'cdnr', 'cdnra']);

const LIST_BY_FIELD: Partial<Record<Field, MasterKey>> = {
  opos: 'pos',
  rt: 'rate',
  invTyp: 'invType',
  uqc: 'uqc',
  nilDesc: 'nil',
  docNature: 'docNature',
  ntty: 'noteType',
  urType: 'urType',
  expTyp: 'expType',
  rchrg: 'yn',
  diffPercent: 'applicable',
  omonth: 'month',
  fy: 'fy',
  typ: 'b2csType',
  ecoNature: 'ecoNature',
  docTyp: 'ecomDocType',
};

/** The drop-down list a column of a sheet offers, if any. */
export function listFor(sheet: SheetId, field: Field): MasterKey | undefined {
  if (field === 'pos') return POS96_SHEETS.has(sheet) ? 'pos96' : 'pos';
  return LIST_BY_FIELD[field];
}

/** Columns whose row-3 summary is a sum (amounts and counts that add up across rows). */
export const TOTAL_FIELDS: ReadonlySet<Field> = new Set<Field>([
  'txval', 'csamt', 'adAmt', 'nilAmt', 'exptAmt', 'ngsupAmt', 'totalValue', 'iamt', 'camt', 'samt', 'suppval', 'totnum', 'cancel',
]);

/** Short how-to for the Help Instruction sheet. */
export function helpLines(sheets: readonly SheetSpec[], about: readonly string[] = []): string[] {
  return [
    'GSTR-1 Excel workbook in the layout of the official GSTR-1 offline-tool template',
    ...about,
    '',
    'How to fill it',
    '1. Each sheet feeds one table of GSTR-1 (list below). Leave sheets you do not need empty; do not delete or rename them.',
    '2. Rows 1-3 of every sheet are a summary block. Row 4 holds the column headers: do not change their text, columns are matched by it. Enter data from row 5.',
    '3. One row per tax rate of a document. A document with several rates takes several rows that repeat its number, date, value and other document details.',
    '4. Dates as dd-mmm-yyyy (05-Oct-2025) or real Excel dates. Amounts in rupees with at most 2 decimals, without thousands separators or currency signs.',
    '5. Pick Place Of Supply, Invoice Type, Rate, UQC and the other coded columns from the drop-down lists (e.g. 27-Maharashtra, Regular B2B, KGS-KILOGRAMS).',
    '6. Applicable % of Tax Rate: leave blank for the full rate, or 65. Reverse Charge: Y or N (blank means N).',
    '7. Tax amounts are worked out from Taxable Value x Rate; only the hsn and eco sheets take tax amounts as entered.',
    '8. From the May 2025 period Table 12 has two sheets: hsn(b2b) for supplies to registered persons, hsn(b2c) for the rest. Earlier periods use one hsn sheet.',
    '9. Services (SAC codes starting 99) take UQC NA and quantity 0.',
    '',
    'Convert to the GST portal JSON:',
    '   npx gstr1 convert <this workbook> --gstin <your GSTIN> --period <MMYYYY> --out gstr1.json',
    '',
    'Sheets',
    ...sheets.map((s) => `${s.names[0]}: ${s.title}`),
  ];
}
