/**
 * The published JSON Schema of the retsave payload (schema/retsave.json), with its validators
 * precompiled by ajv into generated/retsave-validators.js (npm run gen:schema), so a run
 * compiles nothing. Large returns are checked piece by piece: the envelope, then each top-level
 * entry of an array section (a b2b recipient with its invoices) against that section's `items`
 * schema, so no payload object bigger than one entry is ever built.
 */
import { host } from '../parsers/host/source.js';
import type { ErrorObject } from 'ajv';
import { validators, type PrecompiledValidator } from './generated/retsave-validators.js';


interface JsonSchema {
  $id: string;
  properties: Record<string, { type?: string; items?: unknown; properties?: Record<string, unknown> }>;
}

/** A validator: true when the value is valid, else `errors` (ajv's, verbose) say why. */
export type SchemaValidator = PrecompiledValidator;

let schema: JsonSchema | undefined;

/** The retsave schema as published. */
export function retsaveSchema(): JsonSchema {
  return (schema ??= host().data('retsave-schema') as JsonSchema);
}

/**
 * The validator of the schema at `pointer` (a JSON pointer into schema/retsave.json): the root
 * (''), /properties/<key>, /properties/<key>/items or /definitions/<name>.
 */
export function validatorAt(pointer: string): SchemaValidator {
  const v = Object.hasOwn(validators, pointer) ? validators[pointer] : undefined;
  if (!v) throw new Error(`schema/retsave.json has nothing at ${pointer}`);
  return v;
}

export interface SchemaIssue {
  /** JSON path of the offending value in the payload, e.g. /b2b/0/inv/2/idt */
  readonly path: string;
  /** what is wrong, in ajv's words plus the key or allowed values involved */
  readonly detail: string;
  readonly keyword: string;
}

export function describe(e: ErrorObject, prefix: string): SchemaIssue {
  const p = e.params as Record<string, unknown>;
  // a failed `not` says only "must NOT be valid": the schema's own description of it says why
  const why = e.keyword === 'not' ? (e.parentSchema as { description?: string } | undefined)?.description : undefined;
  let detail = why ?? e.message ?? e.keyword;
  if (typeof p.additionalProperty === 'string') detail += ` (${p.additionalProperty})`;
  if (Array.isArray(p.allowedValues)) detail += `: ${p.allowedValues.join(', ')}`;
  if (p.allowedValue !== undefined) detail += `: ${String(p.allowedValue)}`;
  return { path: `${prefix}${e.instancePath}`, detail, keyword: e.keyword };
}

/** Errors of `value` against the schema at `pointer`, paths prefixed with `prefix`. */
export function schemaIssues(pointer: string, value: unknown, prefix = ''): SchemaIssue[] {
  const v = validatorAt(pointer);
  if (v(value)) return [];
  // if/then/else adds an "if" error beside the real one; it says nothing to a user
  return (v.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => describe(e, prefix));
}

/**
 * Errors of a whole payload (an assembled return, or a JSON file read back) against the
 * schema. For a return being converted the RET191106 rule checks entry by entry instead.
 */
export function validatePayload(payload: unknown): SchemaIssue[] {
  return schemaIssues('', payload);
}
