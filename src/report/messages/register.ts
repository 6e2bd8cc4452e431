/** Messages for sales registers (src/register): layouts and mappings, classification, derived tables. */
import { sectionLabel } from '../../register/summary.js';
import type { MessageEntry } from './types.js';
import { CLI_WORDS } from './hosts.js';
import { columnLetter } from '../annotate/names.js';
import { rupeeAmount as rs } from './amount.js';
import { columnValue } from './date.js';

const s = (v: unknown) => (v === undefined ? '' : String(v));

const SECTION_NAMES: Readonly<Record<string, string>> = {
  b2b: 'b2b (registered recipient)',
  b2cl: 'b2cl (large inter-State B2C)',
  b2cs: 'b2cs (other B2C)',
  cdnr: 'cdnr (notes, registered)',
  cdnur: 'cdnur (notes, unregistered)',
  exp: 'exp (export)',
  eco: 'Table 14 u/s 9(5)',
  cancelled: 'cancelled',
};
/** the summary's label for sections without a wording of their own (amendments, advances, Table 15) */
const section = (v: unknown) => SECTION_NAMES[s(v)] ?? sectionLabel(s(v)) ?? s(v);

export const REGISTER_MESSAGES: Record<string, MessageEntry> = {
  // ------------------------------------------------------------------ options and layouts
  OPTION_LAYOUT: {
    input: true,
    message: (p) => `--layout must be one of ${s(p.allowed)}, not "${s(p.value)}"`,
    hint: () => 'Use --layout register for a sales register, --layout template for the official template, or leave it out to detect.',
  },
  OPTION_PRESET: {
    input: true,
    message: (p) => `"${s(p.value)}" is not a register preset`,
    hint: (p) => `Use one of: ${s(p.allowed)}; or draft a mapping with gstr1 mapping init <file>.`,
  },
  OPTION_CONFLICT: {
    input: true,
    message: (p) => `${s(p.options)} cannot be used together`,
    hint: () => 'Give one of them.',
  },
  OPTION_MAPPING_ACTION: {
    input: true,
    message: (p) => `"${s(p.value)}" is not a mapping action`,
    hint: (p) => `Use one of: ${s(p.allowed)}, e.g. gstr1 mapping init sales.xlsx.`,
  },
  REGISTER_MAPPING_INVALID: {
    input: true,
    message: (p) => `The mapping file ${s(p.file)} cannot be used: ${s(p.detail)}`,
    hint: (_p, w = CLI_WORDS) => w.draftMapping,
  },
  REGISTER_HEADER_NOT_FOUND: {
    input: true,
    message: (p) =>
      p.layout
        ? `No sales-register header row found${p.sheet ? ` in sheet "${s(p.sheet)}"` : ''}; the closest (${s(p.layout)}) lacks: ${s(p.missing)}`
        : `No sales-register header row found in ${s(p.file)} (looked for ${s(p.layouts)}); it needs at least: ${s(p.missing)}`,
    hint: (_p, w = CLI_WORDS) =>
      `Rename those columns (or add them), or map your own headers: ${w.mapHeaders}.`,
  },
  REGISTER_MAPPING_COLUMN_ABSENT: {
    message: (p) => `The mapping names "${s(p.expected)}" for ${s(p.field)}, but the sheet has no such column${p.nearest ? `; nearest: ${s(p.nearest)}` : ''}`,
    hint: () => 'Correct the header text in the mapping file (it must match the register\'s header), or set the field to null.',
  },
  REGISTER_COLUMN_UNKNOWN: {
    message: (p) => `Column "${s(p.found)}" was not read; did you mean ${s(p.candidates)}?`,
    hint: (_p, w = CLI_WORDS) => `Rename the column to the field's header if it holds that data, or map it (${w.mapHeaders}).`,
  },
  REGISTER_COLUMN_DUPLICATE: {
    // at the first row that fills the second column, as a template sheet's HEADER_DUPLICATE_COLUMN
    message: (p) =>
      `The header row (row ${s(p.headerRow)}) has two ${s(p.field)} columns: "${s(p.first)}" (column ${columnLetter(Number(p.firstCol))}) was read; ` +
      `"${s(p.second)}" (column ${columnLetter(Number(p.secondCol))}) was not, but it is filled too (here "${columnValue(p.value, p.field)}")`,
    hint: (p) =>
      `Which of them holds the right figure cannot be told: keep the right figures in column ${columnLetter(Number(p.firstCol))} and delete column ` +
      `${columnLetter(Number(p.secondCol))}, or give column ${columnLetter(Number(p.secondCol))} another header if it holds something else.`,
  },
  REGISTER_COLUMN_IGNORED: {
    message: (p) => `Column "${s(p.found)}" is not one this register is read from; nothing in it is in the return`,
    hint: (_p, w = CLI_WORDS) =>
      'Check that nothing in it belongs in the return (freight or packing charged on an invoice is part of its taxable value). ' +
      `If something does, put it in the column it belongs to, or map the column (${w.mapHeaders}); otherwise delete the column.`,
  },
  REGISTER_COLUMN_GSTIN_UNREAD: {
    // at the column's first GSTIN; said only when the register has no recipient GSTIN column read
    message: (p) =>
      `Column "${s(p.found)}" holds GSTINs (here ${s(p.value)}; ${s(p.rows)} row${p.rows === 1 ? '' : 's'} in all) but is not read, and no column of this ` +
      'sheet is read as the recipient\'s GSTIN: every document read from it was taken as a supply to an unregistered recipient (B2C), whose buyer gets no credit for it',
    hint: (_p, w = CLI_WORDS) =>
      `If these are your buyers' GSTINs, map the column to the recipient's GSTIN, field ctin (${w.mapHeaders}): ` +
      'their invoices then go to b2b and their notes to cdnr. If they are not, nothing to do.',
  },
  REGISTER_COLUMN_SECOND_DIFFERS: {
    // the first row where the two disagree; the return takes the column read
    message: (p) =>
      `"${s(p.other)}" says "${columnValue(p.value, p.field)}" where "${s(p.read)}", read as the ${s(p.field)}, says "${columnValue(p.readValue, p.field)}"; the return uses "${s(p.read)}" (this is the first row where they differ)`,
    hint: (p, w = CLI_WORDS) =>
      `If "${s(p.other)}" is the right column, map the ${s(p.field)} to it (${w.mapHeaders}) or delete "${s(p.read)}"; otherwise nothing to do.`,
  },
  REGISTER_TEMPLATE_SHEET: {
    message: (p) => `Sheet "${s(p.sheet)}" is a GSTR-1 template sheet inside a sales-register workbook; it was skipped`,
    hint: () => 'Convert template sheets from their own workbook, or copy their lines into the register.',
  },

  // ------------------------------------------------------------------ rows
  REGISTER_DOC_TYPE: {
    message: (p) => `"${s(p.value)}" is not a document type`,
    hint: (p) => `Use ${s(p.allowed)}; or translate your own names in the mapping file's "values".`,
  },
  REGISTER_DOC_CELL_UNREAD: {
    // a continuation line of a document whose own cell above could not be read (its error is there)
    message: (p) => `This line of document ${s(p.document)} was left out: the document's ${s(p.field)} on row ${s(p.at)} could not be read, and this line leaves it blank`,
    hint: (p) => `Correct the ${s(p.field)} on row ${s(p.at)} (see the error there); this line is then read with it.`,
  },
  REGISTER_RATE_UNKNOWN: {
    message: (p) =>
      p.reason === 'amounts'
        ? `The tax amounts (Rs ${rs(p.tax)}) on a taxable value of Rs ${rs(p.txval)} match no GST rate`
        : 'The line has no GST rate, and no tax amounts to work it out from',
    hint: () => 'Add a GST rate column (18 for 18 %), or check the taxable value and tax amounts of this line.',
  },
  REGISTER_VALUE_UNKNOWN: {
    // only Busy's Sale Type has a reader: a value a business named itself
    message: (p) =>
      `"${s(p.value)}" is not a ${p.layout === 'busy' ? 'Busy sale type' : 'value'} this tool knows: lines with it are read as taxable, ` +
      'at the rate and tax their own columns give (said once, at its first cell)',
    hint: (_p, w = CLI_WORDS) =>
      'If it is a sale type for exempt, nil-rated or non-GST supplies, or for exports, put that in its name (e.g. L/GST-Exempt, Export (LUT)) ' +
      `or translate it under "values" in a mapping file (${w.mapHeaders}); if it is taxable, nothing to do.`,
  },
  REGISTER_NO_TAX_RATE: {
    message: (p) =>
      `${p.type === 'SEWOP' ? 'SEZ supply' : 'Export'} ${s(p.document)} carries no tax, so it is reported without payment (${s(p.type)}, under bond/LUT); ` +
      (p.basis === 'rates'
        ? 'its tax-rate columns are 0, which says no tax was charged, not the goods\' GST rate: its items are reported at rate 0'
        : 'the register gives no GST rate for its items (the tax amounts are blank): they are reported at rate 0'),
    hint: () =>
      'A supply without payment is reported with its items\' GST rate and no IGST: add a GST Rate column (18 for 18 %) with the goods\' rate, ' +
      'or nothing to do if they are 0 % goods. If IGST was paid, fill in its amount.',
  },
  REGISTER_RETURN_SIGNS: {
    message: (p) =>
      `Return ${s(p.document)} has amounts of both signs: this cell and "${s(p.first)}" differ. The export writes a return's amounts all negative, ` +
      'so which is right cannot be told; the line was not read',
    hint: () => 'Make every amount of the return negative, as the export writes it (or every one positive), and convert again.',
  },
  REGISTER_RETURN_POSITIVE: {
    message: (p) =>
      `Return ${s(p.document)} has positive amounts, where the export writes a return's amounts negative; they were read as given, as a credit note of these amounts`,
    hint: () => 'Check the return in your books: if it was edited after the export, export it again. Nothing to do if the amounts are right.',
  },
  REGISTER_TAX_BLANK: {
    message: (p) =>
      `The tax amounts of this line are blank, but document ${s(p.document)} has an invoice value of Rs ${rs(p.val)}, ` +
      `more than its taxable value and tax shown (Rs ${rs(p.shown)}): tax was charged at a rate the register does not show`,
    hint: () => 'Fill in the IGST, or CGST and SGST, amounts of the line, or add a GST rate column (18 for 18 %). If the supply is nil-rated or exempt, say so in a Supply Category column.',
  },
  REGISTER_POS_DEFAULTED: {
    message: (p) =>
      p.basis === 'no-column'
        ? "The register has no place-of-supply column: each document's recipient GSTIN state was used, or your own state for an unregistered recipient"
        : p.basis === 'recipient'
          ? `Place of supply is blank; ${s(p.pos)} (the recipient's GSTIN state) was used`
          : `Place of supply is blank; your own state ${s(p.pos)} was used (an intra-State sale)`,
    hint: () => 'Fill in the place of supply if the goods or services went to another state.',
  },
  REGISTER_GSTIN_NEEDED: {
    message: (p) => `An invoice of type ${s(p.invType)} needs the recipient's GSTIN`,
    hint: () => 'SEZ supplies and deemed exports go to registered recipients: enter their GSTIN, or correct the invoice type.',
  },
  REGISTER_CANCEL_MISMATCH: {
    message: (p) => `Lines of document ${s(p.document)} disagree on whether it is cancelled; its first line decides`,
    hint: () => 'Mark every line of a cancelled document cancelled, or none.',
  },
  REGISTER_NOT_ISSUED: {
    message: (p) => `Document ${s(p.document)} has the status "${s(p.status)}", so it was not issued: it is left out of the return, and its number is not counted in Table 13`,
    hint: () => 'Nothing to do if it was never issued. If it was, give it an issued status in your books (in Zoho Books: mark it as sent) and export the register again.',
  },
  REGISTER_DOC_SPLIT: {
    message: (p) => `This line of document ${s(p.document)} belongs in ${section(p.now)}, but its earlier lines went to ${section(p.first)}`,
    hint: () => 'Every line of one document must have the same recipient, place of supply, invoice type and export details.',
  },
  REGISTER_MONTH: {
    message: (p) => `"${s(p.value)}" is not a month`,
    hint: (p) => `Write the month and year first reported, e.g. ${s(p.allowed)}.`,
  },
  REGISTER_ORIGINAL_MISSING: {
    message: (p) =>
      p.needs === 'month'
        ? `This amendment goes to ${section(p.section)}, which needs the month first reported; the row has none`
        : `This amendment goes to ${section(p.section)}, which needs the original document's date; the row has none`,
    hint: (p) =>
      p.needs === 'month'
        ? 'Fill in the Original Month (e.g. September 2025) or the Original Document Date.'
        : 'Fill in the Original Document Date (and the original number if it changed), or clear the original columns if the row amends nothing.',
  },
  REGISTER_AMENDMENT_UNSUPPORTED: {
    message: (p) => `This row names an original document, but ${section(p.section)} has no amendment table`,
    hint: () => 'Report the revised figures of Table 8 (or Table 14) in the period they change, without the original columns; or clear the original columns.',
  },
  REGISTER_TABLE15_DOCUMENT: {
    message: (p) =>
      p.reason === 'note'
        ? 'A credit or debit note cannot be reported in Table 15 (supplies on which you pay tax u/s 9(5) as the e-commerce operator)'
        : `A ${s(p.category) === 'nongst' ? 'non-GST' : s(p.category)} supply cannot be reported in Table 15: it holds taxable supplies on which you pay the tax u/s 9(5)`,
    hint: () => 'Report the revised supply in Table 15A (an amendment with the original number and date), or clear the Supplier GSTIN if the supply is your own.',
  },
  REGISTER_HSN_MISSING: {
    message: () => 'HSN/SAC is blank; the line is left out of the HSN summary (Table 12)',
    hint: () => 'Enter the HSN (goods) or SAC (services) code of the line.',
  },
  REGISTER_UQC_MISSING: {
    message: (p) => `No unit (UQC) for HSN ${s(p.hsn)}; the HSN summary uses OTH`,
    hint: () => 'Add a UQC column (NOS, KGS, ...) or write the unit after the quantity, e.g. "10 Nos".',
  },
  REGISTER_NO_HSN: {
    message: (p) => `${s(p.file)} has no HSN/SAC column; no HSN summary (Table 12) was made`,
    hint: () => 'Add an HSN/SAC column to the register (Table 12 is mandatory), or add the hsn sheets of the template yourself.',
  },
  REGISTER_SERIES_GAPS: {
    message: (p) => `The document series ${s(p.from)} … ${s(p.to)} has ${s(p.gaps)} numbers missing but only ${s(p.documents)} documents; the missing ones are reported as cancelled`,
    hint: () => 'Check the series shown in the summary; numbers from two different series may have been taken for one.',
  },
};
