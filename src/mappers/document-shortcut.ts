/**
 * A b2b invoice found certainly valid against the schema straight from the document store, without
 * building its JSON. RET191106's check of each document (its JSON built, then ajv) was about a
 * quarter of the mapping thread's time on a large return. Only "valid" is ever concluded here:
 * anything else (a value the schema refuses, tax amounts given, a field left out) goes to the rule's
 * own check of the JSON, so every finding is still the rule's.
 *
 * The schema stays the one source of truth. Every value is judged by the schema's own validators:
 * a repeated value (a date, a POS, a rate...) once per distinct value, by putting it into a valid
 * invoice and checking that; the number and the amounts by their definitions' validators. What is
 * taken as known is the structure of the invoice's definitions (its keys, which are required, an
 * item's tax heads): they are compared at start-up with the text this was written for (STRUCTURE),
 * and any change to them turns the shortcut off. What documentJson writes for b2b is mirrored here
 * (document-shortcut.test.ts compares both verdicts on random documents).
 */
import type { Field } from '../model/fields.js';
import { taxHead } from '../model/money.js';
import { amt, toPortalDate } from './convert.js';
import type { DocumentStore } from './document-store.js';
import type { DocumentSchema } from './types.js';

/** The definitions whose structure the shortcut relies on, as it was written for them. */
const STRUCTURE: Readonly<Record<string, string>> = {
  b2bInvoice:
    '{"type":"object","required":["inum","idt","val","pos","rchrg","inv_typ","itms"],"properties":{"inum":{"$ref":"#/definitions/docNumber"},' +
    '"idt":{"$ref":"#/definitions/date"},"val":{"$ref":"#/definitions/value"},"pos":{"$ref":"#/definitions/pos"},"rchrg":{"$ref":"#/definitions/rchrg"},' +
    '"inv_typ":{"type":"string","enum":["R","SEWP","SEWOP","DE","CBW"]},"diff_percent":{"$ref":"#/definitions/diffPercent"},"etin":{"$ref":"#/definitions/gstin"},' +
    '"flag":{"$ref":"#/definitions/flag"},"chksum":{"$ref":"#/definitions/chksum"},"itms":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/item"}}},' +
    '"additionalProperties":false}',
  item: '{"type":"object","required":["num","itm_det"],"properties":{"num":{"type":"integer","minimum":1},"itm_det":{"$ref":"#/definitions/itemDetail"}},"additionalProperties":false}',
  itemDetail:
    '{"type":"object","required":["rt","txval"],"properties":{"rt":{"$ref":"#/definitions/rate"},"txval":{"$ref":"#/definitions/amount"},' +
    '"iamt":{"$ref":"#/definitions/amount"},"camt":{"$ref":"#/definitions/amount"},"samt":{"$ref":"#/definitions/amount"},"csamt":{"$ref":"#/definitions/amount"}},' +
    '"additionalProperties":false,"allOf":[{"$ref":"#/definitions/taxHeads"}]}',
  // a document number is a run of characters from one class: judged by the key table's bytes (see `plain`)
  docNumber: '{"description":"invoice or note number (Rule 46(b))","type":"string","pattern":"^[A-Za-z0-9/-]{1,16}$"}',
  taxHeads:
    '{"description":"IGST alone, or Central and State/UT tax together; never both","if":{"required":["iamt"]},"then":{"description":"must carry either IGST (iamt) ' +
    'or Central and State tax (camt and samt), not both","not":{"anyOf":[{"required":["camt"]},{"required":["samt"]}]}},"else":{"required":["camt","samt"]}}',
};

/** the invoice's fields (b2bSpec.docFields), and the JSON key each repeated one is written under */
const FIELDS: readonly Field[] = ['ctin', 'idt', 'val', 'pos', 'rchrg', 'diffPercent', 'invTyp', 'etin'];
const KEYED: readonly (readonly [Field, string])[] = [['idt', 'idt'], ['pos', 'pos'], ['rchrg', 'rchrg'], ['diffPercent', 'diff_percent'], ['invTyp', 'inv_typ'], ['etin', 'etin']];

/** A valid invoice the repeated values are put into, one at a time; its item with IGST, then with CGST and SGST. */
const INTER = { rt: 0, txval: 0, iamt: 0, csamt: 0 };
const INTRA = { rt: 0, txval: 0, camt: 0, samt: 0, csamt: 0 };
const TEMPLATE = { inum: 'A', idt: '01-04-2025', val: 0, pos: '27', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: INTER }] };

/** The run's table of document numbers, read without making each number's string (KeyTable). */
export interface DocumentNumberTable {
  within(id: number, ok: Uint8Array, lengths: Uint8Array): boolean;
}

/**
 * The characters and lengths of a valid document number, asked of the schema's own validator: the
 * pattern is a run of one class (STRUCTURE holds it to that), so a number is valid exactly when each
 * character is one the validator takes alone and its length one it takes in a run of a valid one.
 */
