import { describe, expect, it } from 'vitest';
import { hintOf, MESSAGES, messageOf } from './index.js';
import { JSON_INPUT_MESSAGES } from './json-input.js';

/**
 * A command line in a text: a gstr1 command (`gstr1 upload`...) or an option (`--nil`). `gstr1 serve`
 * is the page's own server, which a message may name as such, and "a gstr1 bug" names the tool,
 * not a step.
 */
const COMMAND_LINE = /\bgstr1 (?:convert|validate|upload|status|reset|file|to-excel|template|split|mapping|annotate|emulator)\b|(?<![\w-])--[a-z]/;

/**
 * What a page hint cannot ask of its reader, who may not be whoever set the page up and has no
 * terminal: to start gstr1 serve, to run a shell command or run anything again, to set an
 * environment variable. What has to be done on that machine, they ask that person to do.
 */
const SERVER_SIDE = /\bgstr1 serve\b|\bchmod\b|\bTMPDIR\b|\bnpm\b|\b[Rr]un again\b|\b[Rr]un: /;

/**
 * Codes the page can never show, and why: every other code of the catalogue is one it can meet
 * (the check in its worker, or a job or a refusal of gstr1 serve), so a new code is held to the
 * page's words unless it is listed here.
 */
const CLI_ONLY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.keys(JSON_INPUT_MESSAGES).map((c) => [c, 'a JSON return is read by validate, to-excel and upload only: the page and serve read spreadsheets'])),
  JSON_RETURN_MISMATCH: 'JSON input', INPUT_JSON: 'JSON input', JSON_CHUNKS_OF_TWO_RETURNS: 'JSON input', JSON_SECTION_UNREADABLE: 'JSON input (to-excel)',
  IFF_OTHER_GSTIN: 'the page has no IFF months (--iff)', IFF_OTHER_PERIOD: 'the page has no IFF months (--iff)',
  OUTPUT_CHUNK_IS_INPUT: 'files the command line writes', TEMPLATE_FILES_EXIST: 'files the command line writes', CONVERT_OLDER_FILES: 'files the command line writes',
  LISTEN_PORT_IN_USE: 'starting a server', LISTEN_PORT_NOT_ALLOWED: 'starting a server', LISTEN_ADDRESS_UNAVAILABLE: 'starting a server',
  EMULATOR_HOST: 'starting the emulator', SERVE_NOT_BUILT: 'starting gstr1 serve', UPLOAD_PROVIDER_NAME: 'gstr1 serve checks --provider as it starts',
  OPTION_LAYOUT: 'the page has no --layout', OPTION_MAPPING_ACTION: 'gstr1 mapping only', OPTION_PRESET: "the page's layout list offers the presets only",
  // the page's File button always sends the chosen files, and never asks for a nil return
  UPLOAD_GSTR1A_NIL: '--nil', UPLOAD_NIL_WITH_DATA: '--nil', UPLOAD_JOURNAL_NO_TOTALS: 'gstr1 file without files', UPLOAD_CHUNKS_REJECTED: 'gstr1 file without files',
  UPLOAD_STDIN_LINE: 'the page asks for each OTP: it reads no standard input',
};

/** The codes the page can show: the catalogue less the command line's own. */
const pageCodes = () => Object.keys(MESSAGES).filter((c) => !(c in CLI_ONLY));

/**
 * The reasons a finding of the page can have: no registration date is given there, so none is "before-registration";
 * and why a file of the server could not be written (a full disk, a refusal, a file too large for its disk).
 */
const PAGE_REASONS = [undefined, 'sez', 'after-period', 'hsn-rate', 'more', 'ENOSPC', 'EACCES', 'EROFS', 'EFBIG'];

