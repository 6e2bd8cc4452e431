/**
 * The documents of one invoice- or note-shaped section while rows stream, compactly: one
 * fixed-size record per document (its number, the row it started on, its document-level fields)
 * and one item record per rate, linked from its document. Amounts are kept as numbers, every
 * other field interned. The records' slots stay in this module; callers speak of documents,
 * fields and items.
 */
import { Interner, RecordStore } from '../model/columns.js';
import { FIELD_KINDS, type Field, type FieldValues } from '../model/fields.js';
import { defaultFor } from '../parsers/coerce.js';

type Values = Partial<FieldValues>;

/** One rate's line of a document: the lines with that rate summed. */
export interface Item {
  rt: number;
  txval: number;
  csamt: number;
  /** tax amounts as given (a JSON's, through to-excel's tax columns), paise; a head not given is absent */
  given?: GivenTax;
}

export interface GivenTax {
  iamt?: number;
  camt?: number;
  samt?: number;
}

/** Amounts are stored as numbers; everything else (strings, rates, percentages) is interned. */
const STORED_AS_NUMBERS = new Set(['money']);
/**
 * Interned fields with a handful of values (a state, Y/N, a type code): one byte each, the value's
 * id + 1 (0: absent), instead of an int.
 */
const STORED_AS_BYTES = new Set(['pos', 'yn', 'percent', 'invtype', 'code']);
/**
 * Interned fields with some dozens or hundreds of values (a date, an e-commerce operator, a port):
 * two bytes each. A b2b document is 32 bytes instead of 40, a cdnr note too.
 */
const STORED_AS_HALVES = new Set(['date']);
const HALF_FIELDS: ReadonlySet<Field> = new Set(['etin', 'sbpcode']);
/** what says, in a byte or a half, that the id did not fit: it is in `wideRefs` */
const WIDE = [0, 255, 65535] as const;

/** int slots of a document record after its interned fields */
const FIRST_ROW = 0;
/** the newest item: items are linked newest first, and read back in reverse */
const ITEM_HEAD = 1;
/** the document number's id in its series */
const NUMBER = 2;
const OWN_SLOTS = 3;
/** slots of an item record: the float, then the ints */
const TXVAL = 0;
/**
 * the rate, interned, as its id + 1 (-1, no rate, is 0), with CESS set when the item has cess:
 * looking every item up in cessOf cost more than the rest of reading it
 */
const RT = 0;
const CESS = 1 << 30;
const RATE = CESS - 1;
const NEXT = 1;
/**
 * slots of a given-tax record; NaN: that head was not given. Kept apart from the items: few
 * inputs give tax amounts, and three float slots on every item were a third of a large return's memory
 */
const IAMT = 0;
const CAMT = 1;
const SAMT = 2;
const HEADS = [['iamt', IAMT], ['camt', CAMT], ['samt', SAMT]] as const;

/**
 * Where a document-level field is kept: a float slot (an amount) or an int slot with its interner.
 * A field with a default (reverse charge N, 100 %) is kept as absent when the first line left it
 * blank, so a message quotes that line as it was typed.
 */
type FieldSlot = {
  readonly field: Field;
  readonly slot: number;
  readonly interner?: Interner;
  /** an interned field kept in a byte (1) or a uint16 (2) slot */
  readonly small?: 1 | 2;
  /** its place among the small fields (the key of its wide refs) */
  readonly smallAt?: number;
  readonly dflt?: unknown;
};

export class DocumentStore {
  private readonly fields: FieldSlot[];
  /** int slot where FIRST_ROW, ITEM_HEAD and NUMBER start */
  private readonly own: number;
  private readonly docs: RecordStore;
  private readonly items = new RecordStore(1, 2);
  /**
   * the cess of each item that has some, paise: few lines carry cess, and a float slot on every
   * item was a third of the item record (16 bytes instead of 24 per item)
   */
  private readonly cessOf = new Map<number, number>();
  /** the given-tax record of each item that has one (see addTax) */
  private readonly givenOf = new Map<number, number>();
  private readonly given = new RecordStore(3, 0);
  private readonly rates = new RateInterner();
  /** ids of small fields past what their slot holds (input with that many distinct values), keyed document × small fields + smallAt */
  private readonly wideRefs = new Map<number, number>();
  private readonly smallFields: number;
  /** a row's document-level fields, read into `row` in the order of `fields` (see fieldsReader) */
  private readonly read: (v: Values, row: unknown[]) => void;
  private readonly row: unknown[];

