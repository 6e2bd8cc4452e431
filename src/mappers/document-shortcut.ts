/**
 * An invoice or note (b2b, cdnr, b2cl, exp) found certainly valid against the schema straight from
 * the document store, without building its JSON. RET191106's check of each document (its JSON
 * built, then ajv) was about a third of the mapping thread's time on a large return. Only "valid"
 * is ever concluded here: anything else (a value the schema refuses, tax amounts given, a field left
 * out) goes to the rule's own check of the JSON, so every finding is still the rule's.
 *
 * The schema stays the one source of truth. Every value is judged by the schema's own validators:
 * a repeated value (a date, a POS, a rate...) once per distinct value, by putting it into a valid
 * document and checking that; the number and the amounts by their definitions' validators. What is
 * taken as known is the structure of the definitions (the document's keys, which are required, an
 * item's tax heads, the number's pattern): they are compared at start-up with the text this was
 * written for (each Section's, STRUCTURE), and any change to them turns the shortcut off. A
 * repeated value is written into its JSON by the section's own docJson, as documentJson writes it;
 * what is taken from documentJson is how it writes the number, the amounts and the items
 * (document-shortcut.test.ts compares both verdicts on random documents).
 */
import type { Field, FieldValues } from '../model/fields.js';
import { taxHead } from '../model/money.js';
import { amt } from './convert.js';
import type { DocumentSectionSpec } from './document.js';
import type { DocumentStore } from './document-store.js';
import type { DocumentSchema } from './types.js';

/** The definitions every document's number relies on, as the shortcut was written for them. */
const STRUCTURE: Readonly<Record<string, string>> = {
  // a document number is a run of characters from one class: judged by the key table's bytes (see numberClass)
  docNumber: '{"description":"invoice or note number (Rule 46(b))","type":"string","pattern":"^[A-Za-z0-9/-]{1,16}$"}',
};

/** Items with IGST or CGST and SGST (b2b, cdnr), as the shortcut was written for them. */
const WRAPPED: Readonly<Record<string, string>> = {
  item: '{"type":"object","required":["num","itm_det"],"properties":{"num":{"type":"integer","minimum":1},"itm_det":{"$ref":"#/definitions/itemDetail"}},"additionalProperties":false}',
  itemDetail:
    '{"type":"object","required":["rt","txval"],"properties":{"rt":{"$ref":"#/definitions/rate"},"txval":{"$ref":"#/definitions/amount"},' +
    '"iamt":{"$ref":"#/definitions/amount"},"camt":{"$ref":"#/definitions/amount"},"samt":{"$ref":"#/definitions/amount"},"csamt":{"$ref":"#/definitions/amount"}},' +
    '"additionalProperties":false,"allOf":[{"$ref":"#/definitions/taxHeads"}]}',
  taxHeads:
    '{"description":"IGST alone, or Central and State/UT tax together; never both","if":{"required":["iamt"]},"then":{"description":"must carry either IGST (iamt) ' +
    'or Central and State tax (camt and samt), not both","not":{"anyOf":[{"required":["camt"]},{"required":["samt"]}]}},"else":{"required":["camt","samt"]}}',
};

/** Items with IGST only (b2cl), as the shortcut was written for them. */
const WRAPPED_IGST: Readonly<Record<string, string>> = {
  itemIgst: '{"type":"object","required":["num","itm_det"],"properties":{"num":{"type":"integer","minimum":1},"itm_det":{"$ref":"#/definitions/itemDetailIgst"}},"additionalProperties":false}',
  itemDetailIgst:
    '{"type":"object","required":["rt","txval","iamt"],"properties":{"rt":{"$ref":"#/definitions/rate"},"txval":{"$ref":"#/definitions/amount"},' +
    '"iamt":{"$ref":"#/definitions/amount"},"csamt":{"$ref":"#/definitions/amount"}},"additionalProperties":false}',
};

/** An export's flat items, as the shortcut was written for them. */
const FLAT: Readonly<Record<string, string>> = {
  exportItem:
    '{"type":"object","required":["txval","rt","iamt"],"properties":{"txval":{"$ref":"#/definitions/amount"},"rt":{"$ref":"#/definitions/rate"},' +
    '"iamt":{"$ref":"#/definitions/amount"},"csamt":{"$ref":"#/definitions/amount"}},"additionalProperties":false}',
};

/** One section's document, as the shortcut was written for it. */
interface Section {
  /** the document's definition, and its text as the shortcut was written for it */
  readonly definition: string;
  readonly text: string;
  /** the spec's docFields, whose docJson writes each key from one field */
  readonly fields: readonly Field[];
  /** the values of a valid document but for its items: the repeated values are put into it one at a time */
  readonly template: Readonly<Partial<FieldValues>>;
  /** the spec's tax always says inter-State: items carry IGST only (b2cl, exp); else either (b2b, cdnr) */
  readonly igst: boolean;
  /** the item definitions, as the shortcut was written for them */
  readonly items: Readonly<Record<string, string>>;
}

