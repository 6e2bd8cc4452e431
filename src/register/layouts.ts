/**
 * Register layouts: which header carries which register field. Built-in presets cover the
 * toolkit's own register layout, TallyPrime's voucher-register exports and a generic ERP /
 * GSP outward-supply export; a mapping file (mapping.ts) describes anything else the same way.
 * A sheet is matched to the layout whose headers it carries best (header signature).
 */
import { busySaleType } from './busy-sale-type.js';
import { REGISTER_FIELD_SPECS, headerKey, type RegisterField } from './fields.js';

/** Value translations keyed as cells are looked up (without case, spaces or punctuation). */
const byKey = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [headerKey(k), v]));

/**
 * The words of an export's own status column, read as the Cancelled field, by what they say of the
 * document. A word of none of the lists is an error whose hint lists them.
 */
export interface StatusWords {
  /** issued: the document is in the return */
  readonly issued: readonly string[];
  /** cancelled: counted only in Table 13 */
  readonly cancelled: readonly string[];
  /** never issued (a draft, one awaiting approval): in no table, and a warning at its row */
  readonly notIssued: readonly string[];
}

/** Status words as the Cancelled field reads them (issued N, cancelled Y, not issued Draft), keyed as cells are looked up. */
function statusValues(words: StatusWords): Record<string, string> {
  return byKey(Object.fromEntries([
    ...words.issued.map((w) => [w, 'N']), ...words.cancelled.map((w) => [w, 'Y']), ...words.notIssued.map((w) => [w, 'Draft']),
  ]));
}

export interface RegisterLayout {
  /** `gstr1`, `tally`, `erp`, or `mapping` for a mapping file */
  readonly id: string;
  readonly name: string;
  /** where the header names come from */
  readonly source: string;
  /**
   * the header texts that may carry each field; a row with two of them has the leftmost read,
   * whichever is listed first, and the other listed in the register summary as a second column
   * of that field (unread.ts)
   */
  readonly columns: Readonly<Partial<Record<RegisterField, readonly string[]>>>;
  /** headers that identify the layout: a sheet must carry at least `minSignature` of them */
  readonly signature: readonly string[];
  readonly minSignature: number;
  /**
   * other spellings of a field, read only when none of its `columns` headers is in the row. They
   * take no part in recognising the layout (signature, required fields, the count of fields
   * found), so they never change which layout a sheet is read with; beside the field's own
   * header they are unknown columns, as any header the layout does not know.
   */
  readonly alternates?: Readonly<Partial<Record<RegisterField, readonly string[]>>>;
  /** headers of the export that carry nothing GSTR-1 needs (not reported as unknown) */
  readonly ignore?: readonly string[];
  /** text values translated before reading a field: field → cell text → value the field understands */
  readonly values?: Readonly<Partial<Record<RegisterField, Readonly<Record<string, string>>>>>;
  /**
   * values read by a rule where a table cannot list them (Busy's sale types "L/GST-18%"...): the
   * text the field understands, or undefined for a value the rule does not know, which is read as
   * a blank cell with a warning at its first cell (REGISTER_VALUE_UNKNOWN)
   */
  readonly readers?: Readonly<Partial<Record<RegisterField, (text: string) => string | undefined>>>;
  /**
   * the export's status words, when its Cancelled field is a status column (Zoho's Invoice Status):
   * `values.cancelled` translates them, and a word none of them is gets a hint listing them
   */
  readonly statuses?: StatusWords;
  /**
   * taken only when no other layout fits the header row (the generic layout: any register whose
   * headers are the fields' usual names)
   */
  readonly fallback?: boolean;
  /**
   * the export writes a credit note (a return) with negative amounts: they are read as the note's
   * positive amounts (return-sign.ts)
   */
  readonly negativeReturns?: boolean;
  /** a mapping file may name the sheet to read and the header row */
  readonly sheet?: string;
  readonly headerRow?: number;
}

