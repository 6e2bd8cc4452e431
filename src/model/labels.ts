/**
 * Label ↔ code tables of the official GSTR-1 Excel template (its hidden `master` sheet) and the
 * codes the retsave JSON uses. Spellings are the template's own; see spec §2.3.
 */

export interface CodeLabel {
  readonly code: string;
  readonly label: string;
}

/** State / UT codes with the template's POS drop-down labels (note the template's "Lakshdweep"). */
export const STATES: readonly CodeLabel[] = [
  { code: '01', label: 'Jammu & Kashmir' },
  { code: '02', label: 'Himachal Pradesh' },
  { code: '03', label: 'Punjab' },
  { code: '04', label: 'Chandigarh' },
  { code: '05', label: 'Uttarakhand' },
  { code: '06', label: 'Haryana' },
  { code: '07', label: 'Delhi' },
  { code: '08', label: 'Rajasthan' },
  { code: '09', label: 'Uttar Pradesh' },
  { code: '10', label: 'Bihar' },
  { code: '11', label: 'Sikkim' },
  { code: '12', label: 'Arunachal Pradesh' },
  { code: '13', label: 'Nagaland' },
  { code: '14', label: 'Manipur' },
  { code: '15', label: 'Mizoram' },
  { code: '16', label: 'Tripura' },
  { code: '17', label: 'Meghalaya' },
  { code: '18', label: 'Assam' },
  { code: '19', label: 'West Bengal' },
  { code: '20', label: 'Jharkhand' },
  { code: '21', label: 'Odisha' },
  { code: '22', label: 'Chhattisgarh' },
  { code: '23', label: 'Madhya Pradesh' },
  { code: '24', label: 'Gujarat' },
  { code: '25', label: 'Daman & Diu' },
  { code: '26', label: 'Dadra & Nagar Haveli & Daman & Diu' },
  { code: '27', label: 'Maharashtra' },
  { code: '29', label: 'Karnataka' },
  { code: '30', label: 'Goa' },
  { code: '31', label: 'Lakshdweep' },
  { code: '32', label: 'Kerala' },
  { code: '33', label: 'Tamil Nadu' },
  { code: '34', label: 'Puducherry' },
  { code: '35', label: 'Andaman & Nicobar Islands' },
  { code: '36', label: 'Telangana' },
  { code: '37', label: 'Andhra Pradesh' },
  { code: '38', label: 'Ladakh' },
  { code: '97', label: 'Other Territory' },
];

/** POS 96 exists only in the template's POS96 list (b2b, b2ba, cdnr, cdnra). */
export const FOREIGN_COUNTRY: CodeLabel = { code: '96', label: 'Foreign Country' };

/** Other spellings users and other lists use for a state, matched after normalisation. */
export const STATE_NAME_ALIASES: Readonly<Record<string, string>> = {
  'jammu and kashmir': '01',
  'lakshadweep': '31',
  'pondicherry': '34',
  'orissa': '21',
  'daman and diu': '25',
  'dadra and nagar haveli and daman and diu': '26',
  'dadra and nagar haveli': '26',
  'andaman and nicobar islands': '35',
  'andaman and nicobar': '35',
  'uttaranchal': '05',
  'foreign country': '96',
  'other countries': '96',
};

export function posLabel(code: string): string {
  const st = code === '96' ? FOREIGN_COUNTRY : STATES.find((s) => s.code === code);
  return st ? `${st.code}-${st.label}` : code;
}

/** b2b / b2ba "Invoice Type" and cdnr / cdnra "Note Supply Type". */
export const INVOICE_TYPES: readonly CodeLabel[] = [
  { code: 'R', label: 'Regular B2B' },
  { code: 'SEWP', label: 'SEZ supplies with payment' },
  { code: 'SEWOP', label: 'SEZ supplies without payment' },
  { code: 'DE', label: 'Deemed Exp' },
  { code: 'CBW', label: 'Intra-State supplies attracting IGST' },
];
/** Older template and portal spellings accepted on input. */
export const INVOICE_TYPE_ALIASES: Readonly<Record<string, string>> = {
  regular: 'R',
  'regular b2b': 'R',
  'deemed exports': 'DE',
  'deemed export': 'DE',
  'sez supplies with payment': 'SEWP',
  'sez supplies without payment': 'SEWOP',
  'sez with payment': 'SEWP',
  'sez without payment': 'SEWOP',
  r: 'R',
  sewp: 'SEWP',
  sewop: 'SEWOP',
  de: 'DE',
  cbw: 'CBW',
};

