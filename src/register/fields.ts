/**
 * The fields of a sales register: one row per invoice or note line, with the columns a finance
 * team keeps (document type, number, date, recipient, place of supply, HSN, rate, taxable value,
 * optional tax amounts...). Each field has a canonical header (the `gstr1` register layout), the
 * kind of value it holds, whether it belongs to the document or to the line, and other spellings
 * used to draft a column mapping from someone else's headers.
 */

export type RegisterKind =
  | 'doctype' // invoice / credit note / debit note
  | 'docnum' // text kept as typed
  | 'date'
  | 'id' // GSTIN / UIN, upper-cased; "URP", "Unregistered", "-" are blank
  | 'text'
  | 'pos'
  | 'yn'
  | 'supply' // invoice type / nature of transaction / e-invoice supply type (R, SEZ, DE, export, nil...)
  | 'exptype' // WPAY / WOPAY
  | 'hsn'
  | 'uqc'
  | 'qty' // a quantity, possibly with its unit ("10 Nos")
  | 'rate' // GST rate in %
  | 'percent' // applicable % of tax rate
  | 'money'
  | 'category' // taxable / nil rated / exempted / non-GST
  | 'status' // cancelled (Y, Void), issued (N, Paid) or never issued (Draft)
  | 'ecoliability' // u/s 52 (TCS) or u/s 9(5)
  | 'supplier' // Table 15: the supplier's GSTIN; "URP" / "Unregistered" for an unregistered supplier
  | 'month'; // a month of a year: September 2025, Sep-25, 09-2025, 2025-09, 092025, or a date in it

export interface RegisterFieldSpec {
  readonly field: RegisterField;
  /** header of the field in the `gstr1` register layout */
  readonly label: string;
  readonly kind: RegisterKind;
  /** document-level fields are the same on every line of a document (and are inherited by continuation lines) */
  readonly level: 'document' | 'line';
  /** other header spellings, for drafting a mapping */
  readonly synonyms: readonly string[];
  /** what the field holds, for `mapping init` and the docs */
  readonly about: string;
}