describe('hosts: one message set, options named as the reader sees them', () => {
  it('the command line names flags; the page names its form fields', () => {
    const gstin = { code: 'OPTION_GSTIN', params: { value: '27AAKCS4821M1Z' } };
    expect(hintOf(gstin)).toBe('Give your own 15-character GSTIN, e.g. --gstin 27AAACR5055K1Z7.');
    expect(hintOf(gstin, 'web')).toBe('Give your own 15-character GSTIN, e.g. 27AAACR5055K1Z7 in GSTIN.');
    expect(messageOf(gstin, 'web')).toBe(messageOf(gstin));

    const required = { code: 'OPTION_REQUIRED', params: { option: '--period' } };
    expect([messageOf(required), hintOf(required)]).toEqual(['--period is required', 'Add --period; see gstr1 --help.']);
    expect([messageOf(required, 'web'), hintOf(required, 'web')]).toEqual(['Return period is required', 'Fill in Return period.']);

    // the page's period field takes a quarter too, as --period does
    const period = { code: 'OPTION_PERIOD', params: { value: '132025' } };
    expect(hintOf(period)).toBe("Give the period as MMYYYY, e.g. --period 032025 (from 072017), or a quarterly filer's quarter, e.g. --period Q4-2024-25.");
    expect(hintOf(period, 'web')).toBe("Give the period as MMYYYY, e.g. 032025 in Return period (from 072017), or a quarterly filer's quarter, e.g. Q4-2024-25.");

    const sez = { code: 'RET191150', params: { reason: 'sez' } };
    expect(hintOf(sez)).toMatch(/, or drop --sez if you are not/);
    expect(hintOf(sez, 'web')).toMatch(/, or untick "We are an SEZ unit or developer" if you are not/);

    // files given to file that match no uploaded chunk: on the command line, perhaps cut with other options than upload's
    const notUploaded = { code: 'UPLOAD_NOT_UPLOADED', params: { chunks: '2' } };
    expect(hintOf(notUploaded)).toMatch(/^Upload these files first \(gstr1 upload\), or file without files .* If these are the files uploaded, give file the conversion options upload had \(--max-bytes,/);
    expect(hintOf(notUploaded, 'web')).toBe('Upload these files first (Upload to the portal), or choose the files that were uploaded.');

    // refreshing the HSN master is the tool's owner's task on the page, a command on the command line
    const master = { code: 'RET191349', params: { hsn: '999999' } };
    expect(hintOf(master)).toMatch(/refresh data\/hsn-master\.json \(npx tsx scripts\/refresh-hsn\.ts\)\.$/);
    expect(hintOf(master, 'web')).toMatch(/ Ask whoever set up this page to refresh the HSN master of the tool behind this page, if the code is in the portal's list\.$/);
    expect(hintOf(master, 'web')).not.toMatch(/data\/|npx/);

    // a flag the page has no field for stays a flag (the serve command's own options)
    const turnover = { code: 'OPTION_NUMBER', params: { option: '--max-bytes', value: 'x' } };
    expect(hintOf(turnover, 'web')).toBe('e.g. --max-bytes 4500000');
  });

  it('no text the page can show names a gstr1 command or an option: the page has fields and buttons, no command line', () => {
    const shown = pageCodes();
    // the trace below is not empty, and holds what the page meets through gstr1 serve
    expect(shown).toEqual(expect.arrayContaining(['UPLOAD_CHUNKS_PENDING', 'UPLOAD_NOTHING_TO_FILE', 'UPLOAD_REPLY_LOST', 'RET191113', 'SERVE_FILE_TOO_LARGE', 'REGISTER_MAPPING_INVALID']));
    const sample = { option: '--gstin', other: 'b2b', layout: 'x', value: 'v', file: 'sales.xlsx', sheet: 'b2b' };
    for (const code of shown) {
      for (const reason of PAGE_REASONS) {
        for (const form of [undefined, 'gstr1a', 'GSTR-1A']) {
          const f = { code, params: { ...sample, reason, ...(form ? { form } : {}) } };
          expect(`${messageOf(f, 'web')} ${hintOf(f, 'web')}`, code).not.toMatch(COMMAND_LINE);
          expect(hintOf(f, 'web'), code).not.toMatch(SERVER_SIDE);
        }
      }
    }
  });

  it('what the page shows through gstr1 serve names no step it cannot take', () => {
    const nothing = { code: 'UPLOAD_NOTHING_TO_FILE', params: {} };
    expect(hintOf(nothing)).toMatch(/\(gstr1 validate\).*use --nil\.$/);
    expect(hintOf(nothing, 'web')).toBe('If the workbook does have invoices, check that its sheets were recognised (press Check and look at Rows per sheet), upload it, then file. A nil return is not filed from this page: file it on the GST portal.');
    // the command line keeps its commands; the page names its buttons for the same step
    const pending = { code: 'UPLOAD_CHUNKS_PENDING', params: { count: 1, chunks: '2' } };
    expect(hintOf(pending)).toBe('Run gstr1 upload with the same files again: it finishes them. Then file.');
    expect(hintOf(pending, 'web')).toBe('Press Upload to the portal with the same files again: it finishes them. Then file.');
    const lost = { code: 'UPLOAD_REPLY_LOST', params: {} };
    expect(hintOf(lost)).toBe('Run gstr1 status, then the same command again: it checks the portal before sending anything twice.');
    expect(hintOf(lost, 'web')).toBe('Press Upload status, then the same button again: it checks the portal before sending anything twice.');
    const form = { code: 'UPLOAD_FORM', params: { value: 'gstr3b' } };
    expect(hintOf(form)).toBe('Use --form gstr1 (the default) or --form gstr1a.');
    expect(hintOf(form, 'web')).toBe('Use GSTR-1 in Form (the default) or GSTR-1A in Form.');
    const unknown = { code: 'REGISTER_COLUMN_UNKNOWN', params: { found: 'Txable Val', candidates: 'Taxable Value' } };
    expect(hintOf(unknown)).toContain('gstr1 mapping init');
    expect(hintOf(unknown, 'web')).not.toContain('gstr1 mapping init');
    expect(hintOf(unknown, 'web')).toContain('Map the register\'s columns');
  });

  it('a GSTR-1A refused on the page names the page\'s Form and buttons, on the command line its flags', () => {
    const gstr1 = { code: 'UPLOAD_GSTR1A_GSTR1_NOT_FILED', params: { period: '092024', checked: 'portal' } };
    expect(hintOf(gstr1)).toContain('(gstr1 upload, gstr1 file)');
    expect(hintOf(gstr1, 'web')).toBe("Upload and file the period's GSTR-1 first (GSTR-1 in Form: Upload to the portal, then File GSTR-1); documents it still lacks can go in it directly.");
    const empty = { code: 'UPLOAD_NOTHING_TO_FILE', params: { form: 'gstr1a' } };
    expect(hintOf(empty)).toContain('(gstr1 upload --form gstr1a)');
    expect(hintOf(empty, 'web')).toBe('Upload the amendments or missed documents (Upload to the portal, GSTR-1A in Form), then file. With nothing to amend, no GSTR-1A is needed.');
    const filed = { code: 'UPLOAD_ALREADY_FILED', params: { form: 'GSTR-1', arn: 'AA1' } };
    expect(hintOf(filed, 'web')).toMatch(/in its GSTR-1A \(GSTR-1A in Form\)\.$/);
  });

  it('"nothing uploaded" is one message, its hint naming where each reader sees the sheets recognised', () => {
    const nothing = { code: 'UPLOAD_NOTHING_UPLOADED', params: {} };
    expect(messageOf(nothing)).toBe('Nothing was uploaded: the input holds no documents');
    expect(messageOf(nothing, 'web')).toBe(messageOf(nothing));
    expect(hintOf(nothing)).toBe('Check that its sheets were recognised (gstr1 validate).');
    expect(hintOf(nothing, 'web')).toBe('Check that its sheets were recognised (press Check and look at Rows per sheet).');
  });

  it('what is put right on the machine serve runs on is asked of whoever set the page up; the command line keeps its commands', () => {
    // the server's own files: their paths mean nothing in a browser, and a shell command cannot be run there
    const config = '/home/ops/.config/gstr1/credentials.json';
    const open = { code: 'UPLOAD_CONFIG_PERMISSIONS', params: { file: config, mode: '0644' } };
    expect(hintOf(open)).toBe(`Run: chmod 600 ${config}`);
    expect(hintOf(open, 'web')).toBe('Ask whoever set up this page to make its credentials file readable by them only, then press the button again.');
    const lock = { code: 'UPLOAD_LOCKED', params: { file: '/home/ops/.gstr1/27AAACR5055K1Z7-092025.lock', pid: 7 } };
    expect(hintOf(lock)).toBe('Wait for it to finish. If no such run exists, delete /home/ops/.gstr1/27AAACR5055K1Z7-092025.lock.');
    // every code about the server's files, folders or start, on the page: its reader asks, and is told what to ask
    const journal = '/home/ops/.gstr1/journal/27AAACR5055K1Z7-092025.jsonl';
    for (const f of [
      open, lock,
      { code: 'UPLOAD_CONFIG_OWNER', params: { file: config } },
      { code: 'UPLOAD_CONFIG_UNREADABLE', params: { file: config, detail: 'ENOENT' } },
      { code: 'UPLOAD_CREDENTIALS_MISSING', params: { provider: 'whitebooks', missing: 'GSTR1_WB_EMAIL' } },
      { code: 'UPLOAD_JOURNAL_CORRUPT', params: { file: journal, line: 3 } },
      { code: 'UPLOAD_JOURNAL_WRITE', params: { file: journal, reason: 'ENOSPC' } },
      { code: 'UPLOAD_FILED_NOT_RECORDED', params: { file: journal, reason: 'ENOSPC', arn: 'AA2709250000001' } },
      { code: 'UPLOAD_SESSION_NOT_KEPT', params: { file: journal, reason: 'ENOSPC' } },
      { code: 'UPLOAD_JOURNAL_NO_DESTINATION', params: { file: journal } },
      { code: 'SERVE_ANNOTATED_NOT_WRITTEN', params: { file: '/tmp/x/portal-errors.xlsx', reason: 'ENOSPC' } },
      { code: 'SERVE_NO_PORTAL', params: {} },
      { code: 'UPLOAD_NETWORK_ERROR', params: { provider: 'whitebooks' } },
      { code: 'UPLOAD_BASE_URL', params: { value: 'ftp://gsp.example' } },
      { code: 'UPLOAD_INSECURE_URL', params: { value: 'http://gsp.example' } },
      { code: 'UPLOAD_AUTH_FAILED', params: { provider: 'whitebooks' } },
    ]) {
      expect(hintOf(f, 'web'), f.code).not.toContain('/home/ops');
      expect(hintOf(f, 'web'), f.code).toMatch(/\b[Aa]sk whoever set (?:it|up this page)\b/);
    }

    // the workbook is on the reader's own computer: they unhide the sheet, and choose the saved file again
    const hidden = { code: 'FILE_ONLY_HIDDEN_SHEETS', params: { file: 'sales.xlsx', sheets: 'b2b' } };
    expect(hintOf(hidden)).toBe('Unhide the sheet in Excel (right-click a sheet tab > Unhide), save, and run again; or copy its rows to a template sheet.');
    expect(hintOf(hidden, 'web')).toBe('Unhide the sheet in Excel (right-click a sheet tab > Unhide), save, choose it again on this page and press the button again; or copy its rows to a template sheet.');

    const temp = { code: 'FILE_WRITE_TEMP', params: { folder: '/tmp', reason: 'ENOSPC' } };
    expect(hintOf(temp)).toContain('TMPDIR');
    expect(hintOf(temp, 'web')).toBe('Ask whoever set up this page to free some space on the disk that holds the temporary folder of the computer it runs on.');
    // a folder it may not write in, or a folder in the file's place, is not cured by free space
    for (const reason of ['EACCES', 'EISDIR']) {
      const other = { code: 'FILE_WRITE_TEMP', params: { folder: '/tmp', reason } };
      expect(hintOf(other), reason).toBe('Make sure that folder can be written in, or set TMPDIR (TEMP on Windows) to a folder you may write in, and run again.');
      expect(hintOf(other, 'web'), reason).not.toContain('free some space');
      const marked = { code: 'SERVE_ANNOTATED_NOT_WRITTEN', params: { file: '/tmp/x/portal-errors.xlsx', reason } };
      expect(hintOf(marked, 'web'), reason).toBe(
        'The upload itself went through. Ask whoever set up this page to make sure the temporary folder of the computer it runs on can be written in.',
      );
    }
    expect(hintOf({ code: 'SERVE_ANNOTATED_NOT_WRITTEN', params: { file: '/tmp/x/portal-errors.xlsx', reason: 'ENOSPC' } }, 'web')).toContain('free some space');
  });
});