const B2B: Section = {
  definition: 'b2bInvoice',
  text:
    '{"type":"object","required":["inum","idt","val","pos","rchrg","inv_typ","itms"],"properties":{"inum":{"$ref":"#/definitions/docNumber"},' +
    '"idt":{"$ref":"#/definitions/date"},"val":{"$ref":"#/definitions/value"},"pos":{"$ref":"#/definitions/pos"},"rchrg":{"$ref":"#/definitions/rchrg"},' +
    '"inv_typ":{"type":"string","enum":["R","SEWP","SEWOP","DE","CBW"]},"diff_percent":{"$ref":"#/definitions/diffPercent"},"etin":{"$ref":"#/definitions/gstin"},' +
    '"flag":{"$ref":"#/definitions/flag"},"chksum":{"$ref":"#/definitions/chksum"},"itms":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/item"}}},' +
    '"additionalProperties":false}',
  fields: ['ctin', 'idt', 'val', 'pos', 'rchrg', 'diffPercent', 'invTyp', 'etin'],
  template: { inum: 'A', idt: '2025-04-01', val: 0, pos: '27', invTyp: 'R' },
  igst: false,
  items: WRAPPED,
};

const CDNR: Section = {
  definition: 'cdnrNote',
  text:
    '{"type":"object","required":["ntty","nt_num","nt_dt","val","pos","rchrg","inv_typ","itms"],"properties":{"ntty":{"type":"string","enum":["C","D"]},' +
    '"nt_num":{"$ref":"#/definitions/docNumber"},"nt_dt":{"$ref":"#/definitions/date"},"val":{"allOf":[{"$ref":"#/definitions/value"},{"minimum":0}]},' +
    '"pos":{"$ref":"#/definitions/pos"},"rchrg":{"$ref":"#/definitions/rchrg"},"inv_typ":{"type":"string","enum":["R","SEWP","SEWOP","DE","CBW"]},' +
    '"diff_percent":{"$ref":"#/definitions/diffPercent"},"flag":{"$ref":"#/definitions/flag"},"chksum":{"$ref":"#/definitions/chksum"},' +
    '"itms":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/item"}}},"additionalProperties":false}',
  fields: ['ctin', 'ntDt', 'ntty', 'pos', 'rchrg', 'invTyp', 'val', 'diffPercent'],
  template: { ntty: 'C', ntNum: 'A', ntDt: '2025-04-01', val: 0, pos: '27', invTyp: 'R' },
  igst: false,
  items: WRAPPED,
};

const B2CL: Section = {
  definition: 'b2clInvoice',
  text:
    '{"type":"object","required":["inum","idt","val","itms"],"properties":{"inum":{"$ref":"#/definitions/docNumber"},"idt":{"$ref":"#/definitions/date"},' +
    '"val":{"$ref":"#/definitions/value"},"diff_percent":{"$ref":"#/definitions/diffPercent"},"etin":{"$ref":"#/definitions/gstin"},' +
    '"inv_typ":{"type":"string","enum":["CBW"]},"flag":{"$ref":"#/definitions/flag"},"chksum":{"$ref":"#/definitions/chksum"},' +
    '"itms":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/itemIgst"}}},"additionalProperties":false}',
  fields: ['idt', 'val', 'pos', 'diffPercent', 'etin'],
  template: { inum: 'A', idt: '2025-04-01', val: 0 },
  igst: true,
  items: WRAPPED_IGST,
};

const EXP: Section = {
  definition: 'expInvoice',
  text:
    '{"type":"object","required":["inum","idt","val","itms"],"properties":{"inum":{"$ref":"#/definitions/docNumber"},"idt":{"$ref":"#/definitions/date"},' +
    '"val":{"$ref":"#/definitions/value"},"sbpcode":{"type":"string","pattern":"^[A-Za-z0-9]{1,6}$"},"sbnum":{"type":"string","pattern":"^[0-9]{3,7}$"},' +
    '"sbdt":{"$ref":"#/definitions/date"},"flag":{"$ref":"#/definitions/flag"},"chksum":{"$ref":"#/definitions/chksum"},' +
    '"itms":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/exportItem"}}},"additionalProperties":false}',
  fields: ['expTyp', 'idt', 'val', 'sbpcode', 'sbnum', 'sbdt'],
  template: { inum: 'A', idt: '2025-04-01', val: 0 },
  igst: true,
  items: FLAT,
};

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

/** an item with IGST, and one with CGST and SGST: what documentJson writes for an inter- and an intra-State invoice */
const INTER = { rt: 0, txval: 0, iamt: 0, csamt: 0 };
const INTRA = { rt: 0, txval: 0, camt: 0, samt: 0, csamt: 0 };

/** a memo's entries: not judged yet, valid, refused */
const UNKNOWN = 0;
const VALID = 1;
const REFUSED = 2;

