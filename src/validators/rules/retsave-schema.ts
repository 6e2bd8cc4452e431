/**
 * RET191106: the portal rejects a file that does not follow its published JSON structure
 * ("Error in JSON structure validation"). After mapping, the assembled payload is checked
 * against schema/retsave.json piece by piece, so memory stays bounded on large returns: the
 * envelope; each top-level entry of an array section, and for a group holding documents (a b2b
 * recipient and its invoices) the group's own keys and then one document at a time; each object
 * section (nil, hsn, doc_issue, supeco) whole. Every schema error is one finding with its JSON
 * path (and the document and group it is in); after 100 the rest are counted in one last finding.
 * Amounts over the schema's digit limits are located on their cells by AMOUNT_DIGITS; this check
 * then leaves them out, and still reports an amount that overflows as a sum of rows.
 *   pass: the JSON the section mappers write; fail: an invoice number with a space, a missing key
 */
import type { ProcessResult } from '../../engine/pass.js';
import { formatPeriod } from '../../model/period.js';
import { SECTION_KEYS, SHEETS, type SectionKey } from '../../model/sheets.js';
import type { GroupedDocuments, SectionOutput } from '../../mappers/types.js';
import type { PassRule } from '../types.js';
import { retsaveSchema, schemaIssues, validatorAt, type SchemaIssue, type SchemaValidator } from '../schema.js';

/** Values the row rules check with their own codes and cell locations. */
const ROW_CHECKED: readonly (readonly [string, RegExp])[] = [
  ['enum', /\/(rt|pos|uqc)$/],
  ['pattern', /\/(inum|nt_num|oinum|ont_num)$/],
  // Table 13's serial numbers: DOCNUM_FORMAT, at the docs cell or the register document's
  ['pattern', /^\/doc_issue\/doc_det\/\d+\/docs\/\d+\/(from|to)$/],
];

/** JSON keys of the schema's `value` and `amount` definitions (AMOUNT_DIGITS checks their cells). */
const AMOUNT_PATH = /\/(val|txval|iamt|camt|samt|csamt|ad_amt|nil_amt|expt_amt|ngsup_amt|suppval|igst|cgst|sgst|cess)$/;

/** Findings reported one by one before the rest are only counted. */
export const MAX_SCHEMA_FINDINGS = 100;

/**
 * A section's entries, iterable again afterwards. A one-shot iterator (a generator) is read into
 * an array and put back in the result, so the payload writer after us still sees every entry.
 */
function entries(result: ProcessResult, key: SectionKey, out: SectionOutput & { kind: 'array' }): Iterable<unknown> {
  const items = out.items as Iterable<unknown> & { next?: unknown };
  if (typeof items.next !== 'function') return items;
  const list = [...items];
  result.outputs.set(key, { ...out, items: list });
  return list;
}

interface Where {
  group?: string;
  document?: string;
}

/** The document a JSON path runs through: its number (inum / nt_num) and group (ctin / pos). */
function documentAt(root: unknown, path: string, found: Where = {}): Where {
  let node: unknown = root;
  for (const part of ['', ...path.split('/').slice(1)]) {
    if (part !== '') node = (node as Record<string, unknown> | undefined)?.[part];
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const o = node as Record<string, unknown>;
      for (const k of ['inum', 'nt_num']) if (typeof o[k] === 'string') found.document = o[k] as string;
      for (const k of ['ctin', 'pos', 'exp_typ']) if (typeof o[k] === 'string' && !found.document) found.group = o[k] as string;
    }
  }
  return found;
}

/** Schema pointers of a grouped section: the group, and the documents of its `list`. */
function groupPointers(key: SectionKey, list: string | undefined): { group: string; doc?: string } {
  const group = `/properties/${key}/items`;
  if (!list) return { group };
  const schema = retsaveSchema() as unknown as {
    properties: Record<string, { items?: { $ref?: string } }>;
    definitions: Record<string, { properties?: Record<string, { items?: { $ref?: string } }> }>;
  };
  const ref = schema.properties[key]?.items?.$ref;
  const def = ref?.startsWith('#/definitions/') ? schema.definitions[ref.slice('#/definitions/'.length)] : undefined;
  const docRef = def?.properties?.[list]?.items?.$ref;
  return docRef?.startsWith('#/') ? { group, doc: docRef.slice(1) } : { group };
}

/**
 * Errors of `value` as it will be written: the object is checked as is (fast), and only when it
 * fails is its JSON text checked instead, so that keys JSON drops (undefined) raise nothing.
 */