/**
 * Other spellings of the fields (fields.ts) that the gstr1 layout does not read: in a register
 * built on it each could be another of its columns, or something it does not read at all. Such a
 * header stays an unknown column (a warning naming the fields it is nearest), for the user to
 * rename or map. The generic layout, taken only when no preset fits, still reads them.
 */
export const GSTR1_UNREAD_SPELLINGS: readonly string[] = [
  // the layout has three dates (document, shipping bill, original) and three GSTINs (recipient,
  // e-commerce operator, supplier); a register often carries the filer's own GSTIN too
  // (ERPNext's Company GSTIN, a GSP format's SupplierGSTIN). "Supplier GSTIN" is read: holding
  // the filer's own GSTIN, it leaves the line the filer's own supply (classify.ts, isTable15)
  'Date', 'GSTIN', 'GSTIN/UIN', 'GST No', 'GST Number', 'GSTIN No', 'GSTIN Number',
  // the party in Tally, the goods on many invoice formats
  'Particulars',
  // sale or return, or B2B / B2C / export
  'Transaction Type',
  // Tally's goods or services, Zoho's column its preset leaves unread, Busy's sale type (a local /
  // central tax class, read by its preset), ERPNext's customer registration kind (its preset reads
  // it as the invoice type, the generic layout as the supply category)
  'Type of Supply', 'Supply Type', 'Sale Type', 'GST Category',
  // a rate or an amount (the layout has both for each tax), and one header once "%" is dropped
  // (headerKey: "IGST %" is "IGST")
  'IGST', 'CGST', 'SGST', 'IGST %', 'CGST %', 'SGST %',
  // before or after tax, the line's or the invoice's
  'Value', 'Net Amount', 'Net Total',
  // payment or approval status (Zoho: Paid, Overdue, Draft)
  'Status',
];

const unreadByGstr1 = new Set(GSTR1_UNREAD_SPELLINGS.map(headerKey));

/**
 * The toolkit's own register layout: the canonical label of every field (see fields.ts), and
 * where a field's label is not in the row, its other spellings but those above. The layout is
 * recognised by its labels alone.
 */
export const GSTR1_LAYOUT: RegisterLayout = {
  id: 'gstr1',
  name: 'gstr1 sales register',
  source: 'this toolkit (docs: register layout); labels follow the GSTR-1 template where one exists',
  columns: Object.fromEntries(REGISTER_FIELD_SPECS.map((s) => [s.field, [s.label]])),
  alternates: Object.fromEntries(REGISTER_FIELD_SPECS.map((s) => [s.field, s.synonyms.filter((n) => !unreadByGstr1.has(headerKey(n)))])),
  signature: ['Document Type', 'Document Number', 'Document Date', 'Recipient GSTIN/UIN', 'Taxable Value', 'Supply Category'],
  minSignature: 3,
};

/**
 * TallyPrime: a voucher register (Sales Register / GSTR-1 voucher register) exported to Excel with
 * item and tax details. Names as TallyPrime shows them: Date, Particulars (the party; "(cancelled)"
 * on a cancelled voucher), Voucher Type, Voucher No., GSTIN/UIN, Place of Supply, HSN/SAC,
 * Quantity ("10 Nos"), Rate (the item price, not the GST rate), Taxable Value, Integrated / Central
 * / State Tax Amount, Cess Amount, Taxability, Nature of Transaction. Item lines after a voucher's
 * first line carry blank voucher columns; they continue the voucher above.
 */
