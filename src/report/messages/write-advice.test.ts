import { describe, expect, it } from 'vitest';
import { hintOf, messageOf } from './index.js';

/**
 * A file the tool could not write: the hint advises what cures the failure the message names (one
 * reason→advice, writeCure in core.ts), on the command line and on the page alike. Free space
 * cures a full disk only; a refused write (permission denied, a read-only disk) needs a folder that
 * can be written in; an error the operating system did not name gets both.
 */
const journal = '/home/ops/.local/state/gstr1/journals/27AAACR5055K1Z7-092025.jsonl';
const WRITES = [
  { code: 'FILE_WRITE_TEMP', params: { folder: '/tmp' } },
  { code: 'SERVE_ANNOTATED_NOT_WRITTEN', params: { file: '/tmp/x/portal-errors.xlsx' } },
  { code: 'UPLOAD_JOURNAL_WRITE', params: { file: journal } },
  { code: 'UPLOAD_FILED_NOT_RECORDED', params: { file: journal, arn: 'AA2709250000001' } },
  { code: 'UPLOAD_SESSION_NOT_KEPT', params: { file: journal.replace(/\.jsonl$/, '.session.json') } },
];
const HOSTS = [undefined, 'web'] as const;
const hint = (w: (typeof WRITES)[number], reason: string, host?: 'web') => hintOf({ code: w.code, params: { ...w.params, reason } }, host);

/** what is not known to be a full disk: Node's first line of an error without a code the tool knows */
const UNKNOWN = 'EBADF: bad file descriptor, write';