function issuesOf(pointer: string, value: unknown, prefix: string, valid = validatorAt(pointer)): { issues: SchemaIssue[]; json: unknown } {
  if (valid(value)) return NO_ISSUES;
  const json = JSON.parse(JSON.stringify(value)) as unknown;
  return { issues: schemaIssues(pointer, json, prefix), json };
}

/** what issuesOf gives for a valid value (its json is not looked at then) */
const NO_ISSUES: { issues: SchemaIssue[]; json: unknown } = { issues: [], json: undefined };

const SHEET_OF: Partial<Record<SectionKey, string>> = {};
for (const s of SHEETS) SHEET_OF[s.section] ??= s.names[0]!;
const HSN_PART_SHEET: Readonly<Record<string, string>> = { data: 'hsn', hsn_b2b: 'hsn(b2b)', hsn_b2c: 'hsn(b2c)' };

/** The template sheet a JSON path comes from (the hsn tab is in the path). */
function sheetOf(key: SectionKey | undefined, path: string): string | undefined {
  if (key === 'hsn') return HSN_PART_SHEET[path.split('/')[2] ?? ''];
  return key ? SHEET_OF[key] : undefined;
}

type Emit = (key: SectionKey | undefined, issues: SchemaIssue[], where: (issue: SchemaIssue) => Where) => void;

/**
 * A grouped section's documents, checked in two passes with the same findings, in the same order,
 * as checking them group by group: first every document in storage order (consecutive memory,
 * where group order jumps about), only noting which fail; then group by group, each group's own
 * keys and the failing documents spelt out at their place.
 */
function checkGroupedDocuments(
  key: SectionKey,
  listKey: string,
  docs: GroupedDocuments,
  groupPointer: string,
  docPointer: string,
  docValid: (value: unknown) => boolean,
  emit: Emit,
): void {
  const failed = new Uint8Array(docs.count);
  // documents that passed the same check while rows streamed (the rule's precheck), unchanged since, are not checked again
  const passed = docs.passed;
  for (let id = 0; id < docs.count; id++) if (!passed?.(id) && !docValid(docs.json(id))) failed[id] = 1;
  const groupValid = validatorAt(groupPointer);
  const listAt = `/${listKey}`;
  let k = 0;
  for (const header of docs.headers()) {
    const base = `/${key}/${k}`;
    const listPath = `${base}/${listKey}`;
    const members = docs.members(k++);
    const group = () => documentAt(header, '');
    // the usual group: its one error is the empty list's minItems (a header is plain JSON data, the
    // same once written), so its issues need not be spelt out only to be dropped
    if (!(members.length > 0 && onlyEmptyList(groupValid, header, listAt))) {
      // the empty list stands in for the documents: its minItems is not the group's fault
      const headerIssues = issuesOf(groupPointer, header, base, groupValid).issues.filter(
        (is) => !(members.length > 0 && is.path === listPath && is.keyword === 'minItems'),
      );
      if (headerIssues.length) emit(key, headerIssues, group);
    }
    for (let j = 0; j < members.length; j++) {
      if (!failed[members[j]!]) continue;
      const prefix = `${listPath}/${j}`;
      const { issues, json } = issuesOf(docPointer, docs.json(members[j]!), prefix);
      emit(key, issues, (is) => documentAt(json, is.path.slice(prefix.length), group()));
    }
  }
}

/** `header` breaks no rule of the group's schema but its document list's minItems (at `listAt`). */
function onlyEmptyList(valid: SchemaValidator, header: unknown, listAt: string): boolean {
  if (valid(header)) return true;
  for (const e of valid.errors ?? []) if (e.keyword !== 'if' && !(e.keyword === 'minItems' && e.instancePath === listAt)) return false;
  return true;
}

