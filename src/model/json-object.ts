/**
 * A JSON object: not an array, not null. What a retsave section, a provider's reply, an error
 * report or a mapping file is read as before its fields are looked at.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
