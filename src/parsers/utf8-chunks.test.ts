/** The chunked UTF-8 decoder gives TextDecoder's streaming text, whatever the bytes and the cuts. */
import { describe, expect, it } from 'vitest';
import { cp1252Chunks, csvUtf8Chunks, utf8Chunks, type CsvTextChunks } from './utf8-chunks.js';
import { utf8LookAt } from './utf8-sequences.js';
import { nodeHost } from './host/node.js';

const run = nodeHost.decodeUtf8!;

function streamed(chunks: Uint8Array[]): string {
  const dec = new TextDecoder('utf-8');
  return chunks.map((c) => dec.decode(c, { stream: true })).join('') + dec.decode();
}

function chunked(chunks: Uint8Array[]): string {
  const dec = utf8Chunks(run);
  return chunks.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16)).join(' ');
/** Windows-1252 as the Encoding Standard has it: Latin-1 but for 0x80-0x9F */
const AT_80_TO_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const cp1252 = (b: Uint8Array) => Array.from(b, (x) => (x >= 0x80 && x < 0xa0 ? AT_80_TO_9F[x - 0x80]! : String.fromCharCode(x))).join('');
const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
const utf8AsItIs = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/**
 * `text` is `bytes` in Windows-1252 after any plain ASCII, with the first bytes that only UTF-8
 * writes (utf8LookAt, tried at every place) said and marked: one of their characters (a chunk's
 * end may cut them) is the text's only U+FFFD. Whether there were such bytes.
 */
function expectWatched(text: string, dec: CsvTextChunks, bytes: Uint8Array, label: string): boolean {
  const plain = cp1252(bytes);
  let at = -1;
  for (let p = 0; p < bytes.length && at < 0; p++) if (utf8LookAt(bytes, p) > 0) at = p;
  if (at < 0) {
    expect({ text, damage: dec.damage }, label).toEqual({ text: plain, damage: undefined });
    return false;
  }
  const look = bytes.subarray(at, at + utf8LookAt(bytes, at));
  expect(dec.damage, label).toEqual({ kind: 'utf8-in-1252', mark: 1, windows1252: cp1252(look), utf8: utf8AsItIs(look) });
  const q = text.indexOf('\ufffd');
  expect(q >= at && q < at + look.length && text.length === plain.length, `${label}: U+FFFD at ${q}`).toBe(true);
  expect(text.slice(0, q) + plain[q] + text.slice(q + 1), label).toBe(plain);
  return true;
}

/** a deterministic pseudo-random source, so a failure can be replayed */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// whole characters of 1–4 bytes, a byte-order mark, and bytes that are never valid where they stand
const PIECES: number[][] = [
  [0x41], [0x2c], [0x0a], [0xc3, 0xa9], [0xe2, 0x82, 0xb9], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf],
  [0x80], [0xbf], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8],
];

function sample(next: () => number): { bytes: Uint8Array; cuts: Uint8Array[] } {
  const out: number[] = [];
  const n = 1 + Math.floor(next() * 40);
  for (let i = 0; i < n; i++) out.push(...PIECES[Math.floor(next() * PIECES.length)]!);
  const bytes = Uint8Array.from(out);
  const cuts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const len = Math.floor(next() * 6); // empty chunks too
    cuts.push(bytes.subarray(at, at + len));
    at += len;
  }
  return { bytes, cuts };
}

describe('UTF-8 in chunks', () => {
  it('gives what TextDecoder gives in streaming mode, for 20,000 random byte runs cut at random', () => {
    const next = rng(14);
    for (let i = 0; i < 20_000; i++) {
      const { bytes, cuts } = sample(next);
      const want = streamed(cuts);
      expect(chunked(cuts), `case ${i}: ${Array.from(bytes, (b) => b.toString(16)).join(' ')}`).toBe(want);
    }
  });

  it('keeps a character cut at a chunk edge whole', () => {
    const bytes = new TextEncoder().encode('₹ 500,Śrī');
    const dec = utf8Chunks(run);
    expect(dec.decode(bytes.subarray(0, 2), false)).toBe('');
    expect(dec.decode(bytes.subarray(2, 9), false)).toBe('₹ 500,');
    expect(dec.decode(bytes.subarray(9, 12), false)).toBe('Śr');
    expect(dec.decode(bytes.subarray(12), true)).toBe('ī');
  });

  it('drops one byte-order mark at the start only, as TextDecoder does', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const cuts = [Uint8Array.from(bom.slice(0, 2)), Uint8Array.from([...bom.slice(2), ...bom, 0x41])];
    expect(chunked(cuts)).toBe('\ufeffA');
    expect(chunked(cuts)).toBe(streamed(cuts));
  });

  it('ends a character left unfinished at the end with U+FFFD', () => {
    expect(chunked([Uint8Array.from([0x41, 0xe2, 0x82])])).toBe('A\ufffd');
  });
});

