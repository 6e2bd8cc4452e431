/**
 * The writing floor of CSV convert in the bench (bench/floor-json.mjs): it writes the JSON it read, byte for byte,
 * and the bench takes its time from what the script printed (the stringify and the writes), not the process's wall
 * time, which counts the parse before them; a run that wrote other bytes or printed no time counts as failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timedInside } from '../bench/timed-inside.mjs';

const SCRIPT = path.resolve(__dirname, '../bench/floor-json.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'floor-json-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(files: Record<string, string>) {
  const from = fs.mkdtempSync(path.join(tmp, 'from-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(from, name), text);
  const to = path.join(from, 'out');
  const r = spawnSync(process.execPath, [SCRIPT, from, to], { encoding: 'utf8' });
  return { r, from, to, out: r.status === 0 ? JSON.parse(r.stdout) : null };
}

// as convert writes a payload: JSON.stringify's form, paise-exact amounts, a name beyond ASCII
const payload = (n: number) => JSON.stringify({ gstin: '27AAACR5055K1Z7', fp: '102025', b2b: [{ ctin: '29AABCU9603R1ZM', inv: [{ inum: `INV/${n}`, idt: '01-10-2025', val: 1180.5, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { txval: 1000.45, rt: 18, iamt: 180.08, csamt: 0 } }] }] }], note: 'Śrī Gaṇeśa' });

describe('the writing floor of CSV convert', () => {
  it('writes every file it read byte for byte, and prints its files, bytes and a time', () => {
    const { r, from, to, out } = run({ 'ret-1.json': payload(1), 'ret-2.json': payload(2) });
    expect(r.status).toBe(0);
    expect(out).toMatchObject({ files: 2, identical: true });
    expect(out.seconds).toBeGreaterThan(0);
    expect(out.bytes).toBe(fs.statSync(path.join(from, 'ret-1.json')).size + fs.statSync(path.join(from, 'ret-2.json')).size);
    for (const f of ['ret-1.json', 'ret-2.json']) expect(fs.readFileSync(path.join(to, f))).toEqual(fs.readFileSync(path.join(from, f)));
  });

  it('says so when what it wrote is not what it read (JSON not in JSON.stringify form)', () => {
    const { r, out } = run({ 'ret.json': JSON.stringify(JSON.parse(payload(1)), null, 2) });
    expect(r.status).toBe(0);
    expect(out.identical).toBe(false);
  });

  it('refuses a folder with no JSON', () => {
    const { r } = run({ 'notes.txt': 'none' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no \.json file/);
  });
});

describe('the bench timing a script by what it printed', () => {
  const res = () => ({ wall: 1.9, rssKB: 400_000, code: 0 as number | null, timedOut: false, tail: '' });

  it('takes the seconds printed instead of the process wall time', () => {
    const r = timedInside(res(), '$ node bench/floor-json.mjs a b\n{"files":15,"bytes":64715694,"identical":true,"seconds":0.61}\n');
    expect(r.wall).toBe(0.61);
    expect(r.code).toBe(0);
  });

  it('fails a run that wrote other bytes than it read', () => {
    const r = timedInside(res(), '{"files":1,"bytes":10,"identical":false,"seconds":0.2}\n');
    expect(r.code).toBe(1);
    expect(r.tail).toMatch(/differs/);
  });

  it('fails a run that printed no time', () => {
    const r = timedInside(res(), 'no .json file in /tmp/x\n');
    expect(r.code).toBe(1);
    expect(r.tail).toBe('printed no time');
  });

  it('leaves a failed run as it was', () => {
    const failed = { ...res(), code: 2, tail: 'usage' };
    expect(timedInside(failed, '{"seconds":0.5,"identical":true}')).toMatchObject({ code: 2, wall: 1.9, tail: 'usage' });
  });
});
