/**
 * Messages for the validation rules (src/validators/rules): what is wrong with the row, and how
 * to fix it, in the words of the GSTR-1 template and the GST portal. `value` and `column` come
 * from the finding's cell; the other parameters from the rule.
 */
import type { Params } from '../../model/finding.js';
import type { MessageEntry } from './types.js';
import { CLI_WORDS } from './hosts.js';
import { rupeeAmount as rs } from './amount.js';
import { periodInWords } from './period.js';
import { dateShown } from './date.js';

const s = (v: unknown) => (v === undefined ? '' : String(v));
const cell = (p: Params) => (p.value ? `"${s(p.value)}"` : 'This value');
/** the return period of the finding (a quarterly filer's quarter when `quarterly`) */
const period = (p: Params) => periodInWords(p.period, p.quarterly);

/** What the tax is on: an advance's gross amount (Table 11), else the taxable value. */
const taxBase = (p: Params) => (p.base === 'advance' ? 'gross advance' : 'taxable value');

/**
 * How far an HSN row's tax is from taxable value × rate (RET91708, HSN_TAX_ROUNDING): the tax
 * expected is one amount, or a band from `expected` to `expectedTo` (a row that may mix supplies
 * at 65 % of the rate).
 */
function taxOff(p: Params): string {
  const expected = !('expectedTo' in p) ? `Rs ${rs(p.expected)}` : `Rs ${rs(p.expected)} to Rs ${rs(p.expectedTo)}`;
  const base = taxBase(p);
  return p.head === 'total'
    ? `The tax on this row is Rs ${rs(p.difference)} away from ${base} × rate (${expected})`
    : `${s(p.column) || 'The tax'} is Rs ${rs(p.difference)} away from the tax the ${base} and rate give (${expected})`;
}

/** An HSN row short of the full tax in a return with no supply marked at 65 % of the rate (in the row's tab). */
function unmarked65(p: Params): string {
  if (!p.unmarked65) return '';
  const tab = p.unmarked65 === 'b2b' ? ' B2B' : p.unmarked65 === 'b2c' ? ' B2C' : '';
  return ` No${tab} invoice or note in this return has Applicable % of Tax Rate 65, so the full tax is expected; if some supplies in this row are taxed at 65 % of the rate, put 65 in that column on their invoices.`;
}

/** Why the time for a year's credit notes or amendments is over (CDN_TIME_LIMIT, AMEND_TIME_LIMIT). */
function timeLimit(p: Params): string {
  switch (p.reason) {
    case 'annual-return':
      return `the annual return for its financial year was filed on ${s(p.deadline)}, which ends the time limit`;
    case 'september':
      return `the last return for its financial year was the one for ${periodInWords(p.lastReturn)}`;
    default:
      return `the time limit for its financial year ended on ${s(p.deadline)}; the ${periodInWords(p.lastReturn)} return was the last one filed by then`;
  }
}

/**
 * Why a Table 15 supply is inter- or intra-State (RET191150, ECOM_SUPPLY_TYPE): the supplier's
 * State (an unregistered supplier's is taken to be the operator's) against the place of supply.
 */
function table15States(p: Params): string {
  if (!('state' in p)) return ''; // `in`: the rules doc renders a finding's names as <name>
  const from = p.whose === 'operator' ? `an unregistered supplier is taken to be in your State, ${s(p.state)},` : `the supplier's State (from its GSTIN) is ${s(p.state)},`;
  return p.state === p.pos ? `: ${from} the same as the place of supply` : `: ${from} and the place of supply is ${s(p.pos)}`;
}

/** Supplies without payment of tax (RET191150 `notax`), by type, and the type to use when tax was paid. */
const NO_TAX_SUPPLY: Record<string, string> = {
  SEWOP: 'SEZ supplies without payment carry no tax',
  WOPAY: 'An export without payment of tax (WOPAY, under bond or LUT) carries no tax',
  EXPWOP: 'A note on an export without payment of tax (EXPWOP) carries no tax',
};
const NO_TAX_OTHERWISE: Record<string, string> = {
  SEWOP: 'use "SEZ supplies with payment"',
  WOPAY: 'use Export Type WPAY (with payment of IGST)',
  EXPWOP: 'use UR Type EXPWP (export with payment of IGST)',
};