export const REGISTER_FIELDS = [
  'docType', 'docNum', 'docDate', 'ctin', 'recipientName', 'pos', 'rchrg', 'invType', 'expType',
  'portCode', 'sbNum', 'sbDate', 'hsn', 'desc', 'uqc', 'qty', 'rate', 'igstRate', 'cgstRate', 'sgstRate',
  'diffPercent', 'txval', 'iamt', 'camt', 'samt', 'csamt', 'val', 'category', 'etin', 'ecoLiability',
  'cancelled', 'origNum', 'origDate', 'origNoteNum', 'origMonth', 'stin', 'supplierName',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

const f = (
  field: RegisterField, label: string, kind: RegisterKind, level: 'document' | 'line', about: string, synonyms: string[] = [],
): RegisterFieldSpec => ({ field, label, kind, level, about, synonyms });

export const REGISTER_FIELD_SPECS: readonly RegisterFieldSpec[] = [
  f('docType', 'Document Type', 'doctype', 'document', 'invoice, credit note or debit note (blank: invoice)',
    ['Voucher Type', 'Doc Type', 'Type of Document', 'Transaction Type', 'Vch Type']),
  f('docNum', 'Document Number', 'docnum', 'document', 'invoice or note number',
    ['Invoice Number', 'Invoice No', 'Voucher No.', 'Voucher Number', 'Bill No', 'Note Number', 'Doc No', 'Vch No.']),
  f('docDate', 'Document Date', 'date', 'document', 'invoice or note date',
    ['Invoice Date', 'Date', 'Voucher Date', 'Bill Date', 'Note Date', 'Doc Date']),
  f('ctin', 'Recipient GSTIN/UIN', 'id', 'document', 'GSTIN or UIN of the recipient; blank for an unregistered recipient',
    ['GSTIN/UIN', 'GSTIN/UIN of Recipient', 'GSTIN of Recipient', 'Customer GSTIN', 'Buyer GSTIN', 'Party GSTIN', 'GSTIN', 'Receiver GSTIN',
      'Billing Address GSTIN', 'GSTIN/UIN of Receiver',
      // "GST No" / "GST Number" as ERPs and import formats head the party's GSTIN; bare, they are as
      // ambiguous as "GSTIN" (the filer's own?), which the gstr1 layout leaves unread (layouts.ts)
      'GST No', 'GST Number', 'GSTIN No', 'GSTIN Number', 'Customer GST No', 'Customer GST Number', 'Cust GSTIN', 'Cust GST No',
      'Buyer GST No', 'Buyer GST Number', 'Party GST No', 'Party GST Number', 'Customer GSTIN/UIN', 'Party GSTIN/UIN']),
  f('recipientName', 'Recipient Name', 'text', 'document', 'name of the recipient',
    ['Receiver Name', 'Customer Name', 'Party Name', 'Particulars', 'Buyer Name', 'Party']),
  f('pos', 'Place Of Supply', 'pos', 'document', 'state code or name (27, 27-Maharashtra, Maharashtra)',
    ['POS', 'Place of Supply (State)', 'Supply State', 'Buyer POS', 'State of Supply']),
  f('rchrg', 'Reverse Charge', 'yn', 'document', 'Y when the recipient pays the tax (blank: N)',
    ['Reverse Charge Applicable', 'RCM', 'Reverse Charge Flag', 'Is Reverse Charge Applicable']),
  f('invType', 'Invoice Type', 'supply', 'document',
    'Regular, SEZ with payment, SEZ without payment, Deemed Export, Export with/without payment (also Tally\'s Nature of Transaction, e-invoice supply type)',
    ['Supply Type', 'Nature of Transaction', 'Type of Supply', 'Invoice Category', 'Sale Type']),
  f('expType', 'Export Type', 'exptype', 'document', 'WPAY (IGST paid) or WOPAY (under bond/LUT); filled only for exports',
    ['Type of Export', 'Export Category']),
  f('portCode', 'Port Code', 'text', 'document', 'port of export', ['Port', 'Port of Export']),
  f('sbNum', 'Shipping Bill Number', 'docnum', 'document', 'shipping bill or bill of export number',
    ['Shipping Bill No.', 'SB No', 'Shipping Bill No', 'Bill of Export No']),
  f('sbDate', 'Shipping Bill Date', 'date', 'document', 'shipping bill date', ['SB Date', 'Bill of Export Date']),
  f('hsn', 'HSN/SAC', 'hsn', 'line', 'HSN or SAC code of the line', ['HSN', 'HSN Code', 'SAC', 'HSN/SAC Code', 'HSN or SAC']),
  f('desc', 'Description', 'text', 'line', 'item or service description',
    ['Item Name', 'Product Description', 'Item Description', 'Stock Item', 'Name of Item', 'Item', 'Product']),
  f('uqc', 'UQC', 'uqc', 'line', 'unit quantity code (NOS, KGS...) or unit name', ['Unit', 'UOM', 'Unit of Measurement', 'Units']),
  f('qty', 'Quantity', 'qty', 'line', 'quantity (a unit after the number is read as the UQC)', ['Qty', 'Billed Quantity', 'Actual Quantity']),
  f('rate', 'Rate', 'rate', 'line', 'GST rate in % (18, not 9); derived from the tax amounts when absent',
    ['GST Rate', 'Tax Rate', 'GST %', 'Rate of Tax', 'GST Rate (%)']),
  f('igstRate', 'Integrated Tax Rate', 'rate', 'line', 'IGST rate (used when there is no GST rate column)', ['IGST Rate', 'IGST %']),
  f('cgstRate', 'Central Tax Rate', 'rate', 'line', 'CGST rate (used when there is no GST rate column)', ['CGST Rate', 'CGST %']),
  f('sgstRate', 'State/UT Tax Rate', 'rate', 'line', 'SGST/UTGST rate (used when there is no GST rate column)', ['SGST Rate', 'SGST %', 'State Tax Rate']),
  f('diffPercent', 'Applicable % of Tax Rate', 'percent', 'line', '65 for the 65 % rate; blank for 100 %', ['Applicable %', 'Differential %']),
  f('txval', 'Taxable Value', 'money', 'line', 'taxable value of the line',
    ['Taxable Amount', 'Assessable Value', 'Taxable Value (Rs)', 'Net Amount', 'Net Total', 'Value']),
  f('iamt', 'Integrated Tax Amount', 'money', 'line', 'IGST amount', ['IGST', 'IGST Amount', 'Integrated Tax']),
  f('camt', 'Central Tax Amount', 'money', 'line', 'CGST amount', ['CGST', 'CGST Amount', 'Central Tax']),
  f('samt', 'State/UT Tax Amount', 'money', 'line', 'SGST/UTGST amount',
    ['SGST', 'SGST Amount', 'State Tax Amount', 'UTGST Amount', 'SGST/UTGST Amount', 'State Tax']),
  f('csamt', 'Cess Amount', 'money', 'line', 'cess amount', ['Cess', 'Compensation Cess']),
  f('val', 'Invoice Value', 'money', 'document', 'the whole document\'s value incl. tax (blank: the sum of its lines)',
    ['Invoice Amount', 'Total Invoice Value', 'Gross Total', 'Note Value', 'Document Value', 'Bill Amount', 'Total Amount']),
  f('category', 'Supply Category', 'category', 'line', 'Taxable, Nil Rated, Exempted or Non-GST (blank: taxable)',
    ['Taxability', 'Nil/Exempt/Non-GST', 'Tax Category', 'GST Category', 'Supply Nature']),
  f('etin', 'E-Commerce GSTIN', 'id', 'document', 'GSTIN of the e-commerce operator the supply went through',
    ['ECO GSTIN', 'E-Commerce Operator GSTIN', 'Ecommerce GSTIN', 'Operator GSTIN']),
  f('ecoLiability', 'E-Commerce Section', 'ecoliability', 'document',
    'u/s 52 (operator collects TCS; default) or u/s 9(5) (operator pays the tax; with your own GSTIN as the operator\'s: a Table 15 supply)', ['ECO Section', 'E-Commerce Liability', 'ECO Liability']),
  f('cancelled', 'Cancelled', 'status', 'document',
    'Y when the document was cancelled (reported only in Table 13); Draft when it was never issued (left out of the return, with a warning)',
    ['Is Cancelled', 'Cancelled?', 'Voucher Status', 'Status', 'Cancel']),
  f('origNum', 'Original Invoice Number', 'docnum', 'document',
    'for a note: the invoice it is against (decides B2CL notes); for an invoice with an original date: its number as first reported (an amendment)',
    ['Against Invoice', 'Reference Invoice No', 'Original Document Number', 'Original Invoice No', 'Ref Invoice']),
  f('origDate', 'Original Document Date', 'date', 'document',
    'an amended invoice\'s (or, with an original note number, note\'s) date as first reported: the row is an amendment (9A, 9C, 11, 15A)',
    ['Original Invoice Date', 'Original Note Date', 'Original Document Dt', 'Original Doc Date', 'Amended Document Date']),
  f('origNoteNum', 'Original Note Number', 'docnum', 'document', 'an amended note\'s number as first reported: the note is an amendment (cdnra, cdnura)',
    ['Original Credit Note Number', 'Original Debit Note Number', 'Original Note No', 'Original Credit/Debit Note Number']),
  f('origMonth', 'Original Month', 'month', 'document',
    'the month first reported in, for an amendment of a summary (b2csa, ata, atadja, Table 15A B2C); blank: the month of the original date',
    ['Original Period', 'Original Return Period', 'Original Tax Period', 'Amended Month']),
  f('stin', 'Supplier GSTIN/UIN', 'supplier', 'document',
    'Table 15 (you are the e-commerce operator paying the tax u/s 9(5)): the GSTIN of the supplier who sold through you; URP for an unregistered supplier',
    ['Supplier GSTIN', 'Seller GSTIN', 'Merchant GSTIN', 'Restaurant GSTIN', 'GSTIN of Supplier']),
  f('supplierName', 'Supplier Name', 'text', 'document', 'Table 15: the name of the supplier who sold through you',
    ['Seller Name', 'Merchant Name', 'Restaurant Name', 'Name of Supplier']),
];

const BY_FIELD = new Map(REGISTER_FIELD_SPECS.map((s) => [s.field, s]));

export function registerFieldSpec(field: RegisterField): RegisterFieldSpec {
  return BY_FIELD.get(field)!;
}

export function isRegisterField(s: string): s is RegisterField {
  return BY_FIELD.has(s as RegisterField);
}

/** Fields a register must have: without them a row cannot be classified. */
export const REQUIRED_FIELDS: readonly RegisterField[] = ['docNum', 'docDate', 'txval'];

/** Header text compared without case, spaces or punctuation: "Voucher No." = "voucher no" = "VoucherNo". */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/\*+\s*$/, '').replace(/[^a-z0-9]/g, '');
}