describe('a CSV in UTF-8 that may turn out to be Windows-1252', () => {
  const ascii = (next: () => number, n: number) => Array.from({ length: n }, () => 0x20 + Math.floor(next() * 0x5f));

  function read(cuts: Uint8Array[], marked = false, r: typeof run = run): { text: string; damaged: boolean } {
    const dec = csvUtf8Chunks(marked, r);
    const text = cuts.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
    return { text, damaged: dec.damage !== undefined };
  }

  function cutUp(bytes: Uint8Array, next: () => number): Uint8Array[] {
    const cuts: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; ) {
      const len = Math.floor(next() * 8);
      cuts.push(bytes.subarray(at, at + len));
      at += len;
    }
    return cuts;
  }

  function readAll(dec: CsvTextChunks, cuts: Uint8Array[]): string {
    return cuts.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
  }


  it('after plain ASCII, the first byte that is not UTF-8 turns the rest to Windows-1252, nothing read before changed (3,000 random cases)', () => {
    const next = rng(1252);
    let marked = 0;
    for (let i = 0; i < 3000; i++) {
      // ASCII, then a byte of 0x80-0xFF that starts no UTF-8 character here, then any bytes at all
      const lead = next() < 0.5 ? 0x80 + Math.floor(next() * 0x42) : 0xc2 + Math.floor(next() * 0x3e);
      const tail = Array.from({ length: Math.floor(next() * 30) }, () => (next() < 0.5 ? 0x20 + Math.floor(next() * 0x5f) : 0x80 + Math.floor(next() * 0x80)));
      const bytes = Uint8Array.from([...ascii(next, Math.floor(next() * 20)), lead, ...(lead >= 0xc2 ? [0x20] : []), ...tail]);
      const dec = csvUtf8Chunks(false, run);
      const text = readAll(dec, cutUp(bytes, next));
      if (expectWatched(text, dec, bytes, `case ${i}: ${hex(bytes)}`)) marked++;
    }
    // both kinds of case were met
    expect(marked).toBeGreaterThan(200);
    expect(marked).toBeLessThan(2800);
  });

  it('reads "Café crème" in Windows-1252 after ASCII, and a last byte cut off from nothing', () => {
    const bytes = Uint8Array.from([...Buffer.from('08061000,Caf'), 0xe9, ...Buffer.from(' cr'), 0xe8, ...Buffer.from('me\n')]);
    expect(read([bytes.subarray(0, 13), bytes.subarray(13)])).toEqual({ text: '08061000,Café crème\n', damaged: false });
    expect(read([Uint8Array.from([0x41, 0xe9])])).toEqual({ text: 'Aé', damaged: false });
  });

  it('reads UTF-8 as UTF-8, a written U+FFFD included, whatever the cuts (3,000 random cases)', () => {
    const next = rng(8);
    const whole = PIECES.slice(0, 7).concat([[0xef, 0xbf, 0xbd]]);
    for (let i = 0; i < 3000; i++) {
      const out: number[] = [];
      for (let n = 1 + Math.floor(next() * 30); n > 0; n--) out.push(...whole[Math.floor(next() * whole.length)]!);
      const bytes = Uint8Array.from(out);
      expect(read(cutUp(bytes, next)), `case ${i}`).toEqual({ text: utf8(bytes), damaged: false });
    }
  });

  it('after real UTF-8 text, a byte that is not UTF-8 is damage: kept as U+FFFD and said', () => {
    const bytes = Uint8Array.from([...Buffer.from('₹ 500,Caf'), 0xe9, 0x0a]);
    expect(read([bytes])).toEqual({ text: '₹ 500,Caf\ufffd\n', damaged: true });
    // a written U+FFFD first is real text too
    expect(read([Uint8Array.from([0x41, 0xef, 0xbf, 0xbd, 0x42, 0xe9])])).toEqual({ text: 'A\ufffdB\ufffd', damaged: true });
    // a file cut in the middle of a character
    expect(read([Uint8Array.from([0xc3, 0xa9, 0x41, 0xe2, 0x82])])).toEqual({ text: 'éA\ufffd', damaged: true });
  });

  it('in a file whose byte-order mark says UTF-8, a byte that is not UTF-8 is damage even after ASCII', () => {
    expect(read([Uint8Array.from([0x41, 0x2c, 0xe9, 0x0a])], true)).toEqual({ text: 'A,\ufffd\n', damaged: true });
    expect(read([Uint8Array.from([0x41, 0x2c, 0x0a])], true)).toEqual({ text: 'A,\n', damaged: false });
  });

  it('reads the same with TextDecoder as the whole-run decoder (the browser has no Buffer)', () => {
    const dec = new TextDecoder('utf-8');
    const bytes = Uint8Array.from([...Buffer.from('HSN,Desc\n'), 0xe9, 0x2c, 0xc3, 0xa9]);
    const cuts = [bytes.subarray(0, 10), bytes.subarray(10)];
    expect(read(cuts, false, (b) => dec.decode(b))).toEqual(read(cuts));
    // "Ã©" is UTF-8's "é" among Windows-1252 text: marked, not read so
    expect(read(cuts)).toEqual({ text: 'HSN,Desc\né,\ufffd©', damaged: true });
  });
});