describe('messages: the advice for a failed write follows why it failed', () => {
  it('a full disk or a used-up quota: free some space, and nothing about permissions', () => {
    for (const w of WRITES) {
      for (const host of HOSTS) {
        for (const reason of ['ENOSPC', 'EDQUOT']) {
          expect(hint(w, reason, host), `${w.code} ${reason} ${host}`).toMatch(/free some space on the disk that holds/i);
          expect(hint(w, reason, host), `${w.code} ${reason} ${host}`).not.toMatch(/written in|write in|permission/);
        }
      }
    }
  });

  it('permission denied, a read-only disk, a folder in the way: a folder that can be written in, never "free some space"', () => {
    for (const w of WRITES) {
      for (const host of HOSTS) {
        for (const reason of ['EACCES', 'EPERM', 'EROFS', 'EISDIR', 'EIO']) {
          expect(hint(w, reason, host), `${w.code} ${reason} ${host}`).not.toMatch(/free some space|room/i);
          expect(hint(w, reason, host), `${w.code} ${reason} ${host}`).toMatch(/can be written in/);
        }
      }
    }
  });

  it('a file larger than the disk takes: another disk, as freeing space does not help', () => {
    for (const w of WRITES) {
      for (const host of HOSTS) {
        expect(hint(w, 'EFBIG', host), `${w.code} ${host}`).not.toMatch(/free some space/i);
        expect(hint(w, 'EFBIG', host), `${w.code} ${host}`).toMatch(/another disk|a disk that takes larger files/);
      }
    }
  });

  it('a reason the operating system did not name: both, never "free some space" alone', () => {
    for (const w of WRITES) {
      for (const host of HOSTS) {
        expect(hint(w, UNKNOWN, host), w.code).toMatch(/free some space on the disk that holds .+ \(or, if that disk is not full, make sure the folder can be written in\)/i);
      }
    }
  });

  it('the journal: the place named on the command line, asked of whoever set up the page', () => {
    const write = WRITES[2]!;
    const rerun = ', then run the same command again: it asks the portal what it already has and goes on from there.';
    expect(hint(write, 'ENOSPC')).toBe(`Free some space on the disk that holds the journal's folder${rerun}`);
    expect(hint(write, 'EACCES')).toBe(`Make sure the journal's folder can be written in${rerun}`);
    expect(hint(write, 'EACCES', 'web')).toBe(
      'Ask whoever set up this page to make sure its journal folder can be written in, then press the same button again: it asks the portal what it already has and goes on from there.',
    );
    const session = WRITES[4]!;
    expect(hint(session, 'EROFS')).toBe("Nothing to do for this run; the next one asks for an OTP again. Make sure that file's folder can be written in, to keep sessions.");
    expect(hint(session, 'ENOSPC', 'web')).toBe(
      'Nothing to do for this run; the next one asks for an OTP again. Ask whoever set up this page to free some space on the disk that holds its journal folder, to keep sessions.',
    );
  });

  it('a filed return not recorded says what it said of the filing, whatever the reason; only the advice on the disk changes', () => {
    const filed = WRITES[3]!;
    const filing = 'Keep this ARN. Nothing is to be filed again: a later run asks the portal, which knows the return is filed. ';
    for (const host of HOSTS) {
      for (const reason of ['ENOSPC', 'EACCES', 'EFBIG', UNKNOWN]) {
        expect(hint(filed, reason, host).startsWith(filing), `${reason} ${host}`).toBe(true);
        expect(messageOf({ code: filed.code, params: { ...filed.params, reason } }, host)).toMatch(
          new RegExp(`^The return is filed: ARN AA2709250000001 \\(the portal said so\\); but the journal ${journal.replace(/\./g, '\\.')} could not record it: `),
        );
      }
    }
    expect(hint(filed, 'ENOSPC')).toBe(`${filing}Free some space on the disk that holds the journal's folder.`);
    expect(hint(filed, 'EACCES')).toBe(`${filing}Make sure the journal's folder can be written in.`);
    expect(hint(filed, 'EACCES', 'web')).toBe(`${filing}Ask whoever set up this page to make sure its journal folder can be written in.`);
    // an unknown ARN is not to be kept
    expect(hintOf({ code: filed.code, params: { ...filed.params, arn: 'unknown', reason: 'EACCES' } })).toBe(
      "Nothing is to be filed again: a later run asks the portal, which knows the return is filed. Make sure the journal's folder can be written in.",
    );
  });

  it('the temporary folder on the command line: its own cure, or TMPDIR pointed at a folder that has what was missing', () => {
    const temp = WRITES[0]!;
    expect(hint(temp, 'ENOSPC')).toBe('Free some space on the disk that holds that folder, or set TMPDIR (TEMP on Windows) to a folder with room, and run again.');
    expect(hint(temp, 'EACCES')).toBe('Make sure that folder can be written in, or set TMPDIR (TEMP on Windows) to a folder you may write in, and run again.');
    expect(hint(temp, 'EFBIG')).toBe('Set TMPDIR (TEMP on Windows) to a folder on another disk, and run again.');
  });

  it('a file that could not be opened: room for a full disk, the folder and the file otherwise', () => {
    const access = (reason: string) => hintOf({ code: 'FILE_ACCESS', params: { file: '/data/out/r.json', reason } });
    expect(access('ENOSPC')).toBe('Free some space on the disk that holds its folder.');
    // an input read as an output written: not "you may write there" alone
    expect(access('EACCES')).toBe('Check that you may read that file (or write in its folder, for a file the tool writes), and that it is not open in Excel.');
    expect(access('EBUSY')).toBe('Close the file in Excel (or the program that has it open), then run again.');
    expect(access('ENOENT')).toBe('Check the path: the folders in it must exist.');
    expect(access('EIO')).toBe('Check that the folder exists and that you may read it (and write in it, for a file the tool writes), and that the file is not open in Excel.');
    expect(access('constructor')).toBe(access('EIO'));
    // a reason no table has is said as it came, never as a property every object has
    const write = { code: 'FILE_WRITE', params: { file: '/data/out/r.json', reason: 'constructor' } };
    expect(messageOf(write)).toBe('Could not write /data/out/r.json: constructor; it was not written');
    expect(hintOf(write)).toBe('Check the path: the folders before the file name must exist (or be creatable) and be folders.');
  });
});
