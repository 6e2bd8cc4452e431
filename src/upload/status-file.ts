/**
 * A status reply or error report the user saved and gives back (`gstr1 annotate --status`, the
 * page's "Put the portal's errors on my workbook"): read as the portal's errors only when it is
 * one. Any .json can be chosen there, and the easiest one to pick by mistake is the return's own
 * JSON; read as a bare error report, each of its documents became a "portal error" the portal
 * never reported. A file in which nothing carries an error code is refused, saying what it is.
 */
import { InputError } from '../model/errors.js';
import { isObject } from '../model/json-object.js';
import { PORTAL_NO_CODE } from '../report/messages/portal-hints.js';
import { parseStatusResponse, type ParsedStatus } from './error-report.js';

/** `text`, the file `file` (as the user named it), as the portal's status; InputError when it is not one. */
export function parseStatusFile(text: string, file: string): ParsedStatus {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError('STATUS_JSON', { file });
  }
  const parsed = parseStatusResponse(json);
  // errors need a code the portal gave; a status without any (processed, in progress) says what it says
  const reported = parsed.errors.some((e) => e.code !== PORTAL_NO_CODE);
  if (reported || (parsed.errors.length === 0 && parsed.statusCd !== undefined)) return parsed;
  // the return's own JSON: the data uploaded, not what the portal said of it
  if (isObject(json) && typeof json.gstin === 'string' && typeof json.fp === 'string') {
    throw new InputError('STATUS_NOT_ERROR_REPORT', { file, reason: 'return', gstin: json.gstin, period: json.fp });
  }
  throw new InputError('STATUS_NOT_ERROR_REPORT', { file });
}
