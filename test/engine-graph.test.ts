/**
 * One engine, two hosts (issue 12): nothing the engine imports, directly or through another
 * module, may be a Node built-in, except in the Node host modules (NODE_HOSTS below). The
 * browser bundle is built from the same graph, so a Node import here would break the web page.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ENGINE = ['src/parsers', 'src/mappers', 'src/engine', 'src/validators', 'src/model', 'src/register', 'src/report/messages', 'src/report/annotate', 'src/web'];
/** command-line files kept beside the engine: they write files, and the browser does not load them */
const CLI_FILES = new Set(['src/register/cli.ts', 'src/register/split.ts']);
/** the Node hosts: input bytes (FileHandle, zlib), and the annotated workbook written to a file */
const NODE_HOSTS = new Set([
  'src/parsers/host/node.ts', 'src/parsers/host/threads.ts', 'src/parsers/host/xlsx-thread.ts', 'src/parsers/host/xlsx-worker.ts',
  'src/validators/host/row-rules-thread.ts', 'src/validators/host/row-rules-worker.ts', 'src/report/annotate/index.ts',
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

/** Static imports, re-exports and dynamic imports of a literal module name. */
export function importsOf(code: string): string[] {
  const out: string[] = [];
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function isTypeOnly(code: string, spec: string): boolean {
  const esc = spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`import\\s+type\\s[^;]*?from\\s+['"]${esc}['"]`).test(code) && !new RegExp(`import\\s+(?!type\\s)[^;]*?from\\s+['"]${esc}['"]`).test(code);
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(join(ROOT, from)), spec);
  for (const cand of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(cand).isFile()) return relative(ROOT, cand).replace(/\\/g, '/');
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Every Node built-in reached from `roots`, with the chain of files that reaches it. */
function nodeImports(roots: readonly string[]): string[] {
  const seen = new Map<string, string[]>();
  const queue = roots.map((r) => [r]);
  const found: string[] = [];
  while (queue.length) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1]!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    if (NODE_HOSTS.has(file) || !file.endsWith('.ts')) continue;
    const code = readFileSync(join(ROOT, file), 'utf8');
    for (const spec of importsOf(code)) {
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec);
        if (next && !seen.has(next)) queue.push([...chain, next]);
      } else if (BUILTIN.has(spec) && !isTypeOnly(code, spec)) {
        found.push(`${chain.join(' → ')} imports ${spec}`);
      }
    }
  }
  return found;
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