const rule: PassRule = {
  kind: 'pass',
  code: 'RET191106',
  severity: 'error',
  sections: [],
  source: 'GSTN GSTR-1 retsave JSON schema (schema/retsave.json); portal RET191106',
  description:
    'The JSON written for the return does not follow the portal\'s structure (schema/retsave.json): a missing or unknown key, a wrong type or value.',
  variants: [
    { path: '/b2b/0/inv/1/inum', detail: 'must match pattern "^[A-Za-z0-9/-]{1,16}$"', document: 'INV 7' },
    { reason: 'more', count: 25 },
  ],
  // the one-document check of checkGroupedDocuments' first pass, made early by the mappers
  precheck(section, listKey) {
    const doc = groupPointers(section, listKey).doc;
    if (!doc) return undefined;
    const valid = validatorAt(doc);
    const definitions = (retsaveSchema() as unknown as { definitions: Record<string, unknown> }).definitions;
    // the schema too: a mapper may find a document valid without its JSON, judging by the same validators
    return Object.assign((json: unknown) => valid(json), {
      schema: { pointer: doc, definitions, validator: (name: string) => validatorAt(`/definitions/${name}`) },
    });
  },
  check(ctx, report) {
    return {
      finish(result) {
        let reported = 0;
        let more = 0;
        // amounts over the digit limits are on their cells (AMOUNT_DIGITS); only a sum of rows
        // that overflows is left for this check, when no cell did
        const digitsOnCells = result.findings.items.some((f) => f.code === 'AMOUNT_DIGITS');
        const emit = (key: SectionKey | undefined, issues: SchemaIssue[], where: (issue: SchemaIssue) => Where) => {
          for (const issue of issues) {
            if (digitsOnCells && (issue.keyword === 'maximum' || issue.keyword === 'minimum') && AMOUNT_PATH.test(issue.path)) continue;
            // already reported on its cell by a row rule: a rate, POS or UQC off the list (RET191175,
            // RET191112, RET191353), a document number that breaks the format (DOCNUM_FORMAT)
            if (ROW_CHECKED.some(([kw, re]) => issue.keyword === kw && re.test(issue.path))) continue;
            if (reported >= MAX_SCHEMA_FINDINGS) {
              more++;
              continue;
            }
            reported++;
            const sheet = sheetOf(key, issue.path);
            report.raw({
              ...(sheet ? { sheet } : {}),
              params: { path: issue.path, detail: issue.detail, ...(key ? { section: key } : {}), ...where(issue) },
            });
          }
        };
        const env = { gstin: ctx.gstin, fp: formatPeriod(ctx.period) };
        emit(undefined, schemaIssues('', env), () => ({}));
        const props = retsaveSchema().properties;
        for (const key of SECTION_KEYS) {
          const out = result.outputs.get(key);
          if (!out) continue;
          if (!props[key]) {
            emit(key, [{ path: `/${key}`, detail: 'is not a GSTR-1 section', keyword: 'additionalProperties' }], () => ({}));
            continue;
          }
          if (out.kind === 'object') {
            const parts = Object.fromEntries(Object.entries(out.parts).filter(([, v]) => v.length > 0));
            if (Object.keys(parts).length === 0) continue;
            const { issues, json } = issuesOf(`/properties/${key}`, parts, `/${key}`);
            emit(key, issues, (i) => documentAt(json, i.path.slice(key.length + 1)));
            continue;
          }
          const pointers = groupPointers(key, out.splitKey);
          const docValid = pointers.doc ? validatorAt(pointers.doc) : undefined;
          if (out.documents && docValid) {
            checkGroupedDocuments(key, out.splitKey!, out.documents, pointers.group, pointers.doc!, docValid, emit);
            continue;
          }
          let i = 0;
          for (const item of entries(result, key, out)) {
            const base = `/${key}/${i++}`;
            const list = out.splitKey ? (item as Record<string, unknown>)[out.splitKey] : undefined;
            if (!pointers.doc || !Array.isArray(list)) {
              const { issues, json } = issuesOf(pointers.group, item, base);
              emit(key, issues, (is) => documentAt(json, is.path.slice(base.length)));
              continue;
            }
            // the group's own keys, then its documents one by one
            const listPath = `${base}/${out.splitKey}`;
            const header = issuesOf(pointers.group, { ...(item as Record<string, unknown>), [out.splitKey!]: [] }, base);
            // the group's key (ctin, pos...) for the findings' wording: only needed when there are some
            const groupItem = item;
            const group = () => documentAt({ ...(groupItem as Record<string, unknown>), [out.splitKey!]: [] }, '');
            const headerIssues = header.issues.filter(
              (is) => !(list.length > 0 && is.path === listPath && is.keyword === 'minItems'),
            );
            if (headerIssues.length) emit(key, headerIssues, group);
            for (let j = 0; j < list.length; j++) {
              if (docValid!(list[j])) continue; // the usual case: nothing to spell out
              const prefix = `${listPath}/${j}`;
              const { issues, json } = issuesOf(pointers.doc!, list[j], prefix, docValid);
              emit(key, issues, (is) => documentAt(json, is.path.slice(prefix.length), group()));
            }
          }
        }
        if (more > 0) report.raw({ params: { reason: 'more', count: more } });
      },
    };
  },
};
export default rule;
