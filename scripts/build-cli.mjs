#!/usr/bin/env node
/**
 * The command line as a bundle (part of npm run build, after tsc): a process that loads a few
 * files starts in a fraction of the time of one that resolves and compiles ~250 modules one by
 * one. Written to dist/cli/bundle/ (the package's bin, main.js) with the library's per-module
 * output left as tsc wrote it.
 *
 * - main.js is the launcher: node built-ins only, so it stays light; the command line it imports
 *   in the process that does the work, and what commands import lazily (uploads, the server,
 *   annotation), are chunks loaded when used.
 * - Worker threads (every <name>-worker.ts under src/) are bundled apart, each one file beside the
 *   chunks (the code that starts one finds it at `./<name>-worker.js` beside itself): a thread that
 *   loads one file of its own code starts sooner than one that resolves a dozen chunks shared with
 *   the command line, and the JSON schema's precompiled validators (1 MB, which only the mapping
 *   thread runs) are left out of it (schemaLeftOut). Measured: loading the row-rules thread's code
 *   took 50 ms as chunks, 36 ms as one file, 19 ms as one file without the validators.
 * - Package files are found from import.meta.url, written for src/<a>/<b>/file.ts
 *   (`../../../data/…`). dist/cli/bundle/ is as deep, so they resolve the same; the check at the
 *   end fails the build if one would not.
 * - `node scripts/build-cli.mjs <folder>` writes it elsewhere (the tests: a package laid out in a
 *   temporary folder, <folder> being its dist/cli/bundle).
 * - exceljs stays a package import: it is large, and only the annotated workbook, the template
 *   and to-excel load it (lazily), as before.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist', 'cli', 'bundle'));
/** the installed package's folder, as seen from the bundle */
const pkg = resolve(out, '../../..');
const src = join(root, 'src');

/** every worker thread's module (<name>-worker.ts under src/), by name: they share one folder in the bundle */
const workers = {};
for (const f of readdirSync(src, { recursive: true }).filter((f) => f.endsWith('-worker.ts'))) {
  const name = basename(f, '.ts');
  if (workers[name]) throw new Error(`two worker modules named ${name}: ${relative(root, workers[name])} and src/${f}`);
  workers[name] = join(src, f);
}

/**
 * source.ts imports the Node host through a variable so the web page's bundler leaves it out;
 * here it is wanted, so the import is made a plain one that esbuild follows.
 */
const nodeHostImport = {
  name: 'node-host',
  setup(b) {
    b.onLoad({ filter: /[\\/]parsers[\\/]host[\\/]source\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const from = 'await import(/* @vite-ignore */ NODE_HOST)';
      if (!text.includes(from)) throw new Error(`${args.path}: the Node host import changed; update scripts/build-cli.mjs`);
      return { contents: text.replace(from, "await import('./node.js')"), loader: 'ts' };
    });
  },
};

/**
 * The schema's validators in a worker's bundle: an object that refuses to be read, so a worker that
 * came to need them would fail at once, loudly, instead of finding no validator for a pointer.
 */
const schemaLeftOut = {
  name: 'schema-left-out',
  setup(b) {
    b.onLoad({ filter: /[\\/]validators[\\/]generated[\\/]retsave-validators\.js$/ }, () => ({
      contents:
        "const refuse = () => { throw new Error('the JSON schema validators are not bundled with a worker thread (scripts/build-cli.mjs)'); };\n" +
        'export const validators = new Proxy({}, { get: refuse, has: refuse, ownKeys: refuse, getOwnPropertyDescriptor: refuse });\n',
      loader: 'js',
    }));
  },
};

const common = {
  outdir: out,
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs'],
  // CommonJS packages in an ES module bundle (papaparse requires `stream`) need a require
  banner: { js: "import { createRequire as __gstr1Require } from 'node:module'; const require = __gstr1Require(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(out, { recursive: true, force: true });
await build({ ...common, entryPoints: { main: join(root, 'src', 'cli', 'main.ts') }, chunkNames: '[name]-[hash]', splitting: true, plugins: [nodeHostImport] });
await build({ ...common, entryPoints: workers, splitting: false, plugins: [nodeHostImport, schemaLeftOut] });
chmodSync(join(out, 'main.js'), 0o755);

// every package file the bundle locates from import.meta.url must stay inside the package
const files = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).files;
for (const f of readdirSync(out).filter((n) => n.endsWith('.js'))) {
  const text = readFileSync(join(out, f), 'utf8');
  for (const [, rel] of text.matchAll(/new URL\(\s*["'`]([^"'`$]+)["'`]\s*,\s*import\.meta\.url\s*\)/g)) {
    const target = relative(pkg, resolve(out, rel));
    const shipped = files.some((top) => (target + sep).startsWith(top + sep));
    if (!shipped) throw new Error(`${f}: new URL('${rel}', import.meta.url) points at ${target}, outside the package's files`);
    if (target.startsWith('dist') && !existsSync(resolve(out, rel))) throw new Error(`${f}: ${rel} is not in the bundle`);
  }
}
console.log(`command line bundled in ${relative(process.cwd(), out) || '.'}`);
