/**
 * The sources' import graph as the tests walk it (test/engine-graph.test.ts: no Node built-in in
 * the engine; src/cli/start-up.test.ts: what every command loads). Read from the TypeScript
 * sources by pattern; an import the compiler erases (type-only) loads nothing and is not followed.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Static imports, re-exports and (unless `dynamic` is false) dynamic imports of a literal module name. */
export function importsOf(code: string, dynamic = true): string[] {
  const out: string[] = [];
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]!);
  if (dynamic) for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Whether every import of `spec` in `code` is erased: `import type …`, or `import { type A, type B } …`. */
export function isTypeOnly(code: string, spec: string): boolean {
  const esc = spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const clauses = [...code.matchAll(new RegExp(`(?:import|export)\\s+([^;'"]*?)\\s*from\\s+['"]${esc}['"]`, 'g'))].map((m) => m[1]!.trim());
  const erased = (c: string) =>
    /^type\s/.test(c) || (/^\{[^}]*\}$/.test(c) && c.slice(1, -1).split(',').map((e) => e.trim()).filter(Boolean).every((e) => /^type\s/.test(e)));
  // a side-effect import (no `from`) loads its module
  const bare = new RegExp(`import\\s+['"]${esc}['"]`).test(code);
  return clauses.length > 0 && !bare && clauses.every(erased);
}

/** The source file a relative import names, as a path from the repository's root. */
export function resolveLocal(from: string, spec: string): string | undefined {
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

export interface WalkOptions {
  /** modules not walked into (their imports are allowed) */
  readonly skip?: ReadonlySet<string>;
  /** follow `import('…')` too (default): false for what a module loads when it is loaded */
  readonly dynamic?: boolean;
}

/**
 * Every import of a module outside the sources (a Node built-in, a package) that `wanted` picks,
 * reached from `roots` (paths from the repository's root), each as the chain of files that reaches it.
 */
export function importsReached(roots: readonly string[], wanted: (spec: string) => boolean, opts: WalkOptions = {}): string[] {
  const seen = new Set<string>();
  const queue = roots.map((r) => [r]);
  const found: string[] = [];
  while (queue.length) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1]!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (opts.skip?.has(file) || !file.endsWith('.ts')) continue;
    const code = readFileSync(join(ROOT, file), 'utf8');
    for (const spec of importsOf(code, opts.dynamic ?? true)) {
      if (isTypeOnly(code, spec)) continue;
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec);
        if (next && !seen.has(next)) queue.push([...chain, next]);
      } else if (wanted(spec)) found.push(`${chain.join(' → ')} imports ${spec}`);
    }
  }
  return found;
}