/** The b2b section's shortcut (see `shortcut`). */
export const b2bShortcut = (store: DocumentStore, spec: DocumentSectionSpec, numbers: DocumentNumberTable, schema: DocumentSchema) =>
  shortcut(B2B, store, spec, numbers, schema);

/** The cdnr section's shortcut (see `shortcut`). */
export const cdnrShortcut = (store: DocumentStore, spec: DocumentSectionSpec, numbers: DocumentNumberTable, schema: DocumentSchema) =>
  shortcut(CDNR, store, spec, numbers, schema);

/** The b2cl section's shortcut (see `shortcut`). */
export const b2clShortcut = (store: DocumentStore, spec: DocumentSectionSpec, numbers: DocumentNumberTable, schema: DocumentSchema) =>
  shortcut(B2CL, store, spec, numbers, schema);

/** The exp section's shortcut (see `shortcut`). */
export const expShortcut = (store: DocumentStore, spec: DocumentSectionSpec, numbers: DocumentNumberTable, schema: DocumentSchema) =>
  shortcut(EXP, store, spec, numbers, schema);

/**
 * The shortcut for a section's store, or undefined when the schema is not the one it was written
 * for. `numbers`: the table the store's number ids are of (the JSON spells a number as it has it).
 */
function shortcut(section: Section, store: DocumentStore, spec: DocumentSectionSpec, numbers: DocumentNumberTable, schema: DocumentSchema): ((id: number) => boolean) | undefined {
  const fields = spec.docFields;
  if (schema.pointer !== `/definitions/${section.definition}` || fields.join() !== section.fields.join()) return undefined;
  if (JSON.stringify(schema.definitions[section.definition]) !== section.text) return undefined;
  for (const [name, text] of [...Object.entries(STRUCTURE), ...Object.entries(section.items)]) if (JSON.stringify(schema.definitions[name]) !== text) return undefined;
  const { igst } = section;
  const positive = spec.positive === true;
  const flat = spec.itemStyle === 'flat';
  const docValid = schema.validator(section.definition);
  const numberValid = schema.validator('docNumber');
  const valueValid = schema.validator('value');
  const amountValid = schema.validator('amount');
  /** the JSON docJson writes for the template with `field` set to `v` (undefined where it throws), with one item `d` */
  const written = (d: object, field?: Field, v?: unknown): Record<string, unknown> | undefined => {
    let json: Record<string, unknown>;
    try {
      json = spec.docJson(field ? { ...section.template, [field]: v } : section.template);
    } catch {
      // a value docJson cannot write (a date that is not text): the rule's own check says what happens
      return undefined;
    }
    json.itms = [flat ? d : { num: 1, itm_det: d }];
    return json;
  };
  const withItem = (d: object) => written(d)!;
  // the template with each tax-head shape written must be valid, and an untaxed item's 0 an amount, or nothing here holds
  if (!docValid(withItem(INTER)) || (!igst && !docValid(withItem(INTRA))) || !amountValid(0)) return undefined;

  const plain = numberClass(numberValid);
  const at = (f: Field) => fields.indexOf(f);
  const VAL = at('val');
  // no such field (exp): the full rate, as documentJson takes it
  const DIFF = at('diffPercent');
  // the fields judged once per distinct value: all but the amount and the group's (its header is checked apart)
  const keyed = fields.filter((f) => f !== 'val' && f !== spec.group?.field).map((f) => ({ field: at(f), name: f, memo: new Uint8Array(64) as Uint8Array }));
  const rates = { memo: new Uint8Array(16) as Uint8Array };

  const judge = (field: Field, v: unknown): number => {
    const doc = written(INTER, field, v);
    return doc && docValid(doc) ? VALID : REFUSED;
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
      if (verdict === UNKNOWN) f.memo[slot] = verdict = judge(f.name, store.fieldValue(f.field, ref));
      if (verdict !== VALID) return false;
    }
    // a note's value is written as its magnitude, which meets the note's `minimum: 0` whenever it is a value
    const val = store.fieldAmount(id, VAL);
    if (!valueValid(amt(positive ? Math.abs(val) : val))) return false;
    if (!numbers.within(store.numberId(id), plain.chars, plain.lengths)) return false;
    const diff = DIFF < 0 ? 100 : ((store.fieldValue(DIFF, store.fieldRef(id, DIFF)) as number | undefined) ?? 100);
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
      const txval = positive ? Math.abs(store.itemTxval(i)) : store.itemTxval(i);
      if (!amountValid(amt(txval)) || !amountValid(amt(positive ? Math.abs(store.itemCess(i)) : store.itemCess(i)))) return false;
      // IGST, or each of CGST and SGST: whichever the invoice is, both must be amounts (an untaxed one writes 0)
      if (!amountValid(amt(taxHead(txval, rt, true, diff))) || (!igst && !amountValid(amt(taxHead(txval, rt, false, diff))))) return false;
    }
    return items > 0;
  };
}