export const TALLY_LAYOUT: RegisterLayout = {
  id: 'tally',
  name: 'TallyPrime voucher register (Sales Register, GSTR-1 voucher register) exported to Excel',
  source:
    'TallyPrime help: GSTR-1 report and its Excel export (GSTIN/UIN, Place Of Supply, Taxable Value, Integrated Tax, Central Tax, State Tax, Cess; Taxability; Nature of Transaction), voucher register columns Date / Particulars / Voucher Type / Voucher No.',
  columns: {
    docDate: ['Date', 'Voucher Date'],
    recipientName: ['Particulars', 'Party Name', "Party's Name"],
    docType: ['Voucher Type', 'Vch Type'],
    docNum: ['Voucher No.', 'Voucher Number', 'Vch No.'],
    ctin: ['GSTIN/UIN', 'Party GSTIN/UIN', 'GSTIN/UIN of Party'],
    pos: ['Place of Supply', 'State Name', 'Party State'],
    hsn: ['HSN/SAC', 'HSN/SAC of Supply', 'HSN Code'],
    desc: ['Item Name', 'Stock Item', 'Name of Item', 'Description'],
    uqc: ['UQC', 'Unit', 'Units'],
    qty: ['Quantity', 'Billed Quantity', 'Actual Quantity'],
    rate: ['GST Rate', 'Tax Rate', 'Rate of Tax', 'GST Rate (%)'],
    igstRate: ['Integrated Tax Rate', 'IGST Rate'],
    cgstRate: ['Central Tax Rate', 'CGST Rate'],
    sgstRate: ['State Tax Rate', 'SGST/UTGST Rate', 'SGST Rate'],
    txval: ['Taxable Value', 'Assessable Value', 'Total Taxable Value'],
    iamt: ['Integrated Tax Amount', 'Integrated Tax', 'IGST Amount'],
    camt: ['Central Tax Amount', 'Central Tax', 'CGST Amount'],
    samt: ['State Tax Amount', 'State/UT Tax Amount', 'State Tax', 'SGST/UTGST Amount'],
    csamt: ['Cess Amount', 'Cess'],
    val: ['Invoice Amount', 'Gross Total', 'Total Invoice Value', 'Invoice Value'],
    rchrg: ['Reverse Charge', 'Is Reverse Charge Applicable'],
    category: ['Taxability'],
    invType: ['Nature of Transaction', 'Invoice Type'],
    portCode: ['Port Code'],
    sbNum: ['Shipping Bill No.', 'Shipping Bill Number'],
    sbDate: ['Shipping Bill Date'],
    etin: ['E-Commerce GSTIN', 'E-Commerce Operator GSTIN'],
    origNum: ['Original Invoice No.', 'Original Invoice Number'],
    // low confidence (names guessed from TallyPrime's amendment screens, not seen in an export):
    // on a note Tally's original invoice is the one it is against; its date alone amends nothing
    origDate: ['Original Invoice Date', 'Original Invoice Dt.'],
  },
  signature: ['Voucher No.', 'Voucher Type', 'Particulars', 'GSTIN/UIN', 'Integrated Tax Amount', 'Central Tax Amount', 'State Tax Amount'],
  minSignature: 3,
  ignore: ['Rate', 'Value', 'Amount', 'Narration', 'Tax Amount', 'Total Tax Amount', 'GST Registration Type', 'Type of Supply', 'Per', 'Discount'],
};

/**
 * A generic ERP / GSP outward-supply export: one row per document line with the field names that
 * GSP upload formats and ERP "GSTR-1 outward register" exports use (DocumentType INV/CR/DR,
 * DocumentNumber, CustomerGSTIN, POS, HSNorSAC, TaxableValue, IntegratedTaxRate,
 * IntegratedTaxAmount, ..., InvoiceValue, ReverseChargeFlag, eComGSTIN), spaced or not.
 */
