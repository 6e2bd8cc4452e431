import { describe, expect, it, vi } from 'vitest';
import { returnContext } from '../engine/options.js';
import { FindingList } from '../model/finding.js';
import { OptionError } from '../model/errors.js';
import { createChecker, ruleContext } from './checker.js';
import { defaultCheckers } from './index.js';
import { makeRow, SUPPLIER } from './test-helpers.js';
import type { PassRule, RowRule } from './types.js';

const ctx = returnContext({ gstin: SUPPLIER, period: '032025' });

const rowRule: RowRule = {
  kind: 'row', code: 'TEST_ROW', severity: 'error', sections: ['b2b'], description: 'test', source: 'test',
  check: (row, _ctx, report) => report(row, 'inum', { n: row.row }),
};
const passRule: PassRule = {
  kind: 'pass', code: 'TEST_PASS', severity: 'warning', sections: ['b2cl'], description: 'test', source: 'test',
  check: (_ctx, report) => {
    let rows = 0;
    return { row: () => void rows++, finish: () => report.raw({ file: 'x', params: { rows } }) };
  },
};

describe('engine', () => {
  it('runs row rules on their sheets only and holds findings until finish', async () => {
    const checker = createChecker([rowRule, passRule], ruleContext(ctx));
    checker.row!(makeRow('b2b', { inum: 'A' }, 5));
    checker.row!(makeRow('b2cl', { inum: 'B' }, 6));
    checker.row!(makeRow('b2cl', { inum: 'C' }, 7));
    checker.row!(makeRow('cdnr', { ntNum: 'D' }, 8));
    const findings = new FindingList();
    await checker.finish!({ ctx, files: [], outputs: new Map(), findings, stats: [] });
    expect(findings.items).toEqual([
      { code: 'TEST_ROW', severity: 'error', file: 'gstr1.xlsx', sheet: 'b2b,sez,de', row: 5, column: 'Invoice Number', col: 3, value: 'A', params: { n: 5 } },
      { code: 'TEST_PASS', severity: 'warning', file: 'x', params: { rows: 2 } },
    ]);
    expect([findings.errors, findings.warnings]).toEqual([1, 1]);
  });

  it('derives the period values once', () => {
    const rc = ruleContext(ctx, { today: '2025-04-10', quarterly: true, turnover: 1 });
    expect([rc.firstDay, rc.lastDay, rc.today, rc.quarterly, rc.turnover, rc.rates.has(40), rc.rates.has(18)]).toEqual([
      '2025-03-01', '2025-03-31', '2025-04-10', true, 1, false, true,
    ]);
  });

  it('takes today from the Indian calendar when no day is given (a shipping bill of today is not in the future at 01:30 IST)', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T20:00:00Z') });
    try {
      expect(ruleContext(ctx).today).toBe('2026-12-07');
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks options up front', () => {
    expect(() => defaultCheckers(ctx, { registrationDate: '01-07-2017' })).toThrow(OptionError);
    expect(() => defaultCheckers(ctx, { turnover: -1 })).toThrow(OptionError);
    expect(defaultCheckers(ctx, { registrationDate: '2017-07-01' })).toHaveLength(1);
  });
});
