/**
 * Internal field names of a spreadsheet row, and how each field's cells are read. One field has
 * one meaning across sheets (e.g. `inum` is the invoice number wherever it appears); the sheet
 * specs in sheets.ts say which header text carries which field.
 */

export type CellKind =
  | 'text' // trimmed text
  | 'id' // GSTIN / UIN / ETIN: trimmed, upper-cased
  | 'docnum' // invoice / note number: text, numbers kept as typed
  | 'date' // Excel date, serial or dd-mmm-yyyy / dd-mm-yyyy / dd/mm/yyyy text → ISO yyyy-mm-dd
  | 'money' // amount in paise (integer), may be negative
  | 'rate' // GST rate as a number (18, 0.25)
  | 'percent' // Applicable % of Tax Rate: 100 when blank
  | 'pos' // 2-digit state code
  | 'yn' // Y / N
  | 'invtype' // R / SEWP / SEWOP / DE / CBW
  | 'code' // trimmed, upper-cased code (OE, WPAY, B2CL, C/D, UQC...)
  | 'uqc' // UQC code from `KGS-KILOGRAMS`
  | 'qty' // quantity: decimal kept as text
  | 'int' // whole number
  | 'hsn' // HSN/SAC digits kept as text (leading zeros preserved)
  | 'fy' // financial year 2024-25 → start year
  | 'month'; // JANUARY..DECEMBER → 1..12

export const FIELD_KINDS = {
  ctin: 'id',
  receiverName: 'text',
  inum: 'docnum',
  idt: 'date',
  val: 'money',
  pos: 'pos',
  rchrg: 'yn',
  diffPercent: 'percent',
  invTyp: 'invtype',
  etin: 'id',
  rt: 'rate',
  txval: 'money',
  csamt: 'money',
  iamt: 'money',
  camt: 'money',
  samt: 'money',
  oinum: 'docnum',
  oidt: 'date',
  opos: 'pos',
  typ: 'code',
  fy: 'fy',
  omonth: 'month',
  ntNum: 'docnum',
  ntDt: 'date',
  ntty: 'code',
  ontNum: 'docnum',
  ontDt: 'date',
  urType: 'code',
  expTyp: 'code',
  sbpcode: 'text',
  sbnum: 'docnum',
  sbdt: 'date',
  adAmt: 'money',
  nilDesc: 'text',
  nilAmt: 'money',
  exptAmt: 'money',
  ngsupAmt: 'money',
  hsn: 'hsn',
  desc: 'text',
  masterDesc: 'text',
  uqc: 'uqc',
  qty: 'qty',
  totalValue: 'money',
  docNature: 'text',
  docFrom: 'docnum',
  docTo: 'docnum',
  totnum: 'int',
  cancel: 'int',
  ecoNature: 'text',
  ecoName: 'text',
  oetin: 'id',
  suppval: 'money',
  stin: 'id',
  docTyp: 'code',
  supplierName: 'text',
} as const satisfies Record<string, CellKind>;

export type Field = keyof typeof FIELD_KINDS;

/** The value a field holds after coercion. */
export interface FieldValues {
  ctin: string;
  receiverName: string;
  inum: string;
  idt: string;
  val: number;
  pos: string;
  rchrg: string;
  diffPercent: number;
  invTyp: string;
  etin: string;
  rt: number;
  txval: number;
  csamt: number;
  iamt: number;
  camt: number;
  samt: number;
  oinum: string;
  oidt: string;
  opos: string;
  typ: string;
  fy: number;
  omonth: number;
  ntNum: string;
  ntDt: string;
  ntty: string;
  ontNum: string;
  ontDt: string;
  urType: string;
  expTyp: string;
  sbpcode: string;
  sbnum: string;
  sbdt: string;
  adAmt: number;
  nilDesc: string;
  nilAmt: number;
  exptAmt: number;
  ngsupAmt: number;
  hsn: string;
  desc: string;
  masterDesc: string;
  uqc: string;
  qty: string;
  totalValue: number;
  docNature: string;
  docFrom: string;
  docTo: string;
  totnum: number;
  cancel: number;
  ecoNature: string;
  ecoName: string;
  oetin: string;
  suppval: number;
  /** Table 15: the supplier's GSTIN (the e-commerce operator pays its tax u/s 9(5)) */
  stin: string;
  /** Table 15 "Document type": R, DE, SEWP or SEWOP (the template's own labels) */
  docTyp: string;
  supplierName: string;
}