describe('a U+FFFD of the file own before the damage (the reader counts its way to the damaged row)', () => {
  const whole = PIECES.slice(0, 7).concat([[0xef, 0xbf, 0xbd]]);
  const NOT_UTF8 = [[0xe9], [0x80], [0xff], [0xc3, 0x41], [0xe2, 0x82, 0x41], [0xed, 0xa0, 0x80]];

  function read(cuts: Uint8Array[]): { text: string; dec: CsvTextChunks } {
    const dec = csvUtf8Chunks(false, run);
    return { text: cuts.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true), dec };
  }

  it('marks the damage as the U+FFFD after those written before it, whatever the cuts (3,000 random cases)', () => {
    const next = rng(65533);
    for (let i = 0; i < 3000; i++) {
      // text that is UTF-8 from its first character that is not ASCII (after ASCII alone, the damage would turn it to Windows-1252)
      const before: number[] = [...whole[3 + Math.floor(next() * (whole.length - 3))]!];
      for (let n = Math.floor(next() * 20); n > 0; n--) before.push(...whole[Math.floor(next() * whole.length)]!);
      const after: number[] = [];
      for (let n = Math.floor(next() * 10); n > 0; n--) after.push(...(next() < 0.3 ? [0xef, 0xbf, 0xbd] : PIECES[Math.floor(next() * PIECES.length)]!));
      // a line end after the damage, so that nothing after it makes it a character
      const bytes = Uint8Array.from([...before, ...NOT_UTF8[Math.floor(next() * NOT_UTF8.length)]!, 0x0a, ...after]);
      const cuts: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const len = Math.floor(next() * 8);
        cuts.push(bytes.subarray(at, at + len));
        at += len;
      }
      const { text, dec } = read(cuts);
      const own = (new TextDecoder().decode(Uint8Array.from(before)).match(/\ufffd/g) ?? []).length;
      const label = `case ${i}: ${hex(bytes)}`;
      expect(dec.damage, label).toEqual({ kind: 'not-utf8', mark: own + 1 });
      // that U+FFFD is where the text of the bytes before the damage ends
      let at = -1;
      for (let k = 0; k <= own; k++) at = text.indexOf('\ufffd', at + 1);
      // (the decoder drops one byte-order mark at the start, as TextDecoder does)
      expect(at, label).toBe(new TextDecoder().decode(Uint8Array.from(before)).length);
      expect(dec.marks, label).toBeGreaterThanOrEqual(own + 1);
    }
  });

  it('counts the U+FFFD of a clean file, so a damage after them is marked right', () => {
    const rf = [0xef, 0xbf, 0xbd];
    const { dec } = read([Uint8Array.from([...Buffer.from('₹,'), ...rf, 0x0a, ...rf]), Uint8Array.from([...rf, 0x0a, 0x41, 0xe9])]);
    expect(dec.damage).toEqual({ kind: 'not-utf8', mark: 4 });
    const clean = read([Uint8Array.from([0x41, ...rf, 0x0a]), Uint8Array.from(rf)]).dec;
    expect({ marks: clean.marks, damage: clean.damage }).toEqual({ marks: 2, damage: undefined });
  });
});

