/**
 * Register layouts: which header carries which register field. Built-in presets cover the
 * toolkit's own register layout, TallyPrime's voucher-register exports and a generic ERP /
 * GSP outward-supply export; a mapping file (mapping.ts) describes anything else the same way.
 * A sheet is matched to the layout whose headers it carries best (header signature).
 */
import { REGISTER_FIELD_SPECS, type RegisterField } from './fields.js';

export interface RegisterLayout {
  /** `gstr1`, `tally`, `erp`, or `mapping` for a mapping file */
  readonly id: string;
  readonly name: string;
  /** where the header names come from */
  readonly source: string;
  /** the header texts that may carry each field, first preferred */
  readonly columns: Readonly<Partial<Record<RegisterField, readonly string[]>>>;
  /** headers that identify the layout: a sheet must carry at least `minSignature` of them */
  readonly signature: readonly string[];
  readonly minSignature: number;
  /** headers of the export that carry nothing GSTR-1 needs (not reported as unknown) */
  readonly ignore?: readonly string[];
  /** text values translated before reading a field: field → cell text → value the field understands */
  readonly values?: Readonly<Partial<Record<RegisterField, Readonly<Record<string, string>>>>>;
  /** a mapping file may name the sheet to read and the header row */
  readonly sheet?: string;
  readonly headerRow?: number;
}

/** The toolkit's own register layout: the canonical label of every field (see fields.ts). */
export const GSTR1_LAYOUT: RegisterLayout = {
  id: 'gstr1',
  name: 'gstr1 sales register',
  source: 'this toolkit (docs: register layout); labels follow the GSTR-1 template where one exists',
  columns: Object.fromEntries(REGISTER_FIELD_SPECS.map((s) => [s.field, [s.label]])),
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
  },
  signature: ['DocumentNumber', 'DocumentDate', 'CustomerGSTIN', 'HSNorSAC', 'TaxableValue', 'IntegratedTaxAmount', 'InvoiceValue'],
  minSignature: 3,
  ignore: ['SupplierGSTIN', 'ReturnPeriod', 'LineNumber', 'CustomerCode', 'ProductCode', 'CessRateAdvalorem', 'CessRateSpecific', 'CessAmountSpecific'],
};

export const PRESETS: readonly RegisterLayout[] = [GSTR1_LAYOUT, TALLY_LAYOUT, ERP_LAYOUT];

export function presetById(id: string): RegisterLayout | undefined {
  return PRESETS.find((p) => p.id === id.trim().toLowerCase());
}
