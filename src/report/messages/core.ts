/** Messages for reading files, sheets, headers and cells, documents, and command options. */
import type { MessageEntry } from './types.js';
import { CLI_WORDS } from './hosts.js';
import { periodInWords } from './period.js';
import { columnValue } from './date.js';
import { columnLetter } from '../annotate/names.js';
import { normaliseHeader } from '../../parsers/headers.js';

const s = (v: unknown) => (v === undefined ? '' : String(v));
/** A 1-based column number as Excel shows it (12 → L). */
const letter = (v: unknown) => (typeof v === 'number' ? columnLetter(v) : s(v));
/** A cell's text quoted in a message: a long remark is cut short, the cell itself holds the rest. */
const quoted = (v: unknown) => (s(v).length > 40 ? `${s(v).slice(0, 39)}…` : s(v));

/** ROW_ONLY_UNREAD_COLUMNS's filled cells: `column M ("Remarks"): "call back"`, up to three, then how many more. */
function filledCells(p: Record<string, unknown>): string {
  const named: string[] = [];
  for (let i = 1; i <= 3 && p[`col${i}`] !== undefined; i++) {
    const header = p[`header${i}`] !== undefined ? ` ("${s(p[`header${i}`])}")` : '';
    named.push(`column ${letter(p[`col${i}`])}${header}: "${quoted(p[`text${i}`])}"`);
  }
  const more = Number(p.count) - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

/** A registration kind (model/gstin's GstinKind) in words, for OPTION_GSTIN_KIND. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  tds: 'a TDS registration (tax deductor)',
  tcs: 'a TCS registration (e-commerce operator)',
  uin: 'a UIN (UN body, embassy or other notified person)',
  nr: "a non-resident taxable person's registration",
  oidar: "an OIDAR supplier's registration",
};

/** The operating system's reasons a file could not be opened or written, as a person reads them. */
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it or its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use by another program',
  EDQUOT: 'your disk quota is used up',
  EFBIG: 'the file is larger than that disk allows',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'the disk reported an error',
};

const NO_PERMISSION = 'Write it to a folder you may write to; if the file is there already, check that it is not read-only or open in Excel.';

/** What to do when an output file could not be written, by the reason. */
const WRITE_HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'Free some space on that disk, or write the file to another disk.',
  EDQUOT: 'Free some space in your files there, or write the file to another disk.',
  EFBIG: 'Write the file to another disk (a FAT32 USB stick holds files of up to 4 GB).',
  EROFS: 'Write the file to another folder or disk.',
  EACCES: NO_PERMISSION,
  EPERM: NO_PERMISSION,
  EBUSY: 'Close the file in Excel (or the program that has it open), then run again.',
  EISDIR: 'Give a file name, not the name of a folder.',
  ENAMETOOLONG: 'Choose a shorter name or a folder nearer the top of the disk.',
  EIO: 'Check the disk (or the network drive), or write the file to another disk.',
};

/** What to do when a file could not be opened, to read or to write, by the reason (FILE_ACCESS; room: writeCure). */
const NOT_PERMITTED = 'Check that you may read that file (or write in its folder, for a file the tool writes), and that it is not open in Excel.';
const ACCESS_HINTS: Readonly<Record<string, string>> = {
  EACCES: NOT_PERMITTED,
  EPERM: NOT_PERMITTED,
  EBUSY: 'Close the file in Excel (or the program that has it open), then run again.',
  ENOENT: 'Check the path: the folders in it must exist.',
  ENOTDIR: 'Check the path: a part of it that should be a folder is a file.',
  EISDIR: 'Name a file, not a folder.',
};

/** A table's entry for `key`, if the table has one of its own (not a property every object has, such as "constructor"). */
function own(table: Readonly<Record<string, string>>, key: unknown): string | undefined {
  const k = String(key);
  return Object.hasOwn(table, k) ? table[k] : undefined;
}