  /** `fields`: the document-level fields every line of a document repeats */
  constructor(fields: readonly Field[]) {
    let floats = 0;
    let ints = 0;
    let halves = 0;
    let bytes = 0;
    let small = 0;
    this.fields = fields.map((field) => {
      const kind = FIELD_KINDS[field];
      if (STORED_AS_NUMBERS.has(kind)) return { field, slot: floats++ };
      const dflt = defaultFor(field);
      const stored = STORED_AS_BYTES.has(kind)
        ? { slot: bytes++, small: 1 as const, smallAt: small++ }
        : STORED_AS_HALVES.has(kind) || HALF_FIELDS.has(field)
          ? { slot: halves++, small: 2 as const, smallAt: small++ }
          : { slot: ints++ };
      return { field, ...stored, interner: new Interner(), ...(dflt !== undefined ? { dflt } : {}) };
    });
    this.own = ints;
    this.smallFields = small;
    this.read = fieldsReader(fields);
    this.row = new Array<unknown>(fields.length).fill(undefined);
    this.docs = new RecordStore(floats, ints + OWN_SLOTS, bytes, halves);
  }

  /** documents are 0 … count - 1, in order of first appearance */
  get count(): number {
    return this.docs.length;
  }

  /**
   * A new document: its number's id, the row it starts on, and its fields from that row
   * (`blank`: the row left that field's cell blank).
   */
  create(numberId: number, firstRow: number, v: Values, blank: (field: Field) => boolean): number {
    const docs = this.docs;
    const id = docs.push();
    docs.setInt(id, this.own + NUMBER, numberId);
    docs.setInt(id, this.own + FIRST_ROW, firstRow);
    const fields = this.fields;
    const row = this.row;
    this.read(v, row);
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c]!;
      let x = row[c];
      if (f.dflt !== undefined && x === f.dflt && blank(f.field)) x = undefined;
      if (!f.interner) {
        if (x !== undefined) docs.setFloat(id, f.slot, x as number);
      } else if (f.small) this.setSmallRef(id, f, f.interner.id(x as string | number | undefined));
      else docs.setInt(id, f.slot, f.interner.id(x as string | number | undefined));
    }
    return id;
  }

  numberId(id: number): number {
    return this.docs.int(id, this.own + NUMBER);
  }

  firstRow(id: number): number {
    return this.docs.int(id, this.own + FIRST_ROW);
  }

  /** The first document-level field where `v` differs from what the document keeps, with the kept value. */
  mismatch(id: number, v: Values): { field: Field; kept: unknown } | undefined {
    const fields = this.fields;
    const row = this.row;
    this.read(v, row);
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c]!;
      const kept = this.kept(id, f);
      const now = row[c];
      // a blank first line agrees with the default typed later
      if (now !== kept && now !== (kept ?? f.dflt)) return { field: f.field, kept };
    }
    return undefined;
  }

  /** The document's fields as first given (absent ones left out), on `into`. */
  fieldsOf(id: number, into: Record<string, unknown>): Record<string, unknown> {
    const fields = this.fields;
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c]!;
      const x = this.kept(id, f) ?? f.dflt;
      if (x !== undefined) into[f.field] = x;
    }
    return into;
  }

  /**
   * A document read field by field without building its fields (document-shortcut.ts): `field` is
   * the field's place in the constructor's list. An interned field's value id (-1: absent), which
   * `fieldValue` turns into what `fieldsOf` gives for it; an amount's paise, NaN when absent.
   */
  fieldRef(id: number, field: number): number {
    return this.ref(id, this.fields[field]!);
  }
  fieldValue(field: number, ref: number): unknown {
    const f = this.fields[field]!;
    return f.interner!.value(ref) ?? f.dflt;
  }
  fieldAmount(id: number, field: number): number {
    return this.docs.float(id, this.fields[field]!.slot);
  }

  /** The document's items without objects, newest first: -1 ends them. */
  firstItem(id: number): number {
    return this.docs.int(id, this.own + ITEM_HEAD);
  }
  nextItem(item: number): number {
    return this.items.int(item, NEXT);
  }
  /** the item's rate as an id of the section's rates (rateValue turns it into the rate) */
  itemRateRef(item: number): number {
    return (this.items.int(item, RT) & RATE) - 1;
  }
  rateValue(ref: number): number {
    return this.rates.value(ref)!;
  }
  itemTxval(item: number): number {
    return this.items.float(item, TXVAL);
  }
  itemCess(item: number): number {
    return this.items.int(item, RT) & CESS ? this.cessOf.get(item)! : 0;
  }

  /** Lines with the same rate are summed into one item, never overwritten; the item's record. */
  addItem(id: number, rt: number, txval: number, csamt: number): number {
    const { docs, items, own } = this;
    const rate = this.rates.id(rt);
    const head = docs.int(id, own + ITEM_HEAD);
    for (let i = head; i >= 0; i = items.int(i, NEXT)) {
      if ((items.int(i, RT) & RATE) === rate + 1) {
        items.setFloat(i, TXVAL, items.float(i, TXVAL) + txval);
        if (csamt !== 0) this.addCess(i, csamt);
        return i;
      }
    }
    const i = items.push();
    items.setInt(i, RT, rate + 1);
    items.setFloat(i, TXVAL, txval);
    if (csamt !== 0) this.addCess(i, csamt);
    items.setInt(i, NEXT, head);
    docs.setInt(id, own + ITEM_HEAD, i);
    return i;
  }

  /** The item of document `id` at rate `rt` (where addItem sums a line of that rate), or -1. */
  itemAt(id: number, rt: number): number {
    const rate = this.rates.id(rt);
    for (let i = this.docs.int(id, this.own + ITEM_HEAD); i >= 0; i = this.items.int(i, NEXT)) if ((this.items.int(i, RT) & RATE) === rate + 1) return i;
    return -1;
  }

  /** Whether any item of the section has tax amounts given (addTax): a spreadsheet's usually has none. */
  get anyTaxGiven(): boolean {
    return this.givenOf.size > 0;
  }

  /** Whether the item's lines gave their tax amounts (addTax). */
  taxGiven(item: number): boolean {
    return this.givenOf.has(item);
  }

  /** Sums a line's cess into its item (adding a zero changes no sum, so none is kept for it). */
  private addCess(item: number, csamt: number): void {
    this.cessOf.set(item, (this.cessOf.get(item) ?? 0) + csamt);
    this.items.setInt(item, RT, this.items.int(item, RT) | CESS);
  }

  /** Tax amounts given on a line are summed into its item as they are (a JSON's own figures). */
  addTax(item: number, v: Values): void {
    let g = this.givenOf.get(item);
    if (g === undefined) this.givenOf.set(item, (g = this.given.push()));
    const given = this.given;
    for (const [field, slot] of HEADS) {
      const x = v[field];
      if (x === undefined) continue;
      const kept = given.float(g, slot);
      given.setFloat(g, slot, (Number.isNaN(kept) ? 0 : kept) + x);
    }
  }

  /** The document's items, in the order their rates first came. */
  itemsOf(id: number): Item[] {
    const out: Item[] = [];
    const store = this.items;
    const anyGiven = this.givenOf.size > 0;
    for (let i = this.docs.int(id, this.own + ITEM_HEAD); i >= 0; i = store.int(i, NEXT)) {
      // one literal shape per case, no spread: this runs for every item of the return
      const rt = store.int(i, RT);
      const item: Item = { rt: this.rates.value((rt & RATE) - 1)!, txval: store.float(i, TXVAL), csamt: rt & CESS ? this.cessOf.get(i)! : 0 };
      const g = anyGiven ? this.givenOf.get(i) : undefined;
      if (g !== undefined) {
        const given = givenTax(this.given.float(g, IAMT), this.given.float(g, CAMT), this.given.float(g, SAMT));
        if (given) item.given = given;
      }
      out.push(item);
    }
    return out.reverse();
  }

  /**
   * The documents grouped by the value of `field` (b2b: by recipient), groups in order of first
   * appearance, without a list per group: the document ids are sorted by group into one integer
   * array (a counting sort).
   */
  groupBy(field: Field): { keys: string[]; members: (k: number) => Int32Array } {
    const g = this.fields.find((f) => f.field === field);
    if (!g?.interner) throw new Error(`documents are not grouped by ${field}`);
    const count = this.count;
    const keys: string[] = [];
    const byKey = new Map<string, number>();
    // group of each stored value (index ref + 1; 0 is "absent", which groups with the empty text as
    // String() made it), found when a document first shows it, so groups keep that order
    const values = g.interner.distinct();
    const groupOfRef = new Int32Array(values.length + 1).fill(-1);
    const groupOf = new Int32Array(count);
    const sizes: number[] = [];
    for (let id = 0; id < count; id++) {
      const r = this.ref(id, g) + 1;
      let k = groupOfRef[r]!;
      if (k < 0) {
        const key = String(r === 0 ? '' : values[r - 1]);
        k = byKey.get(key) ?? -1;
        if (k < 0) {
          k = keys.push(key) - 1;
          byKey.set(key, k);
          sizes.push(0);
        }
        groupOfRef[r] = k;
      }
      groupOf[id] = k;
      sizes[k]!++;
    }
    const starts = new Int32Array(keys.length + 1);
    for (let k = 0; k < keys.length; k++) starts[k + 1] = starts[k]! + sizes[k]!;
    const fill = starts.slice(0, keys.length);
    const ids = new Int32Array(count);
    for (let id = 0; id < count; id++) ids[fill[groupOf[id]!]!++] = id;
    return { keys, members: (k) => ids.subarray(starts[k]!, starts[k + 1]!) };
  }

  /** the interned id of a document-level field, -1 when absent */
  private ref(id: number, f: FieldSlot): number {
    if (!f.small) return this.docs.int(id, f.slot);
    const b = f.small === 1 ? this.docs.byte(id, f.slot) : this.docs.half(id, f.slot);
    return b === WIDE[f.small] ? this.wideRefs.get(id * this.smallFields + f.smallAt!)! : b - 1;
  }

  private setSmallRef(id: number, f: FieldSlot, ref: number): void {
    const wide = WIDE[f.small!];
    const b = ref + 1 < wide ? ref + 1 : wide;
    if (f.small === 1) this.docs.setByte(id, f.slot, b);
    else this.docs.setHalf(id, f.slot, b);
    if (b === wide) this.wideRefs.set(id * this.smallFields + f.smallAt!, ref);
  }

  /** the value of a document-level field as it was first given */
  private kept(id: number, f: FieldSlot): unknown {
    if (f.interner) return f.interner.value(this.ref(id, f));
    const x = this.docs.float(id, f.slot);
    return Number.isNaN(x) ? undefined : x;
  }
}