export const ERP_LAYOUT: RegisterLayout = {
  id: 'erp',
  name: 'ERP / GSP outward-supply register (DocumentNumber, CustomerGSTIN, HSNorSAC, TaxableValue...)',
  source: 'published GSP outward-supply upload formats and ERP GSTR-1 register exports (e-invoice style field names)',
  columns: {
    docType: ['DocumentType', 'Document Type', 'DocType'],
    docNum: ['DocumentNumber', 'Document Number', 'DocNo'],
    docDate: ['DocumentDate', 'Document Date', 'DocDate'],
    ctin: ['CustomerGSTIN', 'Customer GSTIN', 'BuyerGSTIN', 'Buyer GSTIN'],
    recipientName: ['CustomerName', 'Customer Name', 'BuyerLegalName', 'Buyer Legal Name'],
    pos: ['POS', 'PlaceOfSupply', 'Buyer POS'],
    rchrg: ['ReverseChargeFlag', 'ReverseCharge', 'Reverse Charges'],
    invType: ['SupplyType', 'Supply Type', 'InvoiceType'],
    expType: ['ExportType'],
    portCode: ['PortCode', 'Port'],
    sbNum: ['ShippingBillNumber', 'Shipping Bill No'],
    sbDate: ['ShippingBillDate', 'Shipping Bill Dt'],
    hsn: ['HSNorSAC', 'HSN Code', 'HSN'],
    desc: ['ProductDescription', 'Product Description', 'ItemDescription'],
    uqc: ['UnitOfMeasurement', 'UOM', 'Unit'],
    qty: ['Quantity', 'Qty'],
    rate: ['GSTRate', 'Gst Rate (%)', 'TaxRate'],
    igstRate: ['IntegratedTaxRate'],
    cgstRate: ['CentralTaxRate'],
    sgstRate: ['StateUTTaxRate'],
    diffPercent: ['DifferentialPercentage', 'ApplicablePercentage'],
    txval: ['TaxableValue', 'Taxable Value'],
    iamt: ['IntegratedTaxAmount', 'IGST Amount'],
    camt: ['CentralTaxAmount', 'CGST Amount'],
    samt: ['StateUTTaxAmount', 'SGST Amount'],
    csamt: ['CessAmountAdvalorem', 'CessAmount', 'Cess Amt'],
    val: ['InvoiceValue', 'Total Invoice Value', 'DocumentValue'],
    category: ['TaxCategory', 'SupplyCategory'],
    etin: ['eComGSTIN', 'ECommerceGSTIN', 'E-Comm GSTIN'],
    cancelled: ['IsCancelled', 'Cancelled'],
    origNum: ['OriginalDocumentNumber', 'OriginalInvoiceNumber'],
    // low confidence: GSP amendment formats' spellings of the original date, note and month
    origDate: ['OriginalDocumentDate', 'OriginalInvoiceDate'],
    origNoteNum: ['OriginalNoteNumber', 'OriginalCreditDebitNoteNumber'],
    origMonth: ['OriginalReturnPeriod', 'OriginalMonth'],
  },
  signature: ['DocumentNumber', 'DocumentDate', 'CustomerGSTIN', 'HSNorSAC', 'TaxableValue', 'IntegratedTaxAmount', 'InvoiceValue'],
  minSignature: 3,
  ignore: ['SupplierGSTIN', 'ReturnPeriod', 'LineNumber', 'CustomerCode', 'ProductCode', 'CessRateAdvalorem', 'CessRateSpecific', 'CessAmountSpecific'],
};

/** A Sales Invoice's status in ERPNext (the options of its Status field). */
const ERPNEXT_STATUSES: StatusWords = {
  issued: [
    'Submitted', 'Unpaid', 'Overdue', 'Partly Paid', 'Paid', 'Return', 'Credit Note Issued', 'Unpaid and Discounted',
    'Partly Paid and Discounted', 'Overdue and Discounted', 'Internal Transfer',
  ],
  cancelled: ['Cancelled'],
  notIssued: ['Draft'],
};

/**
 * ERPNext (with India Compliance): the Sales Register and Item-wise Sales Register reports
 * exported to Excel/CSV. Names as the reports show them: Invoice, Posting Date, Customer, Customer
 * Name, Billing Address GSTIN, Place of Supply, GST Category, Is Reverse Charge, HSN Code,
 * Stock Qty / Stock UOM, Net Total (taxable value), CGST / SGST / IGST Rate and Amount, Grand
 * Total, Is Return / Return Against. The export may start with filter lines above the header
 * and ends with a totals line labelled 'Total' (quotes included). A credit note is a return
 * (Is Return 1) with negative quantities and amounts: ERPNext makes returns as negative invoices
 * (frappe/erpnext#3582), read here as the note's positive amounts.
 */
