import { describe, expect, it } from 'vitest';
import { Portal } from './portal.js';
import { otherMonthsOfQuarter } from './qrmp.js';

const GSTIN = '27AAACR5055K1Z7';
const inv = (inum: string, idt: string) => ({
  inum, idt, val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }],
});
const b2cs = [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 5000, camt: 450, samt: 450, csamt: 0 }];

function save(p: Portal, fp: string, body: object) {
  const r = p.save(GSTIN, fp, JSON.stringify({ gstin: GSTIN, fp, ...body }));
  if (!r.ok) throw new Error(r.code);
  const st = p.status(GSTIN, fp, r.value.referenceId);
  if (!st.ok) throw new Error(st.code);
  return st.value;
}

describe('emulator: a quarterly (QRMP) filer', () => {
  it('names the other months of a quarter', () => {
    expect(otherMonthsOfQuarter('042025')).toEqual(['052025', '062025']);
    expect(otherMonthsOfQuarter('112024')).toEqual(['102024', '122024']);
  });

  it('an IFF month refuses sections the IFF does not take, record by record, and keeps the rest', () => {
    const p = new Portal({ ipPolls: 0, quarterly: true, validatePayload: () => [] });
    const st = save(p, '112024', { b2b: [{ ctin: '29AAACR5055K1Z3', inv: [inv('A/1', '04-11-2024')] }], b2cs });
    expect(st.status_cd).toBe('PE');
    expect(st.error_report).toEqual({ b2cs: [{ ...b2cs[0], error_cd: 'RET191106', error_msg: 'Section b2cs cannot be reported in an IFF (month 2 of a quarter)' }] });
    expect(p.state(GSTIN, '112024').docs.size).toBe(1);
    // the quarter's last month takes B2C supplies
    expect(save(p, '122024', { b2cs }).status_cd).toBe('P');
  });

  it('a document already saved in another month of the quarter is RET191111; a monthly filer is not checked', () => {
    const p = new Portal({ ipPolls: 0, quarterly: true, validatePayload: () => [] });
    const b2b = (i: string) => ({ b2b: [{ ctin: '29AAACR5055K1Z3', inv: [inv(i, '04-10-2024')] }] });
    expect(save(p, '102024', b2b('A/1')).status_cd).toBe('P');
    const again = save(p, '122024', b2b('a/1'));
    expect(again.error_report).toMatchObject({ b2b: [{ error_cd: 'RET191111', error_msg: 'Invoice No. a/1 already exist in GSTR 1 of 102024' }] });
    // the next quarter is another quarter
    expect(save(p, '012025', b2b('A/1')).status_cd).toBe('P');
    const monthly = new Portal({ ipPolls: 0, validatePayload: () => [] });
    save(monthly, '102024', b2b('A/1'));
    expect(save(monthly, '112024', { ...b2b('A/1'), b2cs }).status_cd).toBe('P');
  });
});