export const RULE_MESSAGES: Record<string, MessageEntry> = {
  // ------------------------------------------------------------------ identifiers
  RET191113: {
    message: (p) => {
      switch (p.reason) {
        case 'checksum':
          return `${cell(p)} is not a valid GSTIN/UIN: its last character (the check character) does not match the first 14`;
        case 'supplier':
          return `${cell(p)} is your own GSTIN; the recipient must be another person`;
        case 'oidar':
          return `${cell(p)} is an OIDAR registration, which cannot be a B2B recipient`;
        case 'tds-k':
          return `${cell(p)} is a TDS registration with K as its 14th character; the Offline Tool accepts only D there for a GSTR-1 recipient`;
        default:
          return `${cell(p)} is not a GSTIN, UIN, TDS or non-resident registration`;
      }
    },
    hint: (p) =>
      p.reason === 'supplier'
        ? "Enter the buyer's GSTIN/UIN; supplies to yourself are not reported here."
        : p.reason === 'oidar'
          ? 'Report the supply as B2C (b2cs or b2cl) unless the buyer has a GSTIN.'
          : "Copy the buyer's 15-character GSTIN/UIN exactly from their invoice or the GST portal search, e.g. 27AAACR5055K1Z7.",
  },
  RET191152: {
    message: (p) => {
      switch (p.reason) {
        case 'not-allowed':
          return 'E-Commerce GSTIN must be blank in this sheet from the January 2024 return';
        case 'b2cs':
          return 'E-Commerce GSTIN must be blank for B2C (small) supplies of Type OE';
        case 'checksum':
          return `${cell(p)} is not a valid GSTIN: its check character does not match`;
        case 'not-tcs':
          return `${cell(p)} is not the operator's TCS registration (the 14th character must be C)`;
        case 'supplier':
          return `${cell(p)} is your own GSTIN, not the e-commerce operator's`;
        case 'recipient':
          return `${cell(p)} is the recipient's GSTIN, not the e-commerce operator's`;
        default:
          return `${cell(p)} is not a GSTIN of an e-commerce operator`;
      }
    },
    hint: (p) =>
      p.reason === 'not-allowed' || p.reason === 'b2cs'
        ? 'Clear the column; report supplies made through an e-commerce operator in Table 14 (sheet eco) instead.'
        : p.reason === 'not-tcs'
          ? 'For supplies where the operator collects TCS (u/s 52), give its TCS GSTIN, e.g. 27AAACR5055K1CI.'
          : "Copy the operator's GSTIN exactly from its statement or the GST portal search.",
  },
  B2CS_TYPE_E: {
    message: (p) =>
      p.reason === 'no-operator'
        ? 'Type E (through an e-commerce operator) needs the operator\'s GSTIN in E-Commerce GSTIN'
        : 'Type E (through an e-commerce operator) is not accepted from the January 2024 return',
    hint: (p) =>
      p.reason === 'no-operator'
        ? 'Enter the e-commerce operator\'s GSTIN, or change the Type if the supply did not go through an operator.'
        : 'Change the Type, and report the supplies made through the operator in Table 14 (sheet eco).',
  },

  // ------------------------------------------------------------------ place of supply, tax heads
  RET191112: {
    message: (p) => {
      switch (p.reason) {
        case 'foreign-uin':
          return '96-Foreign Country cannot be the place of supply for a UIN holder';
        case 'required':
          return 'Place of supply is required on a note for a B2CL invoice';
        case 'old-ap':
          return '28 is the old Andhra Pradesh code: the portal\'s JSON structure has no place of supply 28, so the upload would be refused';
        default:
          return `${cell(p)} is not a state code of the place-of-supply list`;
      }
    },
    hint: (p) =>
      p.reason === 'old-ap'
        ? 'Use 37-Andhra Pradesh (or 36-Telangana) for supplies after the 2014 bifurcation.'
        : 'Use the 2-digit state code, e.g. 27-Maharashtra (97-Other Territory for offshore areas; 28 is no longer used, use 37-Andhra Pradesh).',
  },
  POS_UNLISTED: {
    message: () =>
      '96-Foreign Country is offered as a place of supply only for B2B invoices and registered credit/debit notes; the portal may reject it here',
    hint: () => 'Report exports in the exp sheet, or give the state where the supply is made.',
  },
  POS_EXPORT_NOT_BLANK: {
    message: () => 'Place of supply must be blank on a note for an export (UR Type EXPWP or EXPWOP)',
    hint: () => 'Clear the Place Of Supply cell; the portal rejects export notes that carry one.',
  },
  RET191160: {
    message: (p) => `Place of supply ${s(p.value)} is your own state; a B2CL supply is inter-State`,
    hint: () => 'Report intra-State sales to unregistered buyers in b2cs; otherwise correct the place of supply.',
  },
  RET191150: {
    message: (p) => {
      switch (p.reason) {
        case 'sez':
          return 'An SEZ unit or developer reports IGST only, not Central or State/UT tax';
        case 'notax':
          return `${NO_TAX_SUPPLY[s(p.type)] ?? 'This supply carries no tax'}, so ${s(p.column) || 'this amount'} must be 0`;
        case 'inter':
          return `An inter-State supply is taxed with Integrated Tax only, not Central or State/UT tax${table15States(p)}`;
        case 'intra':
          return `An intra-State supply is taxed with Central and State/UT tax, not Integrated Tax${table15States(p)}`;
        default:
          return 'Central Tax and State/UT Tax must be equal';
      }
    },
    hint: (p, w = CLI_WORDS) =>
      p.reason === 'sez'
        ? `Move the tax into Integrated Tax Amount, or ${w.unset('--sez')} if you are not an SEZ unit or developer.`
        : p.reason === 'notax'
          ? `Clear the amount, or ${NO_TAX_OTHERWISE[s(p.type)] ?? 'use the type with payment of tax'} if tax was charged.`
          : p.reason === 'inter' || p.reason === 'intra'
            ? 'Check the place of supply; if it is right, put the tax under the right heads (half Central, half State/UT tax within a State).'
            : 'Each is half of the tax at the full rate; split the intra-State tax into two equal halves.',
  },
  RET191189: {
    message: () => 'An SEZ unit or developer has no intra-State supplies; this amount must be 0',
    hint: () => 'Report the amount on the matching Inter-State row instead.',
  },
  INVTYPE_RCHRG: {
    message: (p) =>
      p.type === 'CBW'
        ? 'Reverse Charge must be Y for "Intra-State supplies attracting IGST"; the Offline Tool and the portal refuse it with N'
        : p.type === 'DE'
          ? 'Reverse Charge must be N for a deemed export; the Offline Tool and the portal refuse it under reverse charge'
          : 'Reverse Charge must be N for an SEZ supply; the Offline Tool and the portal refuse it under reverse charge',
    hint: (p) => `Set Reverse Charge to ${s(p.expected)}, or correct the Invoice Type.`,
  },

  // ------------------------------------------------------------------ document numbers
  DOCNUM_FORMAT: {
    message: (p) =>
      p.reason === 'length'
        ? `${cell(p)} has ${s(p.length)} characters; document numbers may have at most 16`
        : `${cell(p)} may contain only letters, digits, "-" and "/"`,
    hint: () => 'Use the number as printed on the document, without spaces or other signs, e.g. INV/2025-26/001 (Rule 46).',
  },
  DOCNUM_ZERO: {
    message: (p) => `${cell(p)} is not a valid document number: it is zero`,
    hint: () => 'Enter the real document number; it needs at least one letter or a digit other than 0.',
  },
  DOCNUM_ZERO_LIKE: {
    message: (p) => `${cell(p)} has no letter or non-zero digit; the Offline Tool accepts it, but it is no real document number and the portal may reject it`,
    hint: () => 'Enter the real document number from the invoice or note.',
  },
  RET191190: {
    message: (p) =>
      `Number ${s(p.number)} is already used in ${s(p.firstSheet)} row ${s(p.firstRow)}${p.firstFile && p.firstFile !== p.file ? ` of ${s(p.firstFile)}` : ''}`,
    hint: () =>
      'Each invoice or note number may be reported once in a return (capitals do not make it different); remove the duplicate or correct the number.',
  },

  // ------------------------------------------------------------------ dates
  RET191114: {
    message: (p) => {
      switch (p.reason) {
        case 'after-period':
          return `Invoice date ${dateShown(p.value)} is after the return period (last day ${dateShown(p.limit)})`;
        case 'before-registration':
          return `Invoice date ${dateShown(p.value)} is before your registration (${dateShown(p.limit)})`;
        default:
          return `Invoice date ${dateShown(p.value)} is before GST began (01-07-2017)`;
      }
    },
    hint: (p, w = CLI_WORDS) =>
      p.reason === 'after-period'
        ? "Report the invoice in the return for its own month, or check the return period and the date's day/month order."
        : p.reason === 'before-registration'
          ? `Check the date and ${w.option('--registration-date')}; invoices from before registration are not reported in GSTR-1.`
          : "Check the date and its day/month/year order; GST began on 01-07-2017.",
  },
  RET191126: {
    message: (p) => {
      switch (p.reason) {
        case 'after-period':
          return `Note date ${dateShown(p.value)} is after the return period (last day ${dateShown(p.limit)})`;
        case 'before-registration':
          return `Note date ${dateShown(p.value)} is before your registration (${dateShown(p.limit)})`;
        default:
          return `Note date ${dateShown(p.value)} is before GST began (01-07-2017)`;
      }
    },
    hint: (p, w = CLI_WORDS) =>
      p.reason === 'after-period'
        ? "Report the note in the return for its own month, or check the return period and the date's day/month order."
        : p.reason === 'before-registration'
          ? `Check the date and ${w.option('--registration-date')}; notes dated before registration are not reported in GSTR-1.`
          : "Check the date and its day/month/year order; GST began on 01-07-2017.",
  },
  DATE_TOO_OLD_18M: {
    message: (p) => `Date ${dateShown(p.value)} is more than 18 months before the return period (before ${dateShown(p.limit)})`,
    hint: () => 'Check the date; the portal may reject documents this old. If it is right, report it and keep the reason on file.',
  },
  CDN_TIME_LIMIT: {
    message: (p) => `This credit note can no longer be reported: ${timeLimit(p)}`,
    hint: () =>
      'Section 34(2) allows credit notes for a year only in a return filed by 30 November after it ends (or the annual return, if earlier); check the note date, or settle the difference outside GSTR-1.',
  },
  AMEND_TIME_LIMIT: {
    message: (p) => `Documents of this financial year can no longer be amended: ${timeLimit(p)}`,
    hint: () =>
      'Amendments for a year are allowed only in a return filed by 30 November after it ends, or before the annual return if earlier (Section 37(3)); check the original date or year.',
  },
  RET191120: {
    message: (p) =>
      `The revised invoice date is in this return period; it cannot be later than the original invoice's period, which ended by ${dateShown(p.limit)}`,
    hint: () => "Enter the date of the invoice as corrected, not the date of the amendment; it must fall in the original invoice's period.",
  },
  REVISED_DATE_LATE: {
    message: (p) =>
      `The revised invoice date is after ${dateShown(p.limit)}, the end of the original invoice date's period; the portal refuses it unless the original was reported in a later return`,
    hint: () => "Check the revised date: it must fall in the period of the return that first reported the invoice.",
  },
  RET191198: {
    message: (p) => {
      switch (p.reason) {
        case 'month':
          return 'The original month is not before this return period; an amendment changes an earlier return';
        case 'before-gst':
          return 'The original month is before GST began (July 2017)';
        default:
          return `Original date ${dateShown(p.value)} is not before this return period (${dateShown(p.limit)} onwards)`;
      }
    },
    hint: () =>
      'Change a document of this period in its own sheet (b2b, b2cl, exp, cdnr…) rather than as an amendment; or check the original date/month.',
  },
  RET191176: {
    message: (p) =>
      p.reason === 'future'
        ? `Shipping bill date ${dateShown(p.value)} is in the future (today is ${dateShown(p.limit)})`
        : `Shipping bill date ${dateShown(p.value)} is before the invoice date ${dateShown(p.limit)}`,
    hint: () => 'Enter the date printed on the shipping bill; it cannot be before the invoice or after today.',
  },
  EXP_SHIPPING_BILL: {
    message: (p) => {
      switch (p.reason) {
        case 'port':
          return `Port code ${cell(p)} is not valid: it has 1 to 6 letters or digits`;
        case 'date-missing':
          return 'Shipping Bill Date is missing although a Shipping Bill Number is given';
        case 'number-missing':
          return 'Shipping Bill Number is missing although a Shipping Bill Date is given';
        default:
          return `Shipping bill number ${cell(p)} is not valid: it has 3 to 7 digits`;
      }
    },
    hint: (p) =>
      p.reason === 'port'
        ? 'Use the 6-character port code of the shipping bill, e.g. INNSA1.'
        : 'Give both the shipping bill number (digits only) and its date, or leave both blank until the bill is issued.',
  },

  // ------------------------------------------------------------------ amounts and rates
  RET191175: {
    message: (p) => `${cell(p)} is not a GST rate for this return period`,
    hint: (p) => `Enter the full rate (IGST-equivalent, e.g. 18 rather than 9 + 9), one of: ${s(p.rates)}.`,
  },
  DIFF_PERCENT: {
    message: (p) =>
      p.reason === 'export'
        ? 'Applicable % of Tax Rate must be blank on a note for an export'
        : `Applicable % of Tax Rate ${cell(p)} is not allowed; it is blank (100 %) or 65`,
    hint: () => 'Leave it blank unless the supply is notified at 65 % of the rate; then enter 65.',
  },
  RET191180: {
    message: (p) => `Invoice value ${rs(p.value)} is not more than the B2CL limit (Rs ${rs(p.limit)}) for this period`,
    hint: () => 'Report inter-State sales to unregistered buyers up to the limit in b2cs (summarised by state and rate).',
  },
  EXP_TYPE_TAX: {
    message: (p) => `${s(p.type)} supplies are made without payment of tax, so cess must be 0`,
    hint: () => 'Clear the cess, or use WPAY (EXPWP for notes) if tax was paid on the export.',
  },
  WITH_PAYMENT_NO_TAX: {
    message: (p) =>
      p.type === 'SEWP'
        ? 'This SEZ supply is marked "with payment" (SEWP), but every item is at rate 0 with no IGST: no tax was paid on it'
        : `This export is marked "with payment of IGST" (${s(p.type)}), but every item is at rate 0 with no IGST: no tax was paid on it`,
    hint: (p) =>
      p.type === 'SEWP'
        ? 'If it went under bond or LUT, make it "SEZ supplies without payment" (SEWOP) with the items\' GST rate; if IGST was paid, give the rate and the IGST.'
        : `If it went under bond or LUT, make it ${p.type === 'EXPWP' ? 'EXPWOP' : 'WOPAY'} with the items' GST rate; if IGST was paid, give the rate and the IGST.`,
  },
  INVOICE_SIGN: {
    message: (p) => `${s(p.column) || 'The amount'} ${rs(p.value)} is negative; invoices cannot have negative amounts`,
    hint: () => 'Enter the invoice with positive amounts, and report reductions as a credit note in cdnr or cdnur.',
  },
  NOTE_SIGN: {
    message: (p) =>
      p.reason === 'not-positive'
        ? `Taxable value ${rs(p.value)} must be more than 0 on a note`
        : `${s(p.column) || 'The amount'} ${rs(p.value)} must not be negative on a note`,
    hint: () => 'Enter note amounts as positive figures; Note Type (C or D) says whether it reduces or adds.',
  },
  ADVANCE_SIGN: {
    message: (p) => {
      switch (p.reason) {
        case 'zero':
          return 'Gross advance received is 0; leave the row out instead';
        case 'cess-sign':
          return 'Cess must have the same sign as the gross advance received';
        default:
          return `${s(p.column) || 'The amount'} ${rs(p.value)} must not be negative for advances adjusted`;
      }
    },
    hint: (p) =>
      p.reason === 'negative'
        ? 'Enter advances adjusted as positive amounts; refunds of advances are netted in the advance-received sheet.'
        : p.reason === 'zero'
          ? 'Remove the row, or enter the advance received (net of refunds) for this place of supply and rate.'
          : 'Advances received may be negative (net of refunds), but the advance and its cess must go the same way.',
  },
  ECOM_SUPPLIER_GSTIN: {
    message: (p) => {
      switch (p.reason) {
        case 'checksum':
          return `${cell(p)} is not a valid GSTIN: its last character (the check character) does not match the first 14`;
        case 'tcs':
          return `${cell(p)} is an e-commerce operator's TCS registration, not the GSTIN of the supplier`;
        case 'operator':
          return `${cell(p)} is your own GSTIN; in Table 15 the supplier is the person who sold through you`;
        case 'recipient':
          return `${cell(p)} is also the recipient's GSTIN; supplier and recipient must differ`;
        default:
          return `${cell(p)} is not a GSTIN (15 characters: State code, PAN, entity number, Z, check character)`;
      }
    },
    hint: () => 'Enter the supplier\'s own GSTIN as on its registration certificate; a supplier without one goes on the ecourp2b or ecourp2c sheet.',
  },
  ECOM_PERIOD: {
    message: (p) => `Table ${s(p.table)} is reported from the ${periodInWords(p.from)} period; the ${period(p)} return has no place for sheet ${s(p.sheet)}`,
    hint: () => 'Remove the sheet from this return, or check the return period.',
  },
  ECO_SIGN: {
    message: (p) => `${s(p.column) || 'This amount'} has the opposite sign to the other amounts of the row`,
    hint: () => 'Net values may be negative, but the value of supplies and its taxes must all be positive or all negative.',
  },
  RET91708: {
    message: (p) =>
      `${taxOff(p)}; ${!('documents' in p) ? 'at most Rs 10 is allowed' : `that is more than Rs 10 and more than rounding over ${s(p.documents)} document(s) explains (Rs ${rs(p.rounding)})`}`,
    hint: (p) => `Check the ${taxBase(p)}, the rate and the tax amounts of this row; Central and State/UT tax are each half the tax.${unmarked65(p)}`,
  },
  HSN_TAX_ROUNDING: {
    message: (p) =>
      `${taxOff(p)}; ${!('documents' in p) ? 'B2C (small) rows without Table 13 leave the number of invoices open, so' : `rounding over ${s(p.documents)} document(s) can explain up to Rs ${rs(p.rounding)}, so`} this may be per-invoice rounding, but the portal's tolerance for HSN rows is not known`,
    hint: () => 'If the row adds up invoices whose tax was rounded one by one, it may stand; otherwise check the taxable value, the rate and the tax.',
  },

  // ------------------------------------------------------------------ HSN
  HSN_MANDATORY: {
    message: (p) =>
      p.field === 'val'
        ? 'Total Value is required on an HSN row before the May 2021 period'
        : 'Rate is required on an HSN row from the May 2021 period',
    hint: (p) =>
      p.field === 'val'
        ? 'Fill in the Total Value (taxable value plus all taxes) of the HSN row.'
        : 'Fill in the GST rate of the HSN row (one row per HSN, UQC and rate).',
  },
  RET191350: {
    message: (p) => `HSN ${cell(p)} must have ${s(p.min)} to ${s(p.max)} digits for your turnover`,
    hint: (p) =>
      Number(p.min) >= 6
        ? 'With aggregate turnover above Rs 5 crore, report at least 6 digits, e.g. 847130.'
        : 'Report at least 4 digits of the HSN/SAC, e.g. 8471, and at most 8.',
  },
  RET191349: {
    message: (p) => `HSN ${s(p.hsn)} is not in the GST HSN master`,
    // refreshing the master is a task for whoever runs the tool: on the page, they are asked
    hint: (_p, w = CLI_WORDS) =>
      `Pick the code from the portal's HSN list (Search HSN on services.gst.gov.in); a 6-digit code may need its 8-digit form. ${w.onServer(
        'If the code is in the portal\'s list, refresh data/hsn-master.json (npx tsx scripts/refresh-hsn.ts).',
        'refresh the HSN master of the tool behind this page, if the code is in the portal\'s list.',
      )}`,
  },
  RET191353: {
    message: (p) => {
      switch (p.reason) {
        case 'service':
          return 'Services (HSN starting 99) take UQC NA';
        case 'goods':
          return 'UQC NA is only for services; goods need a unit';
        default:
          return `${cell(p)} is not a UQC of the GST list`;
      }
    },
    hint: (p) =>
      p.reason === 'service'
        ? 'Set UQC to NA and Total Quantity to 0.'
        : 'Use a code from the list, e.g. NOS-NUMBERS, KGS-KILOGRAMS or OTH-OTHERS.',
  },
  RET191355: {
    message: (p) =>
      p.reason === 'service'
        ? 'Services (HSN starting 99) report quantity 0'
        : `Quantity ${cell(p)} is not valid: at most 13 digits and 2 decimals`,
    hint: (p) => (p.reason === 'service' ? 'Set Total Quantity to 0 and UQC to NA.' : 'Round the quantity to 2 decimals, e.g. 12.50.'),
  },
  RET191117: {
    message: (p) => `HSN ${s(p.hsn)} with UQC ${s(p.uqc)} and rate ${s(p.rate)} is already on row ${s(p.firstRow)} of ${s(p.firstSheet)}`,
    hint: () => 'Add the two rows together into one (quantities, values and taxes).',
  },
  HSN_TOTALS: {
    message: (p) => {
      const table = p.tab === 'all' ? 'The HSN summary' : `The HSN summary's ${s(p.tab)} tab`;
      return p.reason === 'missing'
        ? `${table} is empty but the documents it summarises have taxable value Rs ${rs(p.docTotal)}`
        : `${table} has taxable value Rs ${rs(p.hsnTotal)}, the documents it summarises Rs ${rs(p.docTotal)}: Rs ${rs(p.difference)} apart`;
    },
    hint: () =>
      'Table 12 should add up to the invoices, notes and nil/exempt supplies it summarises (B2B tab: registered buyers; B2C tab: the rest). Check for missing HSN rows or documents in the wrong sheet.',
  },

  // ------------------------------------------------------------------ Table 13, IFF
  DOCS_MISSING: {
    message: (p) => `Table 13 (documents issued) is mandatory from the May 2025 return; the ${period(p)} input has no docs sheet`,
    hint: () => 'Add the docs sheet with the serial numbers of invoices and notes issued in the period (or fill Table 13 on the portal).',
  },
  RETURN_EMPTY: {
    message: (p) => `No row of the ${s(p.sheets)} sheet(s) read holds a supply, a document or a Table 13 line: the return would be empty (a nil return)`,
    hint: () => 'If you made no supplies in the period, this is a nil return; otherwise check that you chose the workbook (or files) with your sales in them.',
  },
  HSN_B2B_EMPTY: {
    message: (p) => `The B2B tab of the HSN summary (Table 12) is empty, but the return reports ${s(p.documents)} B2B invoice/note row(s); the portal does not file it so`,
    hint: () => 'Fill the hsn(b2b) sheet with the HSN-wise summary of supplies to registered persons.',
  },
  DOCS_CANCELLED: {
    message: (p) =>
      p.reason === 'negative' ? `${s(p.column) || 'The count'} ${s(p.value)} cannot be negative` : `Cancelled ${s(p.value)} is more than the total number`,
    hint: () => 'Total Number counts every document in the series, cancelled ones included; Cancelled cannot be larger.',
  },
  DOCS_COUNT: {
    message: (p) => `Table 13 shows ${s(p.net)} net "${s(p.nature)}" but the return reports ${s(p.reported)}`,
    hint: () => 'Check the serial-number ranges and counts in the docs sheet: every document reported must be within them.',
  },
  IFF_VALUE_LIMIT: {
    message: (p) => `The invoices of the ${period(p)} IFF come to Rs ${rs(p.total)} with this one; an IFF takes at most Rs ${rs(p.limit)} a month`,
    hint: () => 'Report this invoice and the ones after it in the next month\'s IFF or in the quarter\'s GSTR-1.',
  },
  IFF_DUPLICATE: {
    message: (p) => `${s(p.document)} was already furnished in the IFF (${period(p)})`,
    hint: () => 'Remove it from this return: a document furnished in an IFF month is not reported again in the quarter. To change it, amend it (b2ba, cdnra).',
  },
  IFF_SECTION: {
    message: (p) => `${period(p)} is an IFF month for a quarterly filer: sheet ${s(p.sheet)} cannot be reported`,
    hint: () => 'In the first two months of a quarter report only b2b, b2ba, cdnr, cdnra and the Table 15 sheets ecob2b, ecourp2b, ecoab2b, ecoaurp2b; the rest goes in the quarterly GSTR-1.',
  },
  GSTR1A_ORIGINAL_PERIOD: {
    message: (p) => `A GSTR-1A amends only what was reported for its own period: the original must be dated ${s(p.from)} to ${s(p.to)}`,
    hint: () => 'Amend a document of an earlier period in the amendment tables of your next GSTR-1, not in this GSTR-1A.',
  },
  GSTR1A_PERIOD: {
    message: (p) => `GSTR-1A exists from the July 2024 period; ${period(p)} is before it`,
    hint: () => 'Correct this period\'s documents in the amendment tables (b2ba, cdnra...) of a later GSTR-1.',
  },

  // ------------------------------------------------------------------ the JSON
  RETURN_TIME_BARRED: {
    // a GSTR-1A amends the GSTR-1's details under the same Section 37, so the GSTR-1's bar is its bar too
    message: (p) =>
      p.form === 'gstr1a'
        ? `The GSTR-1 for ${period(p)} was due on ${s(p.due)}; its details, a GSTR-1A included, cannot be furnished after ${s(p.bar)}, three years later (Section 37(5))`
        : `The GSTR-1 for ${period(p)} was due on ${s(p.due)}; it cannot be filed after ${s(p.bar)}, three years later (Section 37(5))`,
    hint: (p) =>
      `The portal no longer accepts a ${p.form === 'gstr1a' ? 'GSTR-1A' : 'GSTR-1'} for this period; check the period, or ask your tax adviser how to deal with these supplies.`,
  },
  AMOUNT_DIGITS: {
    message: (p) => `${cell(p)} has more than ${s(p.digits)} digits before the decimal point; the portal accepts at most ${s(p.max)}`,
    hint: () => 'Check the amount for a typing or unit error (paise for rupees, a pasted reference number).',
  },
  RET191106: {
    message: (p) =>
      p.reason === 'more'
        ? `${s(p.count)} more JSON structure errors were not listed`
        : `The JSON does not follow the portal's structure at ${s(p.path)}: ${s(p.detail)}${p.document ? ` (document ${s(p.document)})` : ''}`,
    hint: () =>
      'The portal would reject the file. Correct the source row named; if the row looks right, report it as a gstr1 bug with this path.',
  },
  ECOM_SUPPLY_TYPE: {
    message: (p) => {
      const is = p.expected === 'INTER' ? 'inter-State (INTER)' : 'intra-State (INTRA)';
      const why = 'type' in p ? ': SEZ supplies are always inter-State' : table15States(p);
      return `${s(p.path)} says ${s(p.given)}, but this Table 15 supply is ${is}${why}`;
    },
    hint: (p) => {
      const check = 'type' in p
        ? 'Check the document type'
        : p.whose === 'operator'
          ? 'Check the place of supply (an unregistered supplier is taken to be in your State)'
          : "Check the place of supply and the supplier's GSTIN";
      return `${check}; if right, write sply_ty ${s(p.expected)}. Read through a workbook, the supply type is worked out from them, so this one would change without notice.`;
    },
  },
  ECOM_TAX_PARTLY_GIVEN: {
    message: (p) => {
      const line = p.document !== undefined ? `document ${s(p.document)} at ${s(p.rate)}%` : `the same supplier, place of supply and rate (${s(p.rate)}%)`;
      return p.given === 'this'
        ? `This row gives tax amounts but row ${s(p.firstRow)}, added into the same line (${line}), leaves them blank`
        : `Row ${s(p.firstRow)} gives tax amounts but this row, added into the same line (${line}), leaves them blank`;
    },
    hint: () =>
      'Fill the tax amounts on every row added into this line, or leave them blank on all of them to have the tax worked out from taxable value and rate; part given, part left out, the line\'s tax would be wrong.',
  },
};
