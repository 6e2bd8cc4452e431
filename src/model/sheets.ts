/**
 * The official GSTR-1 Excel template, sheet by sheet: sheet names (current and older), the
 * row-4 header texts in order, which are mandatory, and which JSON section each sheet feeds.
 * Header texts are exact (spec §2.2); `aliases` are old or common spellings accepted on input.
 */
import type { Field } from './fields.js';

/** Sheet identifiers: the current template's sheet name, minus punctuation where needed. */
export const SHEET_IDS = [
  'b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'cdnr', 'cdnra', 'cdnur', 'cdnura',
  'exp', 'expa', 'at', 'ata', 'atadj', 'atadja', 'exemp', 'hsn', 'hsnb2b', 'hsnb2c', 'docs', 'eco', 'ecoa',
  'ecob2b', 'ecourp2b', 'ecob2c', 'ecourp2c', 'ecoab2b', 'ecoab2c', 'ecoaurp2b', 'ecoaurp2c',
] as const;
export type SheetId = (typeof SHEET_IDS)[number];

/** Top-level keys of the retsave JSON, in the order they are written. */
export const SECTION_KEYS = [
  'b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'cdnr', 'cdnra', 'cdnur', 'cdnura',
  'exp', 'expa', 'at', 'ata', 'txpd', 'txpda', 'nil', 'hsn', 'doc_issue', 'supeco', 'supecoa', 'ecom', 'ecoma',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface ColumnSpec {
  readonly field: Field;
  /** exact header text of the current template, without the trailing `*` */
  readonly header: string;
  /** the template marks the column with `*` (a value is required) */
  readonly required: boolean;
  /** other spellings accepted on input (compared after normalisation) */
  readonly aliases?: readonly string[];
  /**
   * not a column of the official template (which computes tax from value × rate): read when a
   * sheet has it, written by to-excel so a JSON's own tax amounts survive the round trip
   */
  readonly extra?: boolean;
}

export interface SheetSpec {
  readonly id: SheetId;
  /** sheet names: the first is the current template's, the rest older ones */
  readonly names: readonly string[];
  readonly section: SectionKey;
  /** row-1 title of the template's summary block */
  readonly title: string;
  readonly columns: readonly ColumnSpec[];
}

const c = (field: Field, header: string, required = false, aliases?: string[]): ColumnSpec =>
  aliases ? { field, header, required, aliases } : { field, header, required };

const APPLICABLE = c('diffPercent', 'Applicable % of Tax Rate');
const CESS = c('csamt', 'Cess Amount');
const RATE = c('rt', 'Rate', true);
const TAXABLE = c('txval', 'Taxable Value', true);
const POS = c('pos', 'Place Of Supply', true);
const ETIN = c('etin', 'E-Commerce GSTIN');
const CTIN = c('ctin', 'GSTIN/UIN of Recipient', true, ['GSTIN of Recipient', 'GSTIN/UIN of Receiver']);
const RNAME = c('receiverName', 'Receiver Name', false, ['Recipient Name']);
const FY = c('fy', 'Financial Year', true);
/** the tax amounts of a JSON item, kept as they are (see ColumnSpec.extra) */
const TAX_AMOUNTS: readonly ColumnSpec[] = [
  { field: 'iamt', header: 'Integrated Tax Amount', required: false, extra: true },
  { field: 'camt', header: 'Central Tax Amount', required: false, extra: true },
  { field: 'samt', header: 'State/UT Tax Amount', required: false, extra: true },
];
const OMONTH = c('omonth', 'Original Month', true);

// Table 15 (supplies on which the e-commerce operator pays tax u/s 9(5)), spec §2.2
const STIN = c('stin', 'Supplier GSTIN/UIN', true);
const SNAME = c('supplierName', 'Supplier Name');
const RTIN = c('ctin', 'Recipient GSTIN/UIN', true);
const RECIPIENT_NAME = c('receiverName', 'Recipient Name');
const DOC_VALUE = c('val', 'Value of supplies made', true);
const DOC_TYPE = c('docTyp', 'Document type', true);
// the template's Table 15 sheets have no tax columns (spec §2.2): to-excel adds them after its own
// columns, as on the other sheets, so a JSON's given amounts survive the round trip
const ECOM_TAIL = [c('rt', 'Rate', true), TAXABLE, CESS, ...TAX_AMOUNTS];
const ECOM_DOC = [
  c('inum', 'Document Number', true), c('idt', 'Document Date', true), DOC_VALUE, POS, DOC_TYPE, ...ECOM_TAIL,
];
const ECOM_REVISED = [
  c('oinum', 'Original Document Number', true), c('oidt', 'Original Document Date', true),
  c('inum', 'Revised Document Number', true), c('idt', 'Revised Document Date', true), DOC_VALUE,
];

const HSN_COLUMNS: readonly ColumnSpec[] = [
  c('hsn', 'HSN', true, ['HSN/SAC', 'HSN Code', 'HSN/SAC Code']),
  c('desc', 'Description'),
  c('masterDesc', 'Description as per HSN Code'),
  c('uqc', 'UQC', true),
  c('qty', 'Total Quantity', true),
  c('totalValue', 'Total Value'),
  // Rate or Total Value, depending on the period: the HSN_MANDATORY rule asks for the right one
  c('rt', 'Rate'),
  TAXABLE,
  c('iamt', 'Integrated Tax Amount'),
  c('camt', 'Central Tax Amount'),
  c('samt', 'State/UT Tax Amount'),
  CESS,
];

export const SHEETS: readonly SheetSpec[] = [
  {
    id: 'b2b', names: ['b2b,sez,de', 'b2b'], section: 'b2b',
    title: 'Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)',
    columns: [
      CTIN, RNAME,
      c('inum', 'Invoice Number', true),
      c('idt', 'Invoice date', true),
      c('val', 'Invoice Value', true),
      POS,
      c('rchrg', 'Reverse Charge', true),
      APPLICABLE,
      c('invTyp', 'Invoice Type', true),
      ETIN, RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'b2ba', names: ['b2ba'], section: 'b2ba',
    title: 'Summary For B2BA',
    columns: [
      CTIN, RNAME,
      c('oinum', 'Original Invoice Number', true),
      c('oidt', 'Original Invoice date', true),
      c('inum', 'Revised Invoice Number', true),
      c('idt', 'Revised Invoice date', true),
      c('val', 'Invoice Value', true),
      POS,
      c('rchrg', 'Reverse Charge', true),
      APPLICABLE,
      c('invTyp', 'Invoice Type', true),
      ETIN, RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'b2cl', names: ['b2cl'], section: 'b2cl',
    title: 'Summary For B2CL(5)',
    columns: [
      c('inum', 'Invoice Number', true),
      c('idt', 'Invoice date', true),
      c('val', 'Invoice Value', true),
      POS, APPLICABLE, RATE, TAXABLE, CESS, ETIN, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'b2cla', names: ['b2cla'], section: 'b2cla',
    title: 'Summary For B2CLA',
    columns: [
      c('oinum', 'Original Invoice Number', true),
      c('oidt', 'Original Invoice date', true),
      c('opos', 'Original Place Of Supply', true),
      c('inum', 'Revised Invoice Number', true),
      c('idt', 'Revised Invoice date', true),
      c('val', 'Invoice Value', true),
      APPLICABLE, RATE, TAXABLE, CESS, ETIN, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'b2cs', names: ['b2cs'], section: 'b2cs',
    title: 'Summary For B2CS(7)',
    columns: [c('typ', 'Type', true), POS, APPLICABLE, RATE, TAXABLE, CESS, ETIN, ...TAX_AMOUNTS],
  },
  {
    id: 'b2csa', names: ['b2csa'], section: 'b2csa',
    title: 'Summary For B2CSA',
    columns: [FY, OMONTH, POS, c('typ', 'Type', true), APPLICABLE, RATE, TAXABLE, CESS, ETIN, ...TAX_AMOUNTS],
  },
  {
    id: 'cdnr', names: ['cdnr'], section: 'cdnr',
    title: 'Summary For CDNR(9B)',
    columns: [
      CTIN, RNAME,
      c('ntNum', 'Note Number', true, ['Note/Refund Voucher Number']),
      c('ntDt', 'Note Date', true, ['Note/Refund Voucher date']),
      c('ntty', 'Note Type', true, ['Document Type']),
      POS,
      c('rchrg', 'Reverse Charge', true),
      c('invTyp', 'Note Supply Type', true, ['Supply Type']),
      c('val', 'Note Value', true, ['Note/Refund Voucher Value']),
      APPLICABLE, RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'cdnra', names: ['cdnra'], section: 'cdnra',
    title: 'Summary For CDNRA',
    columns: [
      CTIN, RNAME,
      c('ontNum', 'Original Note Number', true, ['Original Note/Refund Voucher Number']),
      c('ontDt', 'Original Note Date', true, ['Original Note/Refund Voucher date']),
      c('ntNum', 'Revised Note Number', true, ['Revised Note/Refund Voucher Number']),
      c('ntDt', 'Revised Note Date', true, ['Revised Note/Refund Voucher date']),
      c('ntty', 'Note Type', true, ['Document Type']),
      POS,
      c('rchrg', 'Reverse Charge', true),
      c('invTyp', 'Note Supply Type', true),
      c('val', 'Note Value', true, ['Note/Refund Voucher Value']),
      APPLICABLE, RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'cdnur', names: ['cdnur'], section: 'cdnur',
    title: 'Summary For CDNUR(9B)',
    columns: [
      c('urType', 'UR Type', true),
      c('ntNum', 'Note Number', true, ['Note/Refund Voucher Number']),
      c('ntDt', 'Note Date', true, ['Note/Refund Voucher date']),
      c('ntty', 'Note Type', true, ['Document Type']),
      c('pos', 'Place Of Supply'),
      c('val', 'Note Value', true, ['Note/Refund Voucher Value']),
      APPLICABLE, RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'cdnura', names: ['cdnura'], section: 'cdnura',
    title: 'Summary For CDNURA',
    columns: [
      c('urType', 'UR Type', true),
      c('ontNum', 'Original Note Number', true, ['Original Note/Refund Voucher Number']),
      c('ontDt', 'Original Note Date', true, ['Original Note/Refund Voucher date']),
      c('ntNum', 'Revised Note Number', true, ['Revised Note/Refund Voucher Number']),
      c('ntDt', 'Revised Note Date', true, ['Revised Note/Refund Voucher date']),
      c('ntty', 'Note Type', true, ['Document Type']),
      c('pos', 'Place Of Supply'),
      c('val', 'Note Value', true, ['Note/Refund Voucher Value']),
      APPLICABLE, RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'exp', names: ['exp'], section: 'exp',
    title: 'Summary For EXP(6)',
    columns: [
      c('expTyp', 'Export Type', true),
      c('inum', 'Invoice Number', true),
      c('idt', 'Invoice date', true),
      c('val', 'Invoice Value', true),
      c('sbpcode', 'Port Code'),
      c('sbnum', 'Shipping Bill Number'),
      c('sbdt', 'Shipping Bill Date'),
      RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'expa', names: ['expa'], section: 'expa',
    title: 'Summary For EXPA',
    columns: [
      c('expTyp', 'Export Type', true),
      c('oinum', 'Original Invoice Number', true),
      c('oidt', 'Original Invoice date', true),
      c('inum', 'Revised Invoice Number', true),
      c('idt', 'Revised Invoice date', true),
      c('val', 'Invoice Value', true),
      c('sbpcode', 'Port Code'),
      c('sbnum', 'Shipping Bill Number'),
      c('sbdt', 'Shipping Bill Date'),
      RATE, TAXABLE, CESS, ...TAX_AMOUNTS
    ],
  },
  {
    id: 'at', names: ['at'], section: 'at',
    title: 'Summary For Advance Received (11B)',
    columns: [POS, APPLICABLE, RATE, c('adAmt', 'Gross Advance Received', true), CESS, ...TAX_AMOUNTS],
  },
  {
    id: 'ata', names: ['ata'], section: 'ata',
    title: 'Summary For Amended Tax Liability(Advance Received)',
    columns: [FY, OMONTH, c('pos', 'Original Place Of Supply', true), APPLICABLE, RATE, c('adAmt', 'Gross Advance Received', true), CESS, ...TAX_AMOUNTS],
  },
  {
    id: 'atadj', names: ['atadj'], section: 'txpd',
    title: 'Summary For Advance Adjusted (11B)',
    columns: [POS, APPLICABLE, RATE, c('adAmt', 'Gross Advance Adjusted', true), CESS, ...TAX_AMOUNTS],
  },
  {
    id: 'atadja', names: ['atadja'], section: 'txpda',
    title: 'Summary For Amendement Of Adjustment Advances',
    columns: [FY, OMONTH, c('pos', 'Original Place Of Supply', true), APPLICABLE, RATE, c('adAmt', 'Gross Advance Adjusted', true), CESS, ...TAX_AMOUNTS],
  },
  {
    id: 'exemp', names: ['exemp'], section: 'nil',
    title: 'Summary For Nil rated, exempted and non GST outward supplies (8)',
    columns: [
      c('nilDesc', 'Description', true),
      c('nilAmt', 'Nil Rated Supplies'),
      c('exptAmt', 'Exempted(other than nil rated/non GST supply)', false, ['Exempted (other than nil rated/non GST supply)']),
      c('ngsupAmt', 'Non-GST Supplies', false, ['Non-GST supplies']),
    ],
  },
  { id: 'hsn', names: ['hsn'], section: 'hsn', title: 'Summary For HSN(12)', columns: HSN_COLUMNS },
  { id: 'hsnb2b', names: ['hsn(b2b)'], section: 'hsn', title: 'Summary For HSN(12)', columns: HSN_COLUMNS },
  { id: 'hsnb2c', names: ['hsn(b2c)'], section: 'hsn', title: 'Summary For HSN(12)', columns: HSN_COLUMNS },
  {
    id: 'docs', names: ['docs'], section: 'doc_issue',
    title: 'Summary of documents issued during the tax period (13)',
    columns: [
      c('docNature', 'Nature of Document', true, ['Nature  of Document']),
      c('docFrom', 'Sr. No. From', true),
      c('docTo', 'Sr. No. To', true),
      c('totnum', 'Total Number', true),
      c('cancel', 'Cancelled', true),
    ],
  },
  {
    id: 'eco', names: ['eco'], section: 'supeco',
    title: 'Summary For Supplies through ECO-14',
    columns: [
      c('ecoNature', 'Nature of Supply', true),
      c('etin', 'GSTIN of E-Commerce Operator', true),
      c('ecoName', 'E-Commerce Operator Name', true),
      c('suppval', 'Net value of supplies', true),
      c('iamt', 'Integrated tax'),
      c('camt', 'Central tax'),
      c('samt', 'State/UT tax'),
      c('csamt', 'Cess'),
    ],
  },
  {
    id: 'ecoa', names: ['ecoa'], section: 'supecoa',
    title: 'Summary For Supplies through ECO-14A',
    columns: [
      c('ecoNature', 'Nature of Supply', true),
      FY,
      c('omonth', 'Original Month/Quarter', true),
      c('oetin', 'Original GSTIN of E-Commerce Operator', true),
      c('etin', 'Revised GSTIN of E-Commerce Operator', true),
      c('ecoName', 'E-Commerce Operator Name', true),
      c('suppval', 'Revised Net value of supplies', true),
      c('iamt', 'Integrated tax'),
      c('camt', 'Central tax'),
      c('samt', 'State/UT tax'),
      c('csamt', 'Cess'),
    ],
  },
  {
    id: 'ecob2b', names: ['ecob2b'], section: 'ecom',
    title: 'Summary For Supplies U/s 9(5) - 15 (B2B)',
    columns: [STIN, SNAME, RTIN, RECIPIENT_NAME, ...ECOM_DOC],
  },
  {
    id: 'ecourp2b', names: ['ecourp2b'], section: 'ecom',
    title: 'Summary For Supplies U/s 9(5) - 15 (URP2B)',
    columns: [RTIN, RECIPIENT_NAME, ...ECOM_DOC],
  },
  {
    id: 'ecob2c', names: ['ecob2c'], section: 'ecom',
    title: 'Summary For Supplies U/s 9(5) - 15 (B2C)',
    columns: [STIN, SNAME, POS, TAXABLE, c('rt', 'Rate', true), CESS, ...TAX_AMOUNTS],
  },
  {
    id: 'ecourp2c', names: ['ecourp2c'], section: 'ecom',
    title: 'Summary For Supplies U/s 9(5) - 15 (URP2C)',
    columns: [POS, TAXABLE, c('rt', 'Rate', true), CESS, ...TAX_AMOUNTS],
  },
  {
    id: 'ecoab2b', names: ['ecoab2b'], section: 'ecoma',
    title: 'Summary For Supplies U/s 9(5) - 15A (B2B)',
    columns: [STIN, SNAME, RTIN, RECIPIENT_NAME, ...ECOM_REVISED, POS, DOC_TYPE, ...ECOM_TAIL],
  },
  {
    id: 'ecoab2c', names: ['ecoab2c'], section: 'ecoma',
    title: 'Summary For Supplies U/s 9(5) - 15A (B2C)',
    columns: [FY, OMONTH, STIN, SNAME, POS, ...ECOM_TAIL],
  },
  {
    id: 'ecoaurp2b', names: ['ecoaurp2b'], section: 'ecoma',
    title: 'Summary For Supplies U/s 9(5) - 15A (URP2B)',
    // the template puts Document type before Place Of Supply on this sheet only
    columns: [RTIN, RECIPIENT_NAME, ...ECOM_REVISED, DOC_TYPE, POS, ...ECOM_TAIL],
  },
  {
    id: 'ecoaurp2c', names: ['ecoaurp2c'], section: 'ecoma',
    title: 'Summary For Supplies U/s 9(5) - 15A (URP2C)',
    columns: [FY, OMONTH, POS, ...ECOM_TAIL],
  },
];

const BY_ID = new Map<SheetId, SheetSpec>(SHEETS.map((s) => [s.id, s]));
export function sheetSpec(id: SheetId): SheetSpec {
  const s = BY_ID.get(id);
  if (!s) throw new Error(`unknown sheet id ${id}`);
  return s;
}

/** Sheets of the template that hold no data. */
export const NON_DATA_SHEETS = ['help instruction', 'help instructions', 'master', 'instructions', 'readme'];

/** Template sheets this toolkit does not convert (none since Table 15 is converted). */
export const UNSUPPORTED_SHEETS: readonly string[] = [];

/** Normalises a sheet or file stem for lookup: lower case, no spaces, `-`/`_` between words dropped. */
export function normaliseSheetName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '');
}

/** Finds the sheet spec for a workbook sheet name or CSV file stem (`b2b,sez,de`, `hsn-b2b`, `gstr1_cdnr`). */
export function sheetByName(name: string): SheetSpec | undefined {
  let n = normaliseSheetName(name);
  for (const s of SHEETS) if (s.names.some((x) => normaliseSheetName(x) === n)) return s;
  // file-name forms: gstr1_b2b, gstr-1-cdnr, hsn-b2b, hsn_b2c, b2b-sez-de
  n = n.replace(/^gstr-?1[-_ ]?/, '').replace(/[()]/g, ' ').trim().replace(/[\s_-]+/g, '-');
  const flat = n.replace(/-/g, '');
  for (const s of SHEETS) {
    for (const x of s.names) {
      const xn = normaliseSheetName(x).replace(/[(),]/g, '');
      if (xn === flat) return s;
    }
    if (s.id === flat) return s;
  }
  if (flat === 'b2bsezde') return BY_ID.get('b2b');
  return undefined;
}

