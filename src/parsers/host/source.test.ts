import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('host: Node, loaded by itself', () => {
  it('is installed in a plain Node process without being asked, and reads a workbook', () => {
    // a real Node module loader (not vitest's): an import cycle through source.ts's top-level
    // await would never settle, and Node would exit with code 13
    const code = [
      "const { readZip } = await import('./src/parsers/zip.ts');",
      "const z = await readZip('templates/sample/gstr1-sample.xlsx');",
      "console.log(z.entries.some((e) => e.name === 'xl/workbook.xml'));",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('true');
  });
});