/** An operating-system failure (an errno code, as fileSystemReason gives it) in words. */
export function fsReasonWords(reason: unknown): string {
  return own(FS_REASONS, reason) ?? s(reason);
}

/** Reasons a write failed that more room on the same disk cures (a full disk, a used-up quota). */
const NO_ROOM: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/**
 * What cures a write that failed for `reason`, done to `place`, the folder written in as the
 * reader knows it ("that folder", "its journal folder"): a clause without capital or full stop,
 * for the command line (capitalised) and for the page's "Ask whoever set up this page to ...".
 * - a full disk or quota: free some space;
 * - a file larger than the disk takes (EFBIG, a FAT32 stick): another disk, as room does not help;
 * - any other refusal the operating system named (permission denied, a read-only disk, a folder in
 *   the way, a disk error): that folder must be made writable, as room does not help either;
 * - a reason it did not name (an error's own words): both, the space first.
 * `elsewhere`, when the reader can write somewhere else instead (TMPDIR), says how, given the
 * folder it needs: "a folder with room", "a folder you may write in".
 */
export function writeCure(reason: unknown, place: string, elsewhere?: (folder: string) => string): string {
  const why = String(reason);
  const or = (folder: string) => (elsewhere ? `, or ${elsewhere(folder)}` : '');
  if (NO_ROOM.has(why)) return `free some space on the disk that holds ${place}${or('a folder with room')}`;
  if (why === 'EFBIG') return elsewhere ? elsewhere('a folder on another disk') : `move ${place} to a disk that takes larger files`;
  if (own(FS_REASONS, why) !== undefined) return `make sure ${place} can be written in${or('a folder you may write in')}`;
  return `free some space on the disk that holds ${place} (or, if that disk is not full, make sure the folder can be written in)${or('a folder you may write in, on a disk with room')}`;
}

/** A clause of writeCure as the start of a sentence (the command line's). */
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * What whoever set up the page is asked to do when a working copy could not be written in the
 * server's temporary folder, by why (a full disk is one thing, a folder it may not write in another).
 */
export function tempFolderTask(reason: unknown): string {
  return `${writeCure(reason, 'the temporary folder of the computer it runs on')}.`;
}

/** What each number option takes, and a value that fits it (OPTION_NUMBER). */
const NUMBER_OPTIONS: Readonly<Record<string, { takes: string; example: string }>> = {
  '--port': { takes: 'a port number from 0 to 65535 (0: any free port)', example: '8080' },
  '--max-bytes': { takes: 'a whole number of bytes above 0', example: '4500000' },
  '--turnover': { takes: 'an amount in rupees', example: '62000000' },
  '--tolerance': { takes: 'an amount in rupees, 0 or more', example: '1' },
  '--wait': { takes: 'a number of seconds, 0 or more', example: '600' },
  '--poll-ms': { takes: 'a number of milliseconds, 0 or more', example: '2000' },
  '--ip-polls': { takes: 'a whole number from 0 to 1000', example: '3' },
  '--summary-lag-ms': { takes: 'a whole number of milliseconds from 0 to 3600000', example: '5000' },
  '--rate-limit': { takes: 'a whole number of requests a minute, up to 100000', example: '25' },
};