/** Table 8 descriptions (sheet exemp) → nil `sply_ty`. */
export const NIL_SUPPLY_TYPES: readonly CodeLabel[] = [
  { code: 'INTRB2B', label: 'Inter-State supplies to registered persons' },
  { code: 'INTRAB2B', label: 'Intra-State supplies to registered persons' },
  { code: 'INTRB2C', label: 'Inter-State supplies to unregistered persons' },
  { code: 'INTRAB2C', label: 'Intra-State supplies to unregistered persons' },
];

/** Table 13 nature of document; `doc_num` is the position (1-based). */
export const DOC_NATURES: readonly string[] = [
  'Invoices for outward supply',
  'Invoices for inward supply from unregistered person',
  'Revised Invoice',
  'Debit Note',
  'Credit Note',
  'Receipt Voucher',
  'Payment Voucher',
  'Refund Voucher',
  'Delivery Challan for job work',
  'Delivery Challan for supply on approval',
  'Delivery Challan in case of liquid gas',
  'Delivery Challan in case other than by way of supply (excluding at S no. 9 to 11)',
];

/** Table 14 "Nature of Supply" → supeco sub-section. */
export const ECO_NATURES: readonly CodeLabel[] = [
  { code: 'clttx', label: 'Liable to collect tax u/s 52(TCS)' },
  { code: 'paytx', label: 'Liable to pay tax u/s 9(5)' },
];

/** Table 15 (ecob2b, ecourp2b and amendments) "Document type": the template's four labels. */
export const ECOM_DOC_TYPES: readonly CodeLabel[] = [
  { code: 'R', label: 'Regular' },
  { code: 'DE', label: 'Deemed Exp' },
  { code: 'SEWP', label: 'SEZ supplies with payment' },
  { code: 'SEWOP', label: 'SEZ supplies without payment' },
];

/** UQC codes with the template's labels (CODE-DESCRIPTION); `NA` is for services. */
export const UQCS: readonly CodeLabel[] = [
  ['BAG', 'BAGS'], ['BAL', 'BALE'], ['BDL', 'BUNDLES'], ['BKL', 'BUCKLES'], ['BOU', 'BILLION OF UNITS'],
  ['BOX', 'BOX'], ['BTL', 'BOTTLES'], ['BUN', 'BUNCHES'], ['CAN', 'CANS'], ['CBM', 'CUBIC METERS'],
  ['CCM', 'CUBIC CENTIMETERS'], ['CMS', 'CENTIMETERS'], ['CTN', 'CARTONS'], ['DOZ', 'DOZENS'], ['DRM', 'DRUMS'],
  ['GGK', 'GREAT GROSS'], ['GMS', 'GRAMMES'], ['GRS', 'GROSS'], ['GYD', 'GROSS YARDS'], ['KGS', 'KILOGRAMS'],
  ['KLR', 'KILOLITRE'], ['KME', 'KILOMETRE'], ['LTR', 'LITRES'], ['MLT', 'MILILITRE'], ['MTR', 'METERS'],
  ['MTS', 'METRIC TON'], ['NOS', 'NUMBERS'], ['PAC', 'PACKS'], ['PCS', 'PIECES'], ['PRS', 'PAIRS'],
  ['QTL', 'QUINTAL'], ['ROL', 'ROLLS'], ['SET', 'SETS'], ['SQF', 'SQUARE FEET'], ['SQM', 'SQUARE METERS'],
  ['SQY', 'SQUARE YARDS'], ['TBS', 'TABLETS'], ['TGM', 'TEN GROSS'], ['THD', 'THOUSANDS'], ['TON', 'TONNES'],
  ['TUB', 'TUBES'], ['UGS', 'US GALLONS'], ['UNT', 'UNITS'], ['YDS', 'YARDS'], ['OTH', 'OTHERS'],
  ['NA', 'NA'],
].map(([code, label]) => ({ code: code as string, label: label as string }));

export function uqcLabel(code: string): string {
  if (code === 'NA') return 'NA';
  const u = UQCS.find((x) => x.code === code);
  return u ? `${u.code}-${u.label}` : code;
}

export const EXPORT_TYPES = ['WPAY', 'WOPAY'] as const;
export const UR_TYPES = ['B2CL', 'EXPWP', 'EXPWOP'] as const;
export const NOTE_TYPES = ['C', 'D'] as const;
export const B2CS_TYPES = ['OE'] as const;

/** Upper-case month names of the template's "Original Month" drop-down. */
export const MONTHS = [
  'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE',
  'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
] as const;

/** Rates offered by the template's drop-down (the dated list is in rules-data.ts). */
export const APPLICABLE_PERCENT = ['65.00'] as const;