describe('Windows-1252 text watched for UTF-8 in it', () => {
  const latin = (s: string) => Buffer.from(s, 'latin1');

  function read(cuts: Uint8Array[]): { text: string; damage: CsvTextChunks['damage'] } {
    const dec = cp1252Chunks();
    const text = cuts.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
    return { text, damage: dec.damage };
  }

  it('reads Windows-1252 as it is: accented letters, signs, and a capital before a curly quote ("CAFÉ’S")', () => {
    const bytes = Uint8Array.from([...latin('Caf\xe9 cr\xe8me, CAF\xc9'), 0x92, ...latin('S \x96 10\xb0 \xbd kg, \xd3'), 0x94, 0x0a]);
    expect(read([bytes])).toEqual({ text: 'Café crème, CAFÉ’S – 10° ½ kg, Ó”\n', damage: undefined });
  });

  it('says UTF-8 met after Windows-1252 text, and marks its first character', () => {
    const bytes = Uint8Array.from([...latin('Caf\xe9,1\n'), ...Buffer.from('₹ 500,Śrī\n')]);
    expect(read([bytes])).toEqual({
      text: 'Café,1\n\ufffd‚¹ 500,ÅšrÄ«\n',
      damage: { kind: 'utf8-in-1252', mark: 1, windows1252: 'â‚¹', utf8: '₹' },
    });
  });

  it.each([
    ['é (2 bytes led by C3)', 'é', 'Ã©'],
    ['ā (2 bytes led by C4)', 'ā', 'Ä\x81'],
    ['a Devanagari letter', 'क', 'à¤•'],
    ['a byte-order mark (a UTF-8 file put after it)', '\ufeff', 'ï»¿'],
    ['two Cyrillic letters', 'Ив', 'Ð˜Ð²'],
  ])('counts %s as UTF-8', (_name, utf8, windows1252) => {
    expect(read([Uint8Array.from([0xe9, 0x2c, ...Buffer.from(utf8)])]).damage).toEqual({ kind: 'utf8-in-1252', mark: 1, windows1252, utf8 });
  });

  it('does not count one lone 2-byte sequence led by C6-DF, nor what is not well-formed UTF-8', () => {
    for (const b of [[0xc9, 0x92], [0xd0, 0x98, 0x41], [0xc0, 0xaf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(read([Uint8Array.from(b)]).damage, hex(Uint8Array.from(b))).toBeUndefined();
    }
  });

  it('finds UTF-8 cut by the chunks, marking a character of it in the chunk where it ends (the same row)', () => {
    const bytes = Uint8Array.from([0x41, 0xe9, 0x0a, ...Buffer.from('₹')]);
    const got = read([bytes.subarray(0, 4), bytes.subarray(4, 5), bytes.subarray(5)]);
    expect(got).toEqual({ text: 'Aé\nâ‚\ufffd', damage: { kind: 'utf8-in-1252', mark: 1, windows1252: 'â‚¹', utf8: '₹' } });
  });

  it('finds the first UTF-8 whatever the bytes, their place in memory and the cuts (3,000 random cases)', () => {
    const next = rng(1253);
    // Windows-1252 words and signs, and now and then a piece of UTF-8
    const pieces = [[0x41], [0x20], [0x2c], [0x0a], [0xe9, 0x20], [0xc9, 0x92, 0x53], [0x92], [0x96], [0xa0], [0xb0], [0xe9], [0xc3], [0xd0], [0xe2, 0x82], [0xff]];
    const utf8Pieces = [[0xc3, 0xa9], [0xe2, 0x82, 0xb9], [0xe0, 0xa4, 0x95], [0xd0, 0x98, 0xd0, 0xb2], [0xf0, 0x9f, 0x98, 0x80]];
    let marked = 0;
    for (let i = 0; i < 3000; i++) {
      const out: number[] = [];
      for (let n = 1 + Math.floor(next() * 60); n > 0; n--) {
        const list = next() < 0.03 ? utf8Pieces : pieces;
        out.push(...list[Math.floor(next() * list.length)]!);
      }
      // at any offset of its buffer, as a read stream hands chunks over
      const shift = Math.floor(next() * 4);
      const bytes = new Uint8Array(out.length + shift).subarray(shift);
      bytes.set(out);
      const cuts: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const len = next() < 0.3 ? Math.floor(next() * 4) : Math.floor(next() * 40);
        cuts.push(bytes.subarray(at, at + len));
        at += len;
      }
      const dec = cp1252Chunks();
      const text = cuts.map((c) => dec.decode(c, false)).join('') + dec.decode(undefined, true);
      if (expectWatched(text, dec, bytes, `case ${i}: ${hex(bytes)}`)) marked++;
    }
    expect(marked).toBeGreaterThan(300);
    expect(marked).toBeLessThan(2700);
  });
});
