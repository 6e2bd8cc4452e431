/**
 * The workbook part of the annotated copy: the user's workbook.xml with the Errors sheet listed
 * first. Inserting a sheet before the others moves every sheet one place along, so what refers
 * to sheets by position moves with them: the defined names' `localSheetId`, and the workbook
 * view's `activeTab` (the tab Excel opens on) and `firstSheet`. Sheet ids, names and everything
 * else stay as they are (formulas, the calculation chain and pivot tables refer to sheets by
 * name or id).
 */
import { xmlEscape } from './names.js';
import { attrsOf, NS_REL, rootPrefix } from './ooxml.js';

export interface WorkbookEdit {
  readonly name: string;
  readonly rid: string;
  /** open the workbook on the Errors sheet (else on the tab that was open) */
  readonly selectErrors: boolean;
}

/** The tab the workbook opens on (0-based), as written. */
export function activeTab(workbook: string): number {
  const view = new RegExp(`<${rootPrefix(workbook, 'workbook')}workbookView(?=[\\s/>])[^>]*>`).exec(workbook);
  const n = view ? Number(attrsOf(view[0]).activeTab ?? 0) : 0;
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function editWorkbook(workbook: string, e: WorkbookEdit): string {
  const p = rootPrefix(workbook, 'workbook');
  const sheetIds = [...workbook.matchAll(new RegExp(`<${p}sheet\\s[^>]*>`, 'g'))].map((m) => Number(attrsOf(m[0]).sheetId) || 0);
  const sheetId = Math.max(0, ...sheetIds) + 1;
  // the prefix the workbook gives the relationships namespace, else one declared on the element
  const rootTag = new RegExp(`<${p}workbook[\\s>][^>]*>`).exec(workbook)?.[0] ?? '';
  const bound = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${NS_REL.replace(/[./]/g, '\\$&')}["']`).exec(rootTag)?.[1];
  const rAttr = bound ? `${bound}:id="${xmlEscape(e.rid)}"` : `xmlns:r="${NS_REL}" r:id="${xmlEscape(e.rid)}"`;
  const element = `<${p}sheet name="${xmlEscape(e.name)}" sheetId="${sheetId}" ${rAttr}/>`;

  let text = workbook.replace(/(\slocalSheetId\s*=\s*["'])(\d+)(["'])/g, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
  const tab = e.selectErrors ? 0 : activeTab(workbook) + 1;
  const view = new RegExp(`<${p}workbookView(?=[\\s/>])[^>]*>`).exec(text);
  if (view) {
    let tag = view[0];
    for (const [name, value] of [['activeTab', tab], ['firstSheet', 0]] as const) {
      tag = new RegExp(`\\s${name}\\s*=`).test(tag)
        ? tag.replace(new RegExp(`(\\s${name}\\s*=\\s*)["'][^"']*["']`), `$1"${value}"`)
        : tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
    }
    text = text.slice(0, view.index) + tag + text.slice(view.index + view[0].length);
  }
  const sheets = new RegExp(`<${p}sheets(?=[\\s/>])[^>]*>`).exec(text);
  if (!sheets) throw new Error('the workbook part has no <sheets>');
  const selfClosing = sheets[0].endsWith('/>');
  const open = selfClosing ? `${sheets[0].slice(0, -2).trimEnd()}>` : sheets[0];
  const bookViews = view ? '' : `<${p}bookViews><${p}workbookView activeTab="${tab}"/></${p}bookViews>`;
  return (
    text.slice(0, sheets.index) + bookViews + open + element + (selfClosing ? `</${p}sheets>` : '') + text.slice(sheets.index + sheets[0].length)
  );
}