function numberClass(valid: (v: unknown) => boolean): { chars: Uint8Array; lengths: Uint8Array } {
  const chars = new Uint8Array(256);
  for (let c = 0; c < 256; c++) chars[c] = valid(String.fromCharCode(c)) ? 1 : 0;
  const lengths = new Uint8Array(65);
  const one = chars.indexOf(1);
  if (one >= 0) for (let n = 0; n <= 64; n++) lengths[n] = valid(String.fromCharCode(one).repeat(n)) ? 1 : 0;
  return { chars, lengths };
}

/** a memo's entries: not judged yet, valid, refused */
const UNKNOWN = 0;
const VALID = 1;
const REFUSED = 2;

/**
 * The shortcut for a b2b section's store, or undefined when the schema is not the one it was written
 * for. `numbers`: the table the store's number ids are of (the JSON spells a number as it has it).
 */
export function b2bShortcut(store: DocumentStore, fields: readonly Field[], numbers: DocumentNumberTable, schema: DocumentSchema): ((id: number) => boolean) | undefined {
  if (schema.pointer !== '/definitions/b2bInvoice' || fields.join() !== FIELDS.join()) return undefined;
  for (const [name, text] of Object.entries(STRUCTURE)) if (JSON.stringify(schema.definitions[name]) !== text) return undefined;
  const docValid = schema.validator('b2bInvoice');
  const numberValid = schema.validator('docNumber');
  const valueValid = schema.validator('value');
  const amountValid = schema.validator('amount');
  const withItem = (d: object) => ({ ...TEMPLATE, itms: [{ num: 1, itm_det: d }] });
  // the template and both tax-head shapes must be valid, and an untaxed item's 0 an amount, or nothing here holds
  if (!docValid(TEMPLATE) || !docValid(withItem(INTRA)) || !amountValid(0)) return undefined;

  const plain = numberClass(numberValid);
  const at = (f: Field) => fields.indexOf(f);
  const VAL = at('val');
  const DIFF = at('diffPercent');
  const keyed = KEYED.map(([f, key]) => ({ field: at(f), key, memo: new Uint8Array(64) as Uint8Array }));
  const rates = { memo: new Uint8Array(16) as Uint8Array };

  /** the JSON value docJson writes for a repeated field (b2bSpec.docJson), undefined when it writes no key */
  const jsonOf = (key: string, v: unknown): unknown => {
    if (key === 'idt') return toPortalDate(v as string);
    if (key === 'rchrg') return v ?? 'N';
    if (key === 'diff_percent') return v === 65 ? 0.65 : undefined;
    if (key === 'etin') return v ? v : undefined;
    return v;
  };
  const judge = (key: string, v: unknown): number => {
    // a date that is not text: toPortalDate would not take it, so the rule's own check says what happens
    if (key === 'idt' && typeof v !== 'string') return REFUSED;
    const doc: Record<string, unknown> = { ...TEMPLATE };
    const json = jsonOf(key, v);
    if (json === undefined) delete doc[key];
    else doc[key] = json;
    return docValid(doc) ? VALID : REFUSED;
  };
  const grown = (memo: Uint8Array, ref: number): Uint8Array => {
    let n = memo.length;
    while (n <= ref) n *= 2;
    const a = new Uint8Array(n);
    a.set(memo);
    return a;
  };

  return (id) => {
    for (let k = 0; k < keyed.length; k++) {
      const f = keyed[k]!;
      const ref = store.fieldRef(id, f.field);
      // ref -1: absent (its default, if any, is what fieldsOf gives): judged once, as -1 + 1
      const slot = ref + 1;
      if (slot >= f.memo.length) f.memo = grown(f.memo, slot);
      let verdict = f.memo[slot]!;
      if (verdict === UNKNOWN) f.memo[slot] = verdict = judge(f.key, store.fieldValue(f.field, ref));
      if (verdict !== VALID) return false;
    }
    const val = store.fieldAmount(id, VAL);
    if (!valueValid(amt(val))) return false;
    if (!numbers.within(store.numberId(id), plain.chars, plain.lengths)) return false;
    const diff = (store.fieldValue(DIFF, store.fieldRef(id, DIFF)) as number | undefined) ?? 100;
    // a percentage as the mappers give taxHead (65 or 100): anything odd goes to the rule's check
    if (typeof diff !== 'number' || !(diff >= 0 && diff <= 100)) return false;
    let items = 0;
    for (let i = store.firstItem(id); i >= 0; i = store.nextItem(i)) {
      items++;
      if (store.taxGiven(i)) return false;
      const r = store.itemRateRef(i);
      if (r + 1 >= rates.memo.length) rates.memo = grown(rates.memo, r + 1);
      let verdict = rates.memo[r + 1]!;
      if (verdict === UNKNOWN) rates.memo[r + 1] = verdict = docValid(withItem({ ...INTER, rt: store.rateValue(r) })) ? VALID : REFUSED;
      if (verdict !== VALID) return false;
      const rt = store.rateValue(r);
      const txval = store.itemTxval(i);
      if (!amountValid(amt(txval)) || !amountValid(amt(store.itemCess(i)))) return false;
      // IGST, or each of CGST and SGST: whichever the invoice is, both must be amounts (an untaxed one writes 0)
      if (!amountValid(amt(taxHead(txval, rt, true, diff))) || !amountValid(amt(taxHead(txval, rt, false, diff)))) return false;
    }
    return items > 0;
  };
}
