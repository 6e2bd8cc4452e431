/**
 * What each page test file sets up: the page built from the sources into a folder of its own (test
 * files run side by side), served by a plain static server, and a headless Chromium; all gone after
 * the file. `dir` is the file's temp folder, for the inputs it writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { serveStatic } from './static-server.js';

const ROOT = join(import.meta.dirname, '../..');

export interface BuiltPage {
  readonly dir: string;
  /** set before the file's tests run */
  browser: Browser;
  url: string;
  /** the paths the static server was asked for, in order */
  served: string[];
}

export function builtPage(prefix: string): BuiltPage {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let server: { url: string; served: string[]; close(): Promise<void> } | undefined;
  const web = { dir } as BuiltPage;
  beforeAll(async () => {
    // the same script as `npm run build:web`, into this file's own folder
    execFileSync(process.execPath, [join(ROOT, 'web/build.mjs'), join(dir, 'dist')], { stdio: 'pipe' });
    server = await serveStatic(join(dir, 'dist'));
    web.url = server.url;
    web.served = server.served;
    web.browser = await launch();
  });
  afterAll(async () => {
    await web.browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return web;
}
