// Types for scripts/gen-schema-code.mjs, for src/validators/generated.test.ts.

/** schema/retsave.json, as a file path */
export const SCHEMA_PATH: string;
/** src/validators/generated/retsave-validators.js and .d.ts, as file paths */
export const TARGET_PATHS: { js: string; dts: string };
/** The JSON pointers (into the schema) a validator is generated for, in a fixed order. */
export function schemaPointers(schema: object): string[];
/** The generated module for `schema` (default: schema/retsave.json as on disk): code and declarations. */
export function generateSchemaCode(schema?: object): { js: string; dts: string };