/**
 * Copies a row's document-level fields into an array, in order: one compiled function per store.
 * `v[f.field]` with a name that changes from field to field is V8's slow keyed load (about a third
 * of create's time at 500,000 lines); named loads are not. As rows.ts's valuesMaker does, the fields
 * are read one by one where compiling is refused (a page's security policy).
 */
function fieldsReader(fields: readonly Field[]): (v: Values, row: unknown[]) => void {
  try {
    // the field names are the model's own (JSON.stringify quotes them): no input reaches this code
    return new Function('v', 'r', fields.map((f, i) => `r[${i}] = v[${JSON.stringify(f)}];`).join('\n')) as (v: Values, row: unknown[]) => void;
  } catch {
    return (v, row) => {
      for (let i = 0; i < fields.length; i++) row[i] = v[fields[i]!];
    };
  }
}

/**
 * The section's rates, interned: a rate in whole quarters of a percent below 128 % (0.25 %, 1.5 %,
 * 18 %...) is found in an array, not the Map; one that is not (0.1 %) goes to the Map. Every line
 * of a return looks its rate up: on a 500,000-line CSV return they were a third of the Map's lookups.
 */
class RateInterner {
  private readonly all = new Interner<number>();
  /** by rate × 4: the rate's id, -1 not yet seen */
  private readonly quarters = new Int32Array(512).fill(-1);

  id(rt: number): number {
    // a value that is not a number (none should come) goes to the Map as it is
    const q = typeof rt === 'number' ? rt * 4 : NaN;
    // -0 is 0's slot, as the Map takes it (SameValueZero); NaN fails the range test
    if (q >= 0 && q < 512 && q === Math.floor(q)) {
      let id = this.quarters[q]!;
      if (id < 0) this.quarters[q] = id = this.all.id(rt);
      return id;
    }
    return this.all.id(rt);
  }

  value(id: number): number | undefined {
    return this.all.value(id);
  }
}

function givenTax(iamt: number, camt: number, samt: number): GivenTax | undefined {
  if (Number.isNaN(iamt) && Number.isNaN(camt) && Number.isNaN(samt)) return undefined;
  return {
    ...(Number.isNaN(iamt) ? {} : { iamt }),
    ...(Number.isNaN(camt) ? {} : { camt }),
    ...(Number.isNaN(samt) ? {} : { samt }),
  };
}
