/**
 * The rule catalogue: every rule module of this folder, in the order their findings are made
 * (identifiers, place of supply and tax heads, document numbers, dates, amounts and rates, HSN,
 * Table 13, then the whole-return checks). A test proves each file here is listed, has a unique
 * code, a message and a hint, and a sibling test; docs/rules.md is generated from this list.
 */
import type { Rule } from '../types.js';
import recipientGstin from './recipient-gstin.js';
import ecommerceGstin from './ecommerce-gstin.js';
import ecomSupplierGstin from './ecom-supplier-gstin.js';
import ecomPeriod from './ecom-period.js';
import b2csTypeE from './b2cs-type-e.js';
import posCode from './pos-code.js';
import posUnlisted from './pos-unlisted.js';
import posExportBlank from './pos-export-blank.js';
import b2clPos from './b2cl-pos.js';
import taxHeads from './tax-heads.js';
import sezInterState from './sez-inter-state.js';
import reverseChargeType from './reverse-charge-type.js';
import docnumFormat from './docnum-format.js';
import docnumZero from './docnum-zero.js';
import docnumZeroLike from './docnum-zero-like.js';
import duplicateDocument from './duplicate-document.js';
import invoiceDate from './invoice-date.js';
import noteDate from './note-date.js';
import dateTooOld from './date-too-old.js';
import cdnTimeLimit from './cdn-time-limit.js';
import amendTimeLimit from './amend-time-limit.js';
import amendSamePeriod from './amend-same-period.js';
import revisedDate from './revised-date.js';
import revisedDateLate from './revised-date-late.js';
import shippingBillDate from './shipping-bill-date.js';
import shippingBill from './shipping-bill.js';
import rateList from './rate-list.js';
import diffPercent from './diff-percent.js';
import b2clValue from './b2cl-value.js';
import exportTax from './export-tax.js';
import withPaymentNoTax from './with-payment-no-tax.js';
import amountDigits from './amount-digits.js';
import invoiceSign from './invoice-sign.js';
import noteSign from './note-sign.js';
import advanceSign from './advance-sign.js';
import ecoSign from './eco-sign.js';
import taxTolerance from './tax-tolerance.js';
import hsnTaxRounding from './hsn-tax-rounding.js';
import hsnLength from './hsn-length.js';
import hsnMandatory from './hsn-mandatory.js';
import hsnInMaster from './hsn-in-master.js';
import uqc from './uqc.js';
import quantity from './quantity.js';
import hsnRepeated from './hsn-repeated.js';
import docsCancelled from './docs-cancelled.js';
import iffSections from './iff-sections.js';
import iffValueLimit from './iff-value-limit.js';
import iffDuplicate from './iff-duplicate.js';
import gstr1aPeriod from './gstr1a-period.js';
import gstr1aOriginalPeriod from './gstr1a-original-period.js';
import hsnTotals from './hsn-totals.js';
import docsCount from './docs-count.js';
import docsMissing from './docs-missing.js';
import returnEmpty from './return-empty.js';
import hsnB2bEmpty from './hsn-b2b-empty.js';
import retsaveSchema from './retsave-schema.js';
import timeBar from './time-bar.js';

export const RULES: readonly Rule[] = [
  recipientGstin,
  ecommerceGstin,
  ecomSupplierGstin,
  ecomPeriod,
  b2csTypeE,
  posCode,
  posUnlisted,
  posExportBlank,
  b2clPos,
  taxHeads,
  sezInterState,
  reverseChargeType,
  docnumFormat,
  docnumZero,
  docnumZeroLike,
  duplicateDocument,
  invoiceDate,
  noteDate,
  dateTooOld,
  cdnTimeLimit,
  amendTimeLimit,
  amendSamePeriod,
  gstr1aOriginalPeriod,
  revisedDate,
  revisedDateLate,
  shippingBillDate,
  shippingBill,
  rateList,
  diffPercent,
  b2clValue,
  exportTax,
  withPaymentNoTax,
  amountDigits,
  invoiceSign,
  noteSign,
  advanceSign,
  ecoSign,
  taxTolerance,
  hsnTaxRounding,
  hsnLength,
  hsnMandatory,
  hsnInMaster,
  uqc,
  quantity,
  hsnRepeated,
  docsCancelled,
  iffSections,
  iffValueLimit,
  iffDuplicate,
  hsnTotals,
  docsCount,
  docsMissing,
  returnEmpty,
  hsnB2bEmpty,
  retsaveSchema,
  timeBar,
  gstr1aPeriod,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