export const ERPNEXT_LAYOUT: RegisterLayout = {
  id: 'erpnext',
  name: 'ERPNext Sales Register / Item-wise Sales Register export (Invoice, Posting Date, Billing Address GSTIN, Net Total...)',
  source: 'ERPNext report columns (accounts/report/sales_register, item_wise_sales_register) with the India Compliance GST columns',
  columns: {
    docType: ['Is Return'],
    docNum: ['Invoice', 'Sales Invoice', 'Invoice No'],
    docDate: ['Posting Date'],
    ctin: ['Billing Address GSTIN', 'Customer GSTIN', 'Tax Id'],
    recipientName: ['Customer Name', 'Customer'],
    pos: ['Place of Supply'],
    rchrg: ['Is Reverse Charge', 'Reverse Charge'],
    invType: ['GST Category'],
    hsn: ['HSN Code', 'GST HSN Code', 'HSN/SAC'],
    desc: ['Item Name', 'Description'],
    uqc: ['Stock UOM', 'UOM'],
    qty: ['Stock Qty', 'Qty'],
    igstRate: ['IGST Rate'],
    cgstRate: ['CGST Rate'],
    sgstRate: ['SGST Rate'],
    txval: ['Net Total', 'Taxable Value', 'Amount'],
    iamt: ['IGST Amount'],
    camt: ['CGST Amount'],
    samt: ['SGST Amount'],
    csamt: ['Cess Amount'],
    val: ['Grand Total'],
    etin: ['E-commerce GSTIN', 'Ecommerce GSTIN'],
    // India Compliance's Sales Invoice field (Liable to collect tax u/s 52(TCS) / Liable to pay tax u/s 9(5));
    // medium confidence that the register reports carry it as a column
    ecoLiability: ['E-commerce Supply Type', 'Ecommerce Supply Type'],
    origNum: ['Return Against'],
    // the Sales Register holds submitted invoices only; a Sales Invoice list exported with its Status
    // column also holds drafts and cancelled ones
    cancelled: ['Status'],
  },
  signature: ['Invoice', 'Posting Date', 'Customer', 'Billing Address GSTIN', 'Net Total', 'Grand Total', 'GST Category', 'Customer Group'],
  minSignature: 3,
  negativeReturns: true,
  ignore: [
    'Customer Group', 'Territory', 'Receivable Account', 'Mode Of Payment', 'Project', 'Owner', 'Remarks', 'Sales Order',
    'Delivery Note', 'Cost Center', 'Warehouse', 'Currency', 'Total Tax', 'Rounded Total', 'Outstanding Amount', 'Company',
    'Company GSTIN', 'Income Account', 'Item Code', 'Item Group', 'Rate', 'Total', 'Total Other Charges', 'Paid Amount',
  ],
  values: {
    docType: byKey({ Yes: 'Credit Note', 1: 'Credit Note', No: 'Invoice', 0: 'Invoice' }),
    invType: byKey({
      'Registered Regular': 'Regular', 'Registered Composition': 'Regular', Unregistered: 'Regular', 'UIN Holders': 'Regular',
      'Tax Deductor': 'Regular', 'Tax Collector': 'Regular', 'Input Service Distributor': 'Regular', Consumer: 'Regular',
      // the category says nothing of payment: the document's tax decides (export-payment.ts)
      SEZ: 'SEZ', Overseas: 'Export', 'Deemed Export': 'Deemed Export',
    }),
    rchrg: byKey({ 1: 'Y', 0: 'N' }),
    cancelled: statusValues(ERPNEXT_STATUSES),
  },
  statuses: ERPNEXT_STATUSES,
};

