/**
 * What every run of the command line loads before it reads a row: the modules main.ts loads for any
 * command, and the validate and convert APIs. Node's own modules each cost start-up time when
 * loaded (measured on this project's machine: node:crypto about 7 ms, node:child_process about
 * 5 ms, node:http 4 ms), and a large package more; those only some commands need are imported
 * where they are used. This follows the static imports of the TypeScript sources (type-only ones
 * are left out, as the compiler leaves them out; dynamic imports are not followed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** loaded by every command (main.ts, and what it imports for the command's own process) */
const EVERY_COMMAND = ['cli/main.ts', 'cli/prestart.ts', 'cli/cli.ts', 'cli/closed-output.ts'];
const READING = ['api/validate.ts', 'api/convert.ts'];

/** The modules outside src/ (Node's, packages) that `entries` load statically, each with a file that imports it. */
function staticImports(entries: readonly string[]): Map<string, string> {
  const outside = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const st of source.statements) {
      let spec: string | undefined;
      if (ts.isImportDeclaration(st) && !typeOnly(st)) spec = (st.moduleSpecifier as ts.StringLiteral).text;
      else if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.moduleSpecifier) spec = (st.moduleSpecifier as ts.StringLiteral).text;
      if (spec === undefined) continue;
      if (!spec.startsWith('.')) {
        if (!outside.has(spec)) outside.set(spec, relative(SRC, file));
        continue;
      }
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      // a generated module is JavaScript beside its declarations
      visit(existsSync(target) ? target : target.replace(/\.ts$/, '.js'));
    }
  };
  for (const e of entries) visit(resolve(SRC, e));
  return outside;
}

/** `import type …`, or `import { type A, type B } …`: nothing is loaded */
function typeOnly(d: ts.ImportDeclaration): boolean {
  const clause = d.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

describe('start-up', () => {
  it('loads none of the Node modules only some commands need, whatever the command', () => {
    const loaded = staticImports(EVERY_COMMAND);
    for (const m of ['node:crypto', 'node:child_process', 'node:readline', 'node:readline/promises', 'node:http', 'node:net']) {
      expect(loaded.get(m), m).toBeUndefined();
    }
    expect(loaded.has('cac')).toBe(true);
  });

  it('validate and convert load neither those nor exceljs (used by --annotate, to-excel and the template)', () => {
    const loaded = staticImports([...EVERY_COMMAND, ...READING]);
    for (const m of ['node:crypto', 'node:child_process', 'node:readline/promises', 'node:http', 'exceljs']) expect(loaded.get(m), m).toBeUndefined();
    // the walk reaches the engine: the reader's packages are among what it finds
    expect(loaded.has('papaparse') && loaded.has('decimal.js')).toBe(true);
  });
});
