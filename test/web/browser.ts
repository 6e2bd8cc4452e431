/**
 * Headless Chromium for the browser tests: Debian's `chromium` (.ci/run installs it), driven by
 * playwright-core, with nothing of its own reaching out to the network.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(import.meta.dirname, '../../test-results/web');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Every request the page makes, and whether any left `origin`. */
export function watchRequests(page: Page, origin: string): { urls: string[]; foreign(): string[] } {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('worker', (w) => urls.push(w.url()));
  return { urls, foreign: () => urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Chooses `files` in the page's file chooser, as a user does, and waits until the page has looked
 * at them: a sales register's note then stands above the Check button, which a click made meanwhile
 * could miss as the note pushes it down (a check that never started, seen once in CI).
 */
export async function chooseFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.getByLabel('Workbook, CSV files or sales register').setInputFiles(files);
  await page.locator('#register[aria-busy="true"]').waitFor({ state: 'detached' });
}