/** Zoho Books writes the place of supply as the state's two-letter abbreviation (KA, MH...). */
const STATE_ABBREVIATIONS: Record<string, string> = {
  JK: '01', HP: '02', PB: '03', CH: '04', UK: '05', UT: '05', HR: '06', DL: '07', RJ: '08', UP: '09', BR: '10', SK: '11',
  AR: '12', NL: '13', MN: '14', MZ: '15', TR: '16', ML: '17', AS: '18', WB: '19', JH: '20', OD: '21', OR: '21', CG: '22',
  CT: '22', MP: '23', GJ: '24', DN: '26', DD: '26', MH: '27', KA: '29', GA: '30', LD: '31', KL: '32', TN: '33', PY: '34',
  AN: '35', TS: '36', TG: '36', AP: '37', LA: '38',
};

/**
 * Zoho Books' invoice statuses (its help: invoice life cycle, invoice statuses, transaction
 * approval): an invoice is with the customer once Sent (or marked sent), then Unpaid, Overdue,
 * Partially Paid, Paid; Draft, Pending Approval, Approved (approved, not yet sent) and Rejected
 * ones were never issued. Credit notes: Open, Closed once issued.
 */
const ZOHO_STATUSES: StatusWords = {
  issued: ['Sent', 'Viewed', 'Unpaid', 'Overdue', 'Partially Paid', 'Paid', 'Written Off', 'Open', 'Closed'],
  cancelled: ['Void'],
  notIssued: ['Draft', 'Pending Approval', 'Approved', 'Rejected'],
};

/**
 * Zoho Books: the Invoices export (Sales › Invoices › Export, CSV or XLSX), one row per item line:
 * Invoice Date, Invoice Number, Invoice Status, Customer Name, GST Treatment, GST Identification
 * Number (GSTIN), Place of Supply, HSN/SAC, Quantity, Usage unit, Item Total (the
 * line's value before tax), CGST / SGST / IGST / CESS (amounts) and their "Rate %", Total.
 */
export const ZOHO_LAYOUT: RegisterLayout = {
  id: 'zoho',
  name: 'Zoho Books invoice export (Invoice Number, GST Treatment, GST Identification Number (GSTIN), Item Total...)',
  source: 'Zoho Books invoice export columns (Sales › Invoices › Export Invoices)',
  columns: {
    docNum: ['Invoice Number'],
    docDate: ['Invoice Date'],
    ctin: ['GST Identification Number (GSTIN)', 'GSTIN'],
    recipientName: ['Customer Name'],
    pos: ['Place of Supply', 'Place of Supply(With State Code)'],
    invType: ['GST Treatment'],
    hsn: ['HSN/SAC'],
    desc: ['Item Name', 'Item Desc'],
    uqc: ['Usage unit'],
    qty: ['Quantity'],
    igstRate: ['IGST Rate %'],
    cgstRate: ['CGST Rate %'],
    sgstRate: ['SGST Rate %'],
    txval: ['Item Total'],
    iamt: ['IGST'],
    camt: ['CGST'],
    samt: ['SGST'],
    csamt: ['CESS'],
    val: ['Total'],
    cancelled: ['Invoice Status'],
  },
  signature: ['GST Treatment', 'GST Identification Number (GSTIN)', 'Item Total', 'Usage unit', 'Invoice Status', 'Item Tax %'],
  minSignature: 2,
  ignore: [
    'Invoice ID', 'Customer ID', 'Currency Code', 'Exchange Rate', 'Item Price', 'Discount', 'Item Tax', 'Item Tax Amount',
    'Item Tax %', 'Item Tax Type', 'Item Type', 'SubTotal', 'Balance', 'CESS Rate %', 'Reverse Charge Tax Name', 'Supply Type', 'Due Date',
    'Payment Terms', 'Salesperson', 'Notes', 'Terms & Conditions', 'Product ID', 'Account',
  ],
  values: {
    invType: byKey({
      business_gst: 'Regular', business_none: 'Regular', consumer: 'Regular', business_registered_composition: 'Regular',
      // the treatment says nothing of payment: the document's tax decides (export-payment.ts)
      tax_deductor: 'Regular', business_sez: 'SEZ', deemed_export: 'Deemed Export', overseas: 'Export',
    }),
    pos: byKey(STATE_ABBREVIATIONS),
    cancelled: statusValues(ZOHO_STATUSES),
  },
  statuses: ZOHO_STATUSES,
};

