/**
 * The house's floors: every module of src/ imports only from its own folder or a lower layer, and
 * no chain of imports comes back to where it started. Type-only imports count too: a type tied to
 * a higher layer ties the lower one to it as well. Tests (*.test.ts) are left out: they may drive a
 * module from above.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Lowest first. Folders on one line are peers: neither may import the other. `index.ts` (the
 * library's re-exports) is the roof.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['model'],
  ['parsers'],
  ['mappers'],
  ['engine'],
  ['validators', 'register'],
  ['report'],
  ['upload'],
  ['api'],
  ['cli', 'web'],
  ['index.ts'],
];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /(?:^|[;\s])(?:import|export)\s[^;'"]*?\sfrom\s*'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)|^import\s+'(\.[^']+)'/gm;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.ts$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Relative imports of one source file, as paths of .ts files under src/. */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    out.push(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
  }
  return out;
}

const top = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;
const rankOf = (folder: string) => LAYERS.findIndex((l) => l.includes(folder));
const name = (file: string) => relative(SRC, file).replace(/\\/g, '/');

/** Comments out of the way, so an example in a comment is not read as an import. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of sources(SRC)) g.set(f, importsOf(f, code(readFileSync(f, 'utf8'))));
  return g;
}

/** Edges that go up a layer or sideways to a peer, as `from -> to`. */
function wrongEdges(g: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = [];
  for (const [from, tos] of g) {
    const a = top(from);
    for (const to of tos) {
      const b = top(to);
      if (a === b) continue;
      if (rankOf(b) >= rankOf(a)) bad.push(`${name(from)} -> ${name(to)}`);
    }
  }
  return bad;
}

/** Import cycles (strongly connected groups of more than one file, or a file importing itself). */
function cycles(g: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(name(w));
      } while (w !== v);
      if (group.length > 1 || (g.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture: layers', () => {
  const g = graph();

  it('places every folder of src/ in the layer order', () => {
    const folders = [...new Set([...g.keys()].map(top))];
    expect(folders.filter((f) => rankOf(f) < 0)).toEqual([]);
  });

  it('has no import from a lower layer to a higher one, nor between peers', () => {
    expect(wrongEdges(g)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(g)).toEqual([]);
  });

  it('sees imports of every form, and would catch an upward edge and a cycle', () => {
    const f = join(SRC, 'mappers/x.ts');
    const seen = importsOf(f, code(`import { a } from '../model/a.js';\nimport type { B } from '../api/b.js';\nexport { c } from './c.js';\nconst d = await import('../engine/d.js');\n// import { e } from '../cli/e.js';`));
    expect(seen.map(name)).toEqual(['model/a.ts', 'api/b.ts', 'mappers/c.ts', 'engine/d.ts']);
    const fake = new Map<string, string[]>([
      [join(SRC, 'model/a.ts'), [join(SRC, 'engine/b.ts')]],
      [join(SRC, 'engine/b.ts'), [join(SRC, 'engine/c.ts')]],
      [join(SRC, 'engine/c.ts'), [join(SRC, 'engine/b.ts')]],
      [join(SRC, 'validators/d.ts'), [join(SRC, 'register/e.ts')]],
      [join(SRC, 'register/e.ts'), []],
    ]);
    expect(wrongEdges(fake)).toEqual(['model/a.ts -> engine/b.ts', 'validators/d.ts -> register/e.ts']);
    expect(cycles(fake)).toEqual([['engine/b.ts', 'engine/c.ts']]);
  });
});