export const CORE_MESSAGES: Record<string, MessageEntry> = {
  // ------------------------------------------------------------------ files and sheets
  FILE_NOT_FOUND: { input: true, message: (p) => `File not found: ${s(p.file)}`, hint: () => 'Check the path and the file name.' },
  FILE_ACCESS: {
    input: true,
    message: (p) => `Could not open ${s(p.file)}: ${fsReasonWords(p.reason)}`,
    // met for reading as for writing; a full disk or a file too large for it comes of a write, and only room cures it
    hint: (p) =>
      NO_ROOM.has(String(p.reason)) || p.reason === 'EFBIG'
        ? `${capital(writeCure(p.reason, 'its folder'))}.`
        : own(ACCESS_HINTS, p.reason) ??
          'Check that the folder exists and that you may read it (and write in it, for a file the tool writes), and that the file is not open in Excel.',
  },
  FILE_WRITE: {
    message: (p) => `Could not write ${s(p.file)}: ${fsReasonWords(p.reason)}; it was not written`,
    hint: (p) => own(WRITE_HINTS, p.reason) ?? 'Check the path: the folders before the file name must exist (or be creatable) and be folders.',
  },
  FILE_WRITE_TEMP: {
    message: (p) => `Could not write a working copy in the temporary folder ${s(p.folder)}: ${fsReasonWords(p.reason)}`,
    // on the page, met when the upload went through and only the copy marked with the portal's errors was not written
    hint: (p, w = CLI_WORDS) =>
      w.onServer(
        `${capital(writeCure(p.reason, 'that folder', (folder) => `set TMPDIR (TEMP on Windows) to ${folder}`))}, and run again.`,
        tempFolderTask(p.reason),
      ),
  },
  FILE_IS_DIRECTORY: { input: true, message: (p) => `${s(p.file)} is a folder, not a file`, hint: () => 'Name the workbook or CSV files themselves.' },
  FILE_EMPTY: { input: true, message: (p) => `${s(p.file)} is empty`, hint: () => 'Save the workbook again from Excel, or export the CSV again.' },
  FILE_XLS: {
    input: true,
    message: (p) => `${s(p.file)} is an old Excel 97-2003 (.xls) workbook`,
    hint: () => 'Open it in Excel and use File > Save As > Excel Workbook (.xlsx).',
  },
  FILE_ENCRYPTED: {
    input: true,
    message: (p) => `${s(p.file)} is protected with a password`,
    hint: () => 'Open it in Excel, remove the password (File > Info > Protect Workbook), and save a copy.',
  },
  FILE_NOT_TEXT: {
    input: true,
    message: (p) =>
      `${s(p.file)} is not a CSV or text file: ${p.kind === 'pdf' ? 'it is a PDF document' : p.kind === 'image' ? 'it is a picture' : 'it holds binary data'}, whatever its name says`,
    hint: () => 'Give the CSV your accounting program or Excel exported (in Excel: File > Save As > CSV UTF-8), or the .xlsx workbook itself.',
  },
  FILE_NOT_XLSX: {
    input: true,
    message: (p) => `${s(p.file)} is not an Excel workbook, although its name ends in .xlsx`,
    hint: () => 'If it is a CSV or text export, rename it to .csv; otherwise save it again from Excel as .xlsx.',
  },
  FILE_TRUNCATED: {
    input: true,
    message: (p) => `${s(p.file)} is damaged or incomplete (the workbook ends early)`,
    hint: () => 'Copy or download the file again; if Excel opens it, save it again as .xlsx.',
  },
  FILE_TOO_LARGE: {
    input: true,
    message: (p) =>
      p.part
        ? `${s(p.file)} holds a part (${s(p.part)}) that unpacks from ${s(p.compressed)} to ${s(p.size)}, more than ${s(p.ratio)} times its size: a zip bomb, not a workbook`
        : `${s(p.file)} expands to ${s(p.size)} when unpacked, more than the ${s(p.limit)} limit; no GSTR-1 needs that much`,
    hint: () => 'Check the file is the sales workbook you meant; split very large returns into several workbooks.',
  },
  FILE_UNREADABLE: {
    input: true,
    message: (p) => `${s(p.file)} could not be read as a workbook (${s(p.detail)})`,
    hint: () => 'Open it in Excel and save it again as .xlsx.',
  },
  FILE_ONLY_HIDDEN_SHEETS: {
    input: true,
    message: (p) => `${s(p.file)} has GSTR-1 data only on hidden sheets: ${s(p.sheets)}; hidden sheets are not read`,
    hint: (_p, w = CLI_WORDS) => `Unhide the sheet in Excel (right-click a sheet tab > Unhide), save, ${w.againWithFile}; or copy its rows to a template sheet.`,
  },
  FILE_NO_KNOWN_SHEET: {
    input: true,
    message: (p) => `${s(p.file)} has no sheet this tool recognises`,
    hint: (p, w = CLI_WORDS) => `Name sheets (or CSV files) after the GSTR-1 template: ${s(p.known)}${w.csvSection}.`,
  },
  FILE_TEXT_DAMAGED: {
    input: true,
    message: (p) =>
      `${s(p.file)} has damaged text${p.row !== undefined ? ` on row ${s(p.row)}` : ''}: among its UTF-8 text are bytes that are not UTF-8 (text in another encoding mixed in, or a file cut short), so names and descriptions would be garbled; it was not read`,
    hint: () =>
      'Export the file again from the program that made it, as CSV UTF-8; if it was joined from several files, save each of them as CSV UTF-8 before joining (in Excel: Save As > CSV UTF-8 (Comma delimited)).',
  },
  SHEET_UNKNOWN: {
    message: (p) => `Sheet "${s(p.sheet)}" is not a GSTR-1 template sheet and its headers match none; it was skipped`,
    hint: (p) => `Rename it to one of: ${s(p.known)}, or remove it.`,
  },
  SHEET_UNSUPPORTED: {
    message: (p) => `Sheet "${s(p.sheet)}" is not converted; it was skipped`,
    hint: () => 'Enter these supplies on the GST portal directly, or leave the sheet empty.',
  },
  HEADER_NOT_FOUND: {
    input: true,
    message: (p) => `Sheet "${s(p.sheet)}" has no header row (looked in the first 10 rows)`,
    hint: (p) => `Put the column headers on row 4 (official template) or row 1, including: ${s(p.expected)}.`,
  },
  HEADER_MISSING_COLUMN: {
    input: true,
    message: (p) =>
      p.found
        ? `Column "${s(p.expected)}" is missing; found "${s(p.found)}", which looks like a misspelling`
        : `Column "${s(p.expected)}" is missing`,
    hint: (p) => `Name the column exactly "${s(p.expected)}" as in the official template.`,
  },
  TEMPLATE_V1: {
    message: (p) =>
      `This is the V1.x GSTR-1 template (sheet ${s(p.sheet)}${p.reason === 'hsn-rate' ? ' has no Rate column, which the HSN summary needs from the May 2021 return' : ''}); it cannot be read for this return`,
    hint: (_p, w = CLI_WORDS) => `Copy your rows into the current template (${w.templateFrom}), sheet by sheet under the same headers.`,
  },
  TEMPLATE_V1_READ: {
    message: (p) =>
      `This is the V1.x GSTR-1 template (sheet ${s(p.sheet)}); it was read${p.filled ? ` with the current template's defaults for the columns it lacks (${s(p.filled)})` : ''}`,
    hint: (_p, w = CLI_WORDS) =>
      `Reverse Charge is taken as N and Note Supply Type as Regular; if that is wrong, copy your rows into the current template (${w.templateFrom}). The original-invoice, reason and Pre GST columns are no longer reported.`,
  },
  HEADER_COLUMN_IGNORED: {
    message: (p) =>
      `Column "${s(p.found)}" is not a column of this sheet and was not read` +
      (p.other ? `; it is a column of sheet ${s(p.other)}` : ''),
    hint: (p, w = CLI_WORDS) =>
      p.other
        ? `If this is a sales register, ${w.asRegister}; if its rows belong to ${s(p.other)}, move them there.`
        : `Remove the column, or, if this is a sales register, ${w.asRegister}.`,
  },
  HEADER_UNKNOWN_COLUMN: {
    message: (p) => `Column "${s(p.found)}" is not a template column and was ignored; did you mean "${s(p.expected)}"?`,
    hint: (p) => `Rename the column to "${s(p.expected)}" if it holds that data.`,
  },
  HEADER_DUPLICATE_COLUMN: {
    message: (p) => {
      const [first, second] = [letter(p.firstCol), letter(p.col)];
      const named = normaliseHeader(s(p.first)) === normaliseHeader(s(p.found)) ? `${first} and ${second}` : `${first} ("${s(p.first)}") and ${second} ("${s(p.found)}")`;
      return `There are two "${s(p.expected)}" columns, ${named}; only column ${first} was read, but column ${second} is filled too (here "${quoted(columnValue(p.value, p.expected))}")`;
    },
    hint: (p) =>
      `Keep one "${s(p.expected)}" column: put the right figures in column ${letter(p.firstCol)} and delete column ${letter(p.col)}, or give column ${letter(p.col)} another header if it holds something else.`,
  },

  // ------------------------------------------------------------------ cells
  CELL_REQUIRED: { message: (p) => `${s(p.column)} is required`, hint: (p) => `Fill in ${s(p.column)}; the row was not converted.` },
  CELL_INVALID_DATE: {
    message: (p) => `"${s(p.value)}" is not a valid date`,
    hint: () => 'Write dates as dd-mmm-yyyy, e.g. 05-Mar-2025, or use an Excel date cell.',
  },
  CELL_INVALID_NUMBER: {
    message: (p) => `"${s(p.value)}" is not a number`,
    hint: () => 'Enter digits only, e.g. 100000.50 or 1,00,000.50; no letters or units.',
  },
  CELL_INVALID_INTEGER: { message: (p) => `"${s(p.value)}" is not a whole number`, hint: () => 'Enter a count without decimals, e.g. 25.' },
  CELL_INVALID_RATE: { message: (p) => `"${s(p.value)}" is not a tax rate`, hint: () => 'Enter the rate as a number, e.g. 18 for 18 %.' },
  CELL_INVALID_POS: {
    message: (p) => `"${s(p.value)}" is not a place of supply`,
    hint: (p) => (p.nearest ? `Did you mean ${s(p.nearest)}? ` : '') + 'Use the 2-digit state code with its name, e.g. 27-Maharashtra.',
  },
  CELL_INVALID_CHOICE: { message: (p) => `"${s(p.value)}" is not an allowed value`, hint: (p) => `Use one of: ${s(p.allowed)}.` },
  CELL_INVALID_HSN: { message: (p) => `"${s(p.value)}" is not an HSN/SAC code`, hint: () => 'Enter the code as digits only, e.g. 8471 or 998314.' },
  CELL_INVALID_FY: { message: (p) => `"${s(p.value)}" is not a financial year`, hint: () => 'Write it as 2024-25.' },
  CELL_INVALID_MONTH: { message: (p) => `"${s(p.value)}" is not a month`, hint: () => 'Write the month name in capitals, e.g. APRIL.' },
  CELL_EXCEL_ERROR: {
    message: (p) => `The cell shows the Excel error ${s(p.error)}`,
    hint: () => 'Fix the formula so the cell shows a value, or type the value in.',
  },
  CELL_FORMULA_NO_VALUE: {
    message: () => 'The cell holds a formula that was never calculated (the file was saved without its results)',
    hint: () => 'Open the file in Excel or LibreOffice and save it: the formulas are then calculated and their values stored.',
  },
  SHEET_HIDDEN_SKIPPED: {
    message: (p) => `Sheet "${s(p.sheet)}" is hidden and was not read, though its headers are those of the ${s(p.like)} sheet: its rows may belong in the return`,
    hint: (p) => `If its rows are supplies of this return, unhide the sheet (it is then read as ${s(p.like)}) or move them to the ${s(p.like)} sheet; if not (an old copy, your workings), leave it: it is not read.`,
  },
  TOTALS_ROW_SKIPPED: {
    message: (p) => `Row read as a totals line ("${s(p.label)}") and skipped: it has no document number, date, GSTIN, place of supply, HSN or unit of its own`,
    hint: () => 'Nothing to do if it is a total. If it is a supply, fill in its document details and it will be read.',
  },
  AMOUNT_DECIMALS: {
    message: (p) => `${s(p.value)} has more than 2 decimals`,
    hint: () => 'Round the amount to paise (2 decimals); the portal rejects more.',
  },

  // ------------------------------------------------------------------ documents
  DOC_FIELD_MISMATCH: {
    message: (p) =>
      `${s(p.column)} differs from the first line of document ${s(p.document)} (row ${s(p.firstRow)}: ${p.expected === '' || p.expected === undefined ? 'blank' : `"${s(p.expected)}"`})`,
    hint: () => 'Every line of one invoice or note must repeat the same invoice-level details; correct this line or give it its own number.',
  },
  DOC_TAX_PARTLY_GIVEN: {
    message: (p) =>
      p.given === 'this'
        ? `This line gives tax amounts, but another line of document ${s(p.document)} at ${s(p.rate)}%, summed into the same item, leaves them blank`
        : `This line leaves the tax amounts blank, but another line of document ${s(p.document)} at ${s(p.rate)}%, summed into the same item, gives them`,
    hint: () =>
      'Fill the tax amounts on every line of this document at this rate, or leave them blank on all of them to have the tax worked out from taxable value and rate; part given, part left out, the item\'s tax would be wrong.',
  },
  HSN_SHEET_PERIOD: {
    message: (p) =>
      `Sheet "${s(p.sheet)}" does not fit the ${periodInWords(p.period)} return: ${
        p.layout === 'split'
          ? 'from the May 2025 period Table 12 is reported in two lists, hsn(b2b) and hsn(b2c), not in the single hsn sheet'
          : 'the hsn(b2b) and hsn(b2c) sheets apply from the May 2025 period; earlier periods use the single hsn sheet'
      }`,
    hint: () => 'From the May 2025 period use the hsn(b2b) and hsn(b2c) sheets; before it, the single hsn sheet.',
  },

  // ------------------------------------------------------------------ options
  OPTION_REQUIRED: { input: true, message: (p, w = CLI_WORDS) => `${w.option(p.option)} is required`, hint: (p, w = CLI_WORDS) => w.add(p.option) },
  OPTION_GSTIN: {
    input: true,
    message: (p) => `"${s(p.value)}" is not a GSTIN`,
    hint: (_p, w = CLI_WORDS) => `Give your own 15-character GSTIN, e.g. ${w.example('--gstin', '27AAACR5055K1Z7')}.`,
  },
  OPTION_GSTIN_KIND: {
    input: true,
    message: (p) => `${s(p.value)} is ${KIND_NAMES[s(p.kind)] ?? 'a registration'} that does not file GSTR-1`,
    hint: () => 'Give your own GSTIN as a regular taxpayer. TDS deductors file GSTR-7, TCS collectors GSTR-8, UIN holders GSTR-11, non-resident taxable persons GSTR-5, OIDAR suppliers GSTR-5A.',
  },
  OPTION_GSTIN_STATE: {
    input: true,
    message: (p) => `${s(p.value)} starts with ${s(p.state)}, which is not a State or UT code`,
    hint: () => 'The first two digits of a GSTIN are the State code of the registration (01-38, 97); check the GSTIN on your registration certificate.',
  },
  OPTION_GSTIN_CHECKSUM: {
    input: true,
    message: (p) => `${s(p.value)} is not a valid GSTIN: its check character (the 15th) does not match the first 14 characters`,
    hint: (p) => `With these first 14 characters the check character is ${s(p.expected)} (${s(p.corrected)}); check the GSTIN on your registration certificate for a mistyped character.`,
  },
  OPTION_PERIOD: {
    input: true,
    message: (p) => `"${s(p.value)}" is not a return period`,
    hint: (_p, w = CLI_WORDS) => `Give the period as MMYYYY, e.g. ${w.example('--period', '032025')} (from 072017)${w.quarterPeriod}.`,
  },
  OPTION_SECTION: { input: true, message: (p) => `"${s(p.value)}" is not a GSTR-1 sheet`, hint: (p) => `Use one of: ${s(p.allowed)}.` },
  OPTION_NUMBER: {
    input: true,
    message: (p, w = CLI_WORDS) => `${w.option(p.option)} must be ${NUMBER_OPTIONS[s(p.option)]?.takes ?? 'a positive whole number'}, not "${s(p.value)}"`,
    hint: (p, w = CLI_WORDS) => {
      const example = NUMBER_OPTIONS[s(p.option)]?.example;
      return example ? `e.g. ${w.example(p.option, example)}` : '';
    },
  },
  OPTION_DATE: { input: true, message: (p, w = CLI_WORDS) => `${w.option(p.option)} must be a date, not "${s(p.value)}"`, hint: () => 'e.g. 01-Jul-2017' },
  ANNOTATED_TOO_LARGE: {
    message: (p) => `The annotated workbook would pass ${s(p.limit)}, more than a zip without ZIP64 holds; it was not written`,
    hint: (_p, w = CLI_WORDS) => `Split the return into several workbooks and annotate each, or ${w.findingsList}.`,
  },
  OUTPUT_SAME_AS_INPUT: {
    input: true,
    message: (p) => `The output ${s(p.file)} would overwrite an input file`,
    hint: () => 'Choose another output name; input files are never modified.',
  },
  STATUS_JSON: {
    input: true,
    message: (p) => `${s(p.file)} is not a return-status response (not valid JSON)`,
    hint: (_p, w = CLI_WORDS) => `Save the status call's reply as it came (${w.statusSource}), or the error_report part of it.`,
  },
  STATUS_NOT_ERROR_REPORT: {
    input: true,
    message: (p) =>
      p.reason === 'return'
        ? `${s(p.file)} is the return's own JSON (GSTIN ${s(p.gstin)}, ${periodInWords(p.period)}), not the portal's status or error report: it holds no error of the portal`
        : `${s(p.file)} is not the portal's status or error report: nothing in it carries an error code of the portal`,
    hint: (_p, w = CLI_WORDS) =>
      `Choose the status call's reply as it came (${w.statusSource}), or the error_report part of it: it lists each document the portal refused with its error code, e.g. RET191113.`,
  },
  JSON_RETURN_MISMATCH: {
    input: true,
    message: (p) =>
      p.option === '--period'
        ? `${s(p.option)} ${s(p.value)} is not the JSON's period (${periodInWords(p.json)}, ${s(p.json)})`
        : `${s(p.option)} ${s(p.value)} is not the JSON's (${s(p.json)})`,
    hint: (p) => `Leave ${s(p.option)} out (the JSON says whose return it is and for which period), or give the right JSON.`,
  },
  INPUT_JSON: {
    input: true,
    message: (p) => `${s(p.file)} is not a GSTR-1 JSON file (${s(p.detail)})`,
    hint: () => 'Give the retsave JSON written by gstr1 convert, or a GSTR-1 JSON downloaded from the portal.',
  },
  JSON_CHUNKS_OF_TWO_RETURNS: {
    input: true,
    message: (p) =>
      `${s(p.file)} is the return of ${s(p.gstin)} for ${periodInWords(p.fp)} (${s(p.fp)}), and ${s(p.first)} that of ${s(p.firstGstin)} for ${periodInWords(p.firstFp)} (${s(p.firstFp)})`,
    hint: () => 'Give the files of one return at a time (the chunks gstr1 convert wrote for it); run the command again for the other return.',
  },
  IFF_OTHER_GSTIN: {
    input: true,
    message: (p) => `${s(p.file)} is the GSTR-1 of ${s(p.found)}, not of ${s(p.gstin)}`,
    hint: (_p, w = CLI_WORDS) => `${w.option('--iff')} takes the JSON (or spreadsheets) of your own IFF months of the quarter.`,
  },
  IFF_OTHER_PERIOD: {
    input: true,
    message: (p) => `${s(p.file)} is the return for ${periodInWords(p.found)}, which is not an IFF month of the quarter before ${periodInWords(p.period)}`,
    hint: (_p, w = CLI_WORDS) => `${w.option('--iff')} takes the months of the same quarter that come before this return's period (April and May for June).`,
  },
  JSON_SECTION_SKIPPED: {
    message: (p) => `Section "${s(p.section)}" of ${s(p.file)} has no sheet in the template workbook; it was left out`,
    hint: () => 'Enter these details on the GST portal directly; the workbook does not carry them.',
  },
  JSON_SECTION_UNREADABLE: {
    message: (p) => `Section "${s(p.section)}" of ${s(p.file)} does not have the shape of a GSTR-1 section; it was left out`,
    hint: () => 'Check the file is a retsave JSON written by gstr1 convert or downloaded from the portal.',
  },
  FILE_TEXT_MIXED_ENCODINGS: {
    input: true,
    message: (p) =>
      `${s(p.file)} mixes two text encodings: it reads as Windows-1252 (what Excel's plain "CSV" gives), but ${p.row !== undefined ? `row ${s(p.row)}` : 'it'} also has text that looks like UTF-8 ("${s(p.windows1252)}" there is "${s(p.utf8)}" written in UTF-8); read as either one, some names and descriptions would be garbled, so it was not read`,
    hint: () =>
      'If it was put together from several files, save each of them as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8 (Comma delimited)) and put those together again; if a program wrote it, export it again as CSV UTF-8. Opening this file in Excel and saving it does not mend it: Excel too reads one of its two encodings garbled.',
  },
  OPTION_EMPTY_PATH: {
    input: true,
    message: (p, w = CLI_WORDS) => `${w.option(p.option)} was given an empty name`,
    hint: (p, w = CLI_WORDS) => `Give ${w.option(p.option)} a file name (in quotes when it has spaces).`,
  },
  OUTPUT_CHUNK_IS_INPUT: {
    input: true,
    message: (p) => `${s(p.file)} is an input, and also the name a return written to ${s(p.out)} takes for its part 1, 2... when it is too large for one file: it could be overwritten`,
    hint: () => 'Rename that input, or write the return under another name (--out); input files are never modified.',
  },
  TEMPLATE_FILES_EXIST: {
    input: true,
    message: (p) => `${s(p.dir)} already holds ${s(p.count)} of the files gstr1 template writes (${s(p.files)}); nothing was written`,
    hint: () => 'Write the blank template into a new or empty folder (--out <folder>), or add --force to replace those files with blank ones (a filled-in copy among them would be lost).',
  },
  CONVERT_OLDER_FILES: {
    message: (p) => {
      const one = p.count === 1;
      const what = p.written ? `not part of this return, which is ${s(p.written)} only` : 'not this return (none was written)';
      return `${s(p.files)} ${one ? 'was' : 'were'} there before this run and ${one ? 'is' : 'are'} ${what}`;
    },
    hint: (p) => `Delete or move the older file(s) before you upload, so that they are not sent as this return (e.g. by gstr1 upload ${s(p.chunks)}).`,
  },
  ROW_ONLY_UNREAD_COLUMNS: {
    message: (p) =>
      `This row has nothing in the columns that are read, only in ${Number(p.count) === 1 ? 'a column that is not' : 'columns that are not'}: ` +
      `${filledCells(p)}; the row was skipped`,
    hint: () =>
      'Nothing to do if it is a note or a running total: it is not part of the return. ' +
      'If it is a supply, enter its details in the columns that are read, and it will be read.',
  },
};
