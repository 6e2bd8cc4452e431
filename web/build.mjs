// npm run build:web: the web page as static files in web/dist (index.html, app.js, worker.js, reader.js, style.css),
// or in the folder given as the first argument (the browser tests build their own copy).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, 'dist'));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { app: join(here, 'src/main.ts'), worker: join(here, 'src/worker.ts'), reader: join(here, 'src/reader.ts') },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari16.4'],
  // the engine uses Node's Buffer as a global: the `buffer` package stands in for it
  inject: [join(here, 'src/buffer-shim.ts')],
  define: { global: 'globalThis' },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, f), join(out, f));
// the blank template as `gstr1 template` writes it (committed by npm run gen:templates)
copyFileSync(join(here, '../templates/GSTR1_Excel_Workbook_Template.xlsx'), join(out, 'GSTR1_Excel_Workbook_Template.xlsx'));
console.log(`web page built in ${out}`);