/**
 * Busy: the sales register with GST details exported to Excel (Date, Vch/Bill No, Party Name,
 * GSTIN, HSN/SAC Code, Sale Type, Tax Rate, Taxable Amt., IGST / CGST / SGST / Cess Amt., Bill
 * Amt.). Its Sale Type says whether a sale is exempt, nil-rated, non-GST or an export
 * (busy-sale-type.ts).
 */
export const BUSY_LAYOUT: RegisterLayout = {
  id: 'busy',
  name: 'Busy sales register with GST details (Vch/Bill No, Party Name, Taxable Amt., IGST Amt., Bill Amt....)',
  source: 'Busy Accounting sales register / GST report export (column names as Busy shows them)',
  columns: {
    docNum: ['Vch/Bill No', 'Vch/Bill No.', 'Bill No.', 'Vch No.'],
    docDate: ['Date', 'Vch/Bill Date', 'Bill Date'],
    recipientName: ['Party Name', 'Party'],
    ctin: ['GSTIN', 'Party GSTIN', 'GSTIN/UIN'],
    pos: ['Place of Supply', 'State'],
    hsn: ['HSN/SAC Code', 'HSN/SAC'],
    desc: ['Item Name', 'Item'],
    uqc: ['Unit'],
    qty: ['Qty.', 'Qty'],
    rate: ['Tax Rate', 'GST Rate'],
    txval: ['Taxable Amt.', 'Taxable Amt', 'Taxable Amount'],
    iamt: ['IGST Amt.', 'IGST Amt', 'IGST Amount'],
    camt: ['CGST Amt.', 'CGST Amt', 'CGST Amount'],
    samt: ['SGST Amt.', 'SGST Amt', 'SGST Amount'],
    csamt: ['Cess Amt.', 'Cess Amt', 'Cess Amount'],
    val: ['Bill Amt.', 'Bill Amt', 'Bill Amount', 'Invoice Value'],
    category: ['Tax Type'],
    invType: ['Sale Type'],
  },
  signature: ['Vch/Bill No', 'Party Name', 'Taxable Amt.', 'IGST Amt.', 'CGST Amt.', 'SGST Amt.', 'Bill Amt.', 'HSN/SAC Code'],
  minSignature: 3,
  ignore: ['Material Centre', 'Narration', 'Price', 'Amount', 'Tax Amt.', 'Tax Amt'],
  readers: { invType: busySaleType },
};


export const PRESETS: readonly RegisterLayout[] = [GSTR1_LAYOUT, TALLY_LAYOUT, ERP_LAYOUT, ERPNEXT_LAYOUT, ZOHO_LAYOUT, BUSY_LAYOUT];

/**
 * Any register whose headers are the fields' usual names ("Invoice Number", "GSTIN of Recipient",
 * "IGST Amount"...): the names `gstr1 mapping init` places exactly. Tried last, so that a
 * preset's reading of a header (Tally's "Rate" is the item price) wins where one fits.
 */
export const GENERIC_LAYOUT: RegisterLayout = {
  id: 'generic',
  name: 'sales register with the usual column names (Invoice Number, Invoice Date, GSTIN of Recipient, Taxable Value...)',
  source: 'the register fields\' labels and other spellings (fields.ts), as gstr1 mapping init places them',
  columns: Object.fromEntries(REGISTER_FIELD_SPECS.map((s) => [s.field, [s.label, ...s.synonyms]])),
  signature: [],
  minSignature: 0,
  fallback: true,
};

/** Every layout a register is read with when no preset or mapping is named. */
export const AUTO_LAYOUTS: readonly RegisterLayout[] = [...PRESETS, GENERIC_LAYOUT];

export function presetById(id: string): RegisterLayout | undefined {
  return AUTO_LAYOUTS.find((p) => p.id === id.trim().toLowerCase());
}
