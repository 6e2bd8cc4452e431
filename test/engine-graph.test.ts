/**
 * One engine, two hosts (issue 12): nothing the engine imports, directly or through another
 * module, may be a Node built-in, except in the Node host modules (NODE_HOSTS below). The
 * browser bundle is built from the same graph, so a Node import here would break the web page.
 */
import { readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, importsReached, isTypeOnly, ROOT } from './helpers/import-graph.js';

const ENGINE = ['src/parsers', 'src/mappers', 'src/engine', 'src/validators', 'src/model', 'src/register', 'src/report/messages', 'src/report/annotate', 'src/web'];
/** command-line files kept beside the engine: they write files, and the browser does not load them */
const CLI_FILES = new Set(['src/register/cli.ts', 'src/register/split.ts']);
/** the Node hosts: input bytes (FileHandle, zlib), and the annotated workbook written to a file */
const NODE_HOSTS = new Set([
  'src/parsers/host/node.ts', 'src/parsers/host/threads.ts', 'src/parsers/host/xlsx-thread.ts', 'src/parsers/host/xlsx-worker.ts',
  'src/validators/host/row-rules-thread.ts', 'src/validators/host/row-rules-worker.ts', 'src/report/annotate/index.ts',
  'src/report/annotate/exceljs-route.ts',
]);
const BUILTIN = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let st;
  try {
    st = statSync(abs);
  } catch {
    return [];
  }
  if (!st.isDirectory()) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts') && !f.includes('test-helpers'))
    .map((f) => `${dir}/${f.replace(/\\/g, '/')}`)
    .filter((f) => !CLI_FILES.has(f));
}

/** Every Node built-in reached from `roots`, with the chain of files that reaches it. */
function nodeImports(roots: readonly string[]): string[] {
  return importsReached(roots, (spec) => BUILTIN.has(spec), { skip: NODE_HOSTS });
}

describe('the engine import graph', () => {
  it('the import scanner sees static, re-exported and literal dynamic imports, not comments', () => {
    const code = [
      "import { a } from './a.js';",
      "import type { B } from 'node:stream';",
      "export { c } from './c.js';",
      "const x = await import('node:fs');",
      '// import { d } from "node:path";',
      "import './side.js';",
    ].join('\n');
    expect(importsOf(code)).toEqual(['./a.js', 'node:stream', './c.js', './side.js', 'node:fs']);
    expect(isTypeOnly(code, 'node:stream')).toBe(true);
    // an import whose names are all types is erased as well; one value among them loads the module
    expect(isTypeOnly("import { type A, type B } from 'node:os';", 'node:os')).toBe(true);
    expect(isTypeOnly("import { type A, b } from 'node:os';", 'node:os')).toBe(false);
    expect(importsOf(code, false)).toEqual(['./a.js', 'node:stream', './c.js', './side.js']);
  });

  it('finds a Node built-in through a chain of local imports', () => {
    // the Node host itself is the one module allowed them: walked as a root, it is skipped
    expect(nodeImports(['src/parsers/host/node.ts'])).toEqual([]);
    // gstr1 serve is no engine module: it reaches Node built-ins, also through its own modules
    expect(nodeImports(['src/cli/serve/server.ts'])).toContain('src/cli/serve/server.ts → src/cli/serve/guard.ts imports node:crypto');
  });

  it('has no Node built-in outside the Node host modules', () => {
    const roots = ENGINE.flatMap(sources);
    expect(roots.length).toBeGreaterThan(100);
    expect(nodeImports(roots)).toEqual([]);
  });
});
