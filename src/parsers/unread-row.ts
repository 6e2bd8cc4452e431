/**
 * A row whose only content is in columns the tool does not read (a remark, a running total): it
 * holds no return data, so it is skipped, and told once (ROW_ONLY_UNREAD_COLUMNS) rather than as
 * a CELL_REQUIRED for every empty mandatory column. Shared by the template and register readers.
 */
import type { Finding, Location } from '../model/finding.js';
import { cellText, isBlank, type RawCell } from './raw.js';

/** How many of the row's filled unread cells the finding names; the rest are counted. */
const NAMED = 3;

/** True when every read column (0-based `read` indexes) is blank: the row's content is elsewhere. */
export function holdsOnlyUnread(cells: readonly RawCell[], read: readonly number[]): boolean {
  for (let i = 0; i < read.length; i++) if (!isBlank(cells[read[i]!])) return false;
  return true;
}

/**
 * The finding for such a row: at its first filled cell, naming up to three filled cells (column,
 * header when it has one, text) and counting the others. `headers`: header text by 1-based column.
 */
export function unreadRowFinding(
  place: Pick<Location, 'file' | 'sheet' | 'row'>, cells: readonly RawCell[], read: readonly number[], headers: ReadonlyMap<number, string>,
): Finding {
  const params: Record<string, string | number> = {};
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    if (read.includes(i) || isBlank(cells[i])) continue;
    n++;
    if (n > NAMED) continue;
    params[`col${n}`] = i + 1;
    params[`text${n}`] = cellText(cells[i]).trim();
    const header = headers.get(i + 1);
    if (header !== undefined) params[`header${n}`] = header;
  }
  params.count = n;
  const header = params.header1 as string | undefined;
  return {
    code: 'ROW_ONLY_UNREAD_COLUMNS', severity: 'warning', ...place,
    ...(header !== undefined ? { column: header } : {}), col: params.col1 as number, value: params.text1 as string, params,
  };
}
