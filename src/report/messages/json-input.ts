/**
 * Messages for a retsave JSON given as input (validate, convert, upload, to-excel): what the JSON
 * says that its workbook rows cannot show (src/api/json-check.ts). Each names the JSON path.
 */
import type { Params } from '../../model/finding.js';
import { NIL_SUPPLY_TYPES } from '../../model/labels.js';
import type { MessageEntry } from './types.js';
import { periodInWords } from './period.js';

const s = (v: unknown) => (v === undefined ? '' : String(v));
/** "invoice D/1" when the document's number is known, else "this document". */
const doc = (p: Record<string, unknown>) => (p.number !== undefined ? `document ${s(p.number)}` : 'this document');

/** The key a summary entry was given twice under (JSON_DUPLICATE_ENTRY), outer keys first. */
function entryKey(p: Params): string {
  const parts: string[] = [];
  if (p.month !== undefined) parts.push(`original month ${periodInWords(p.month)}`);
  if (p.originalOperator !== undefined) parts.push(`original operator ${s(p.originalOperator)}`);
  if (p.operator !== undefined) parts.push(`operator ${s(p.operator)}`);
  if (p.supplier !== undefined) parts.push(`supplier ${s(p.supplier)}`);
  if (p.type !== undefined) parts.push(`type ${s(p.type)}`);
  if (p.supplyType !== undefined) parts.push(NIL_SUPPLY_TYPES.find((t) => t.code === p.supplyType)?.label ?? `supply type ${s(p.supplyType)}`);
  if (p.pos !== undefined) parts.push(`place of supply ${s(p.pos)}`);
  if (p.diffPercent !== undefined) parts.push('65% of the rate');
  if (p.rate !== undefined) parts.push(`rate ${s(p.rate)}%`);
  return parts.join(', ');
}

export const JSON_INPUT_MESSAGES: Readonly<Record<string, MessageEntry>> = {
  JSON_DUPLICATE_DOCUMENT: {
    message: (p) => `${s(p.path)}: ${doc(p)} is given a second time in section ${s(p.section)} (first at ${s(p.first)}); the portal refuses the return (RET191190)`,
    hint: () => 'Keep one entry per document number: remove the copy, or give the second document its own number. Read through a workbook, the two would become one invoice.',
  },
  JSON_REPEATED_RATE: {
    message: (p) => `${s(p.path)}: the rate ${s(p.rate)}% is given a second time in ${doc(p)} (first at ${s(p.first)}); the portal refuses it (RET191117)`,
    hint: () => 'Give each rate once per document: add up the taxable values and taxes of that rate into one item.',
  },
  JSON_NO_ITEMS: {
    message: (p) => `${s(p.path)}: ${doc(p)} has no items (no rate and taxable value); the portal refuses it (RET191107)`,
    hint: () => 'Add the rate-wise items of the document, or remove the document.',
  },
  JSON_NOT_A_NUMBER: {
    message: (p) => `${s(p.path)} is ${s(p.value)}, which is not a number`,
    hint: () => 'Write amounts and rates as plain numbers without quotes (1180.5, not "1180.50"): the portal\'s format takes numbers only. The value is not read as 0.',
  },
  JSON_AMOUNT_DECIMALS: {
    message: (p) => `${s(p.path)} is ${s(p.value)}, which has more than 2 decimals`,
    hint: () => 'Round the amount to paise (2 decimals); the portal rejects more.',
  },
  JSON_DATE: {
    message: (p) =>
      p.reason === 'day'
        ? `${s(p.path)} is ${s(p.value)}, a day the calendar does not have`
        : `${s(p.path)} is ${s(p.value)}, not a date written dd-mm-yyyy`,
    hint: () => 'Write the date as day-month-year with two digits for day and month (03-10-2025 for 3 October 2025), and check the day exists in that month.',
  },
  JSON_DIFF_PERCENT: {
    message: (p) => `${s(p.path)} is ${s(p.value)}; diff_percent may only be 0.65 (tax at 65% of the rate) or left out (the full rate)`,
    hint: () => 'Write diff_percent as the number 0.65 for a supply taxed at 65% of the rate; leave it out for the full rate.',
  },
  JSON_DELETE_FLAG: {
    message: (p) => `${s(p.path)}${p.number !== undefined ? ` (${s(p.number)})` : ''} is marked for deletion (flag ${s(p.value)}); this tool cannot carry or check a deletion`,
    hint: () => 'Delete the record on the GST portal itself, or remove the record from this JSON. Read here, it would be treated as a record to save.',
  },
  JSON_NOT_CARRIED: {
    message: (p) =>
      `${s(p.path)}${p.number !== undefined ? ` (${s(p.number)})` : ''}: ${p.field === 'cname' ? 'the receiver name' : 'the invoice type'} ${s(p.value)} is not carried into the workbook; a JSON converted from it will not have it`,
    hint: (p) =>
      p.field === 'cname'
        ? 'The receiver name is optional in the return; nothing to do unless you want it in the JSON, where you would add it again after converting.'
        : 'The b2cl sheet has no invoice-type column: for a sale from a customs bonded warehouse, add "inv_typ": "CBW" to the invoice again in the JSON that convert writes.',
  },
  JSON_DUPLICATE_ENTRY: {
    message: (p) => `${s(p.path)}: the entry for ${entryKey(p)} is given a second time in section ${s(p.section)} (first at ${s(p.first)}); the portal takes only one such entry`,
    hint: () =>
      'Keep one entry: add the amounts of the second (taxable value or advance, tax, cess) into the first and remove the second; where the entries have rate lines, move the lines into the first, adding up a rate both have. Read through a workbook, the two would be added up into one.',
  },
};
