import { describe, expect, it } from 'vitest';
import { messageOf } from '../../report/messages/index.js';
import type { FieldValues } from '../../model/fields.js';
import type { SheetId } from '../../model/sheets.js';
import { mapRows, p, returnCtx, roundTrip } from '../test-helpers.js';
import type { SheetRow } from '../types.js';

const row = (sheet: SheetId, v: Partial<FieldValues>): SheetRow => ({
  sheet,
  values: { hsn: '8301', desc: 'Padlocks', uqc: 'NOS', qty: '12.50', rt: 18, txval: p('1000'), ...v },
});

const MAY_2025 = returnCtx({ period: '052025' });
const APR_2025 = returnCtx({ period: '042025' });

describe('hsn', () => {
  it('from the May 2025 period writes hsn_b2b and hsn_b2c, one item per row, amounts as given', () => {
    const { json, findings } = mapRows('hsn', [
      row('hsnb2b', { masterDesc: 'PADLOCKS', camt: p('90.01'), samt: p('90.01') }),
      // the same HSN, UQC and rate again: carried, not merged (a validator reports it)
      row('hsnb2b', { masterDesc: 'PADLOCKS', qty: '1234567.125', txval: p('10.10'), iamt: p('1.82'), csamt: p('0.10') }),
      row('hsnb2c', { hsn: '998314', desc: 'IT support', masterDesc: undefined, uqc: 'OTH', qty: '3', rt: 18, txval: p('500') }),
      row('hsnb2c', { hsn: '0101', desc: undefined, uqc: 'NA', qty: '-2.5', rt: 0, txval: -p('1') }),
    ], MAY_2025);
    expect(findings.items).toEqual([]);
    expect(json).toEqual({
      hsn_b2b: [
        { num: 1, hsn_sc: '8301', desc: 'PADLOCKS', user_desc: 'Padlocks', uqc: 'NOS', qty: 12.5, rt: 18, txval: 1000, iamt: 0, camt: 90.01, samt: 90.01, csamt: 0 },
        { num: 2, hsn_sc: '8301', desc: 'PADLOCKS', user_desc: 'Padlocks', uqc: 'NOS', qty: 1234567.125, rt: 18, txval: 10.1, iamt: 1.82, camt: 0, samt: 0, csamt: 0.1 },
      ],
      hsn_b2c: [
        // no master description: the user's text stands in for it; a service with OTH and a quantity is carried as given
        { num: 1, hsn_sc: '998314', desc: 'IT support', user_desc: 'IT support', uqc: 'OTH', qty: 3, rt: 18, txval: 500, iamt: 0, camt: 0, samt: 0, csamt: 0 },
        { num: 2, hsn_sc: '0101', uqc: 'NA', qty: -2.5, rt: 0, txval: -1, iamt: 0, camt: 0, samt: 0, csamt: 0 },
      ],
    });
  });

  it('before May 2025 writes the single data list from sheet hsn, desc being the Description', () => {
    const { json, findings } = mapRows('hsn', [
      row('hsn', { masterDesc: 'PADLOCKS', iamt: p('180') }),
      row('hsn', { hsn: '3926', desc: 'PVC sheet', uqc: 'KGS', qty: '0.75', rt: 12, txval: p('75.25'), camt: p('4.52'), samt: p('4.52') }),
    ], APR_2025);
    expect(findings.items).toEqual([]);
    expect(json).toEqual({
      data: [
        { num: 1, hsn_sc: '8301', desc: 'Padlocks', uqc: 'NOS', qty: 12.5, rt: 18, txval: 1000, iamt: 180, camt: 0, samt: 0, csamt: 0 },
        { num: 2, hsn_sc: '3926', desc: 'PVC sheet', uqc: 'KGS', qty: 0.75, rt: 12, txval: 75.25, iamt: 0, camt: 4.52, samt: 4.52, csamt: 0 },
      ],
    });
  });

  it('issue 16: before May 2021 writes the Total Value (val) and leaves out a blank Rate; from May 2021 no val', () => {
    const old = mapRows('hsn', [row('hsn', { rt: undefined, totalValue: p('1180'), iamt: p('180') })], returnCtx({ period: '042021' }));
    expect(old.json).toEqual({
      data: [{ num: 1, hsn_sc: '8301', desc: 'Padlocks', uqc: 'NOS', qty: 12.5, val: 1180, txval: 1000, iamt: 180, camt: 0, samt: 0, csamt: 0 }],
    });
    const now = mapRows('hsn', [row('hsn', { totalValue: p('1180'), iamt: p('180') })], returnCtx({ period: '052021' }));
    expect(now.json).toEqual({
      data: [{ num: 1, hsn_sc: '8301', desc: 'Padlocks', uqc: 'NOS', qty: 12.5, rt: 18, txval: 1000, iamt: 180, camt: 0, samt: 0, csamt: 0 }],
    });
  });

  it('an old-period JSON item keeps its Total Value (val) through the workbook rows', () => {
    const item = { num: 1, hsn_sc: '1905', desc: 'Biscuits', uqc: 'KGS', qty: 10.5, val: 1180, txval: 1000, iamt: 180, camt: 0, samt: 0, csamt: 0 };
    const { rows, mapped } = roundTrip('hsn', { data: [item] }, returnCtx({ period: '032021' }));
    expect(rows[0]!.values.totalValue).toBe(p('1180'));
    expect(mapped.json).toEqual({ data: [item] });
  });

  it('rejects the single hsn sheet from May 2025, with one HSN_SHEET_PERIOD finding for the sheet', () => {
    const { json, findings, accepted } = mapRows('hsn', [row('hsn', {}), row('hsnb2b', {}), row('hsn', { hsn: '3926' })], MAY_2025);
    expect(accepted).toEqual([false, true, false]);
    expect(findings.items).toEqual([
      {
        code: 'HSN_SHEET_PERIOD', severity: 'error', file: 'test.xlsx', sheet: 'hsn',
        params: { sheet: 'hsn', period: '052025', layout: 'split' },
      },
    ]);
    expect(messageOf(findings.items[0]!)).toMatch(/May 2025 return: from the May 2025 period Table 12 is reported in two lists/);
    expect(json).toEqual({ hsn_b2b: [expect.objectContaining({ num: 1, hsn_sc: '8301' })] });
  });

  it('rejects hsn(b2b) and hsn(b2c) before May 2025', () => {
    const { json, findings, accepted } = mapRows('hsn', [row('hsnb2b', {}), row('hsnb2c', {}), row('hsnb2c', {})], APR_2025);
    expect(accepted).toEqual([false, false, false]);
    expect(findings.items.map((f) => [f.code, f.severity, f.sheet, f.params?.period, f.params?.layout])).toEqual([
      ['HSN_SHEET_PERIOD', 'error', 'hsn(b2b)', '042025', 'single'],
      ['HSN_SHEET_PERIOD', 'error', 'hsn(b2c)', '042025', 'single'],
    ]);
    expect(messageOf(findings.items[0]!)).toMatch(/April 2025 return: the hsn\(b2b\) and hsn\(b2c\) sheets apply from the May 2025 period/);
    expect(json).toBeUndefined();
  });

  it('round-trips both layouts through template rows', () => {
    const split = mapRows('hsn', [
      row('hsnb2b', { masterDesc: 'PADLOCKS', camt: p('90'), samt: p('90') }),
      row('hsnb2c', { desc: undefined, masterDesc: 'PADLOCKS', qty: '7', iamt: p('180'), csamt: p('1') }),
      row('hsnb2c', { hsn: '9983', desc: 'Support', uqc: 'NA', qty: '0' }),
    ], MAY_2025);
    const a = roundTrip('hsn', split.json, MAY_2025);
    expect(a.rows[0]).toEqual({
      sheet: 'hsnb2b',
      values: { hsn: '8301', masterDesc: 'PADLOCKS', desc: 'Padlocks', uqc: 'NOS', qty: '12.5', rt: 18, txval: p('1000'), iamt: 0, camt: p('90'), samt: p('90'), csamt: 0 },
    });
    expect(a.mapped.json).toEqual(split.json);

    const single = mapRows('hsn', [row('hsn', {}), row('hsn', { desc: undefined, qty: '100.25' })], APR_2025);
    const b = roundTrip('hsn', single.json, APR_2025);
    expect(b.rows.map((r) => r.sheet)).toEqual(['hsn', 'hsn']);
    expect(b.mapped.json).toEqual(single.json);
  });
});
