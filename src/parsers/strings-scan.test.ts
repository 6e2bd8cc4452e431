import { describe, expect, it } from 'vitest';
import { cutAtRandom, prng } from '../../test/helpers/random.js';
import type { SharedStrings } from './shared-strings.js';
import { scanSharedStrings } from './strings-scan.js';
import { saxSharedStrings } from './xlsx.js';

async function* chunked(pieces: string[]): AsyncGenerator<string> {
  yield* pieces;
}

const list = (t: SharedStrings) => Array.from({ length: t.length }, (_, i) => t.get(i));

/** What the reader makes of the part: the scanner's table, else saxes's; or the error. */
async function read(pieces: string[], scan: boolean): Promise<{ strings: (string | undefined)[] } | { error: string }> {
  try {
    const t = (scan ? await scanSharedStrings(chunked(pieces)) : undefined) ?? (await saxSharedStrings(chunked(pieces)));
    return { strings: list(t) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}


const ITEMS = [
  '<si><t>INV-000123</t></si>',
  '<si><t xml:space="preserve"> two  spaces </t></si>',
  '<si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></si>',
  '<si><t>हिंदी 🙂 ₹</t></si>',
  '<si><t>line_x000D__x000A_end _x005F_x0041_</t></si>',
  '<si/>',
  '<si><t/></si>',
  '<si><t></t></si>',
  '<si>\n  <t>spaced</t>\n</si>',
  '<si><t>one</t><t>two</t></si>',
  '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t> plain</t></r></si>',
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
  '<si><t>a\r\nb</t></si>',
  '<si><t>&#x20B9; &#65;</t></si>',
  '<si><t>&bogus;</t></si>',
  '<si><t>x]]>y</t></si>',
  '<si><t><![CDATA[c]]></t></si>',
  '<si><!-- c --><t>x</t></si>',
  '<si><t>\u0001</t></si>',
  '<si><t>open</si>',
  '<si><t a="1" a="2">dup</t></si>',
  '<x:si><x:t>px</x:t></x:si>',
  '<si><t xml:space=\'preserve\'>q</t></si>',
  '<!-- between -->',
  'text',
];

const PROLOGS = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">',
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  "<?xml version='1.0'?><sst>",
  '<?xml version="2.0"?><sst>',
  ' <?xml version="1.0"?><sst>',
  '<?xml version="1.0" standalone="maybe"?><sst>',
  '<sst count="1" count="2">',
  '<sst count=\'1\'>',
  '<!-- c --><sst>',
  '<!DOCTYPE sst [<!ENTITY a "aaaa">]><sst>',
  '<sst a="&amp;">',
  '<sst xmlns:x="urn:x" x:y="1">',
];
const ENDS = ['</sst>', '</sst>\n', '</sst><!-- after -->', '</sst>junk', '', '</sst></sst>'];


describe('scanSharedStrings: the same table as saxes, or saxes reads the part', () => {
  it('on 2,000 random parts of usual and odd items, in random chunks', async () => {
    const rnd = prng(1205);
    let fast = 0;
    let failed = 0;
    for (let n = 0; n < 2000; n++) {
      const items = Array.from({ length: Math.floor(rnd() * 8) }, () => ITEMS[rnd() < 0.6 ? Math.floor(rnd() * 6) : Math.floor(rnd() * ITEMS.length)]!);
      const xml = PROLOGS[rnd() < 0.7 ? 0 : Math.floor(rnd() * PROLOGS.length)]! + items.join(rnd() < 0.5 ? '' : '\n') + ENDS[rnd() < 0.7 ? 0 : Math.floor(rnd() * ENDS.length)]!;
      const pieces = cutAtRandom(xml, rnd, 30, 300);
      const saxes = await read([xml], false);
      expect(await read(pieces, true), xml).toEqual(saxes);
      if (await scanSharedStrings(chunked(pieces))) fast++;
      if ('error' in saxes) failed++;
    }
    expect(fast).toBeGreaterThan(400);
    expect(failed).toBeGreaterThan(200);
  });

  it('reads what Excel writes; hands a rich item, a comment or a cut-off part to saxes', async () => {
    const head = PROLOGS[0]!;
    const ok = await scanSharedStrings(chunked([head, '<si><t>a</t></si><si><t xml:space="preserve"> b</t></si><s', 'i/></sst>']));
    expect(ok && list(ok)).toEqual(['a', ' b', '']);
    const split = await scanSharedStrings(chunked([head, '<si><t>a</t></si></sst', '>']));
    expect(split && list(split)).toEqual(['a']);
    for (const body of [ITEMS[10]!, '<!-- c -->', '<si><t>a</t></si>']) {
      expect(await scanSharedStrings(chunked([head, body, body === '<si><t>a</t></si>' ? '' : '</sst>']))).toBeUndefined();
    }
  });
});
