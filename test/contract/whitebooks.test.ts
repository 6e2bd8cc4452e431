/** provider: whitebooks — the contract suite against the emulator, plus WhiteBooks-only cases. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { journalPaths } from '../../src/upload/journal.js';
import whitebooks from '../../src/upload/providers/whitebooks.js';
import { uploadReturn } from '../../src/upload/run.js';
import { GSTIN, PERIOD, providerContract, samplePayloads, waitFor } from './provider-contract.js';

const credentials = { email: 'accounts@example.in', clientId: 'wb-client-7f3c9e10', clientSecret: 'wb-secret-4d2a4b8e9c55', gstUsername: 'taxpayer_demo' };

providerContract({
  name: 'provider: whitebooks',
  create: ({ baseUrl, redactor, log, http }) => whitebooks({ baseUrl, credentials, redactor, http, ...(log ? { log } : {}) }),
  secrets: Object.values(credentials),
  providerName: 'whitebooks',
  env: { GSTR1_WB_EMAIL: credentials.email, GSTR1_WB_CLIENT_ID: credentials.clientId, GSTR1_WB_CLIENT_SECRET: credentials.clientSecret, GSTR1_GST_USERNAME: credentials.gstUsername },
  credentials: { whitebooks: { email: credentials.email, clientId: credentials.clientId, clientSecret: credentials.clientSecret } },
  additionalTests: ({ setup }) => {
    it('a wrong client secret is refused with an HTML body: auth_failed', async () => {
      const h = await setup();
      const bad = whitebooks({ baseUrl: h.emu.url, credentials: { ...credentials, clientSecret: 'wrong-secret-value' }, http: h.http });
      await expect(uploadReturn({ ...h.run({ provider: bad }), payloads: samplePayloads() })).rejects.toMatchObject({ kind: 'auth_failed', httpStatus: 401 });
    });

    it('resumes after the process is killed mid-run (SIGKILL, lock left behind)', async () => {
      const h = await setup({ faults: { status: { stuckInProgress: true } } });
      const payloads = samplePayloads();
      const file = join(h.dir, 'payloads.json');
      writeFileSync(file, JSON.stringify(payloads));
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), h.emu.url, h.dir, file], {
        stdio: 'ignore', env: { ...process.env, GSTR1_TEST_CREDENTIALS: JSON.stringify(credentials) },
      });
      const exited = new Promise((r) => child.on('exit', r));
      const paths = { journal: h.journalFile(), lock: journalPaths(h.dir, { gstin: GSTIN, period: PERIOD }).lock };
      await waitFor(() => existsSync(paths.journal) && readFileSync(paths.journal, 'utf8').includes('"chunk_saved"') && (h.emu.emulator.calls.status ?? 0) > 1, 8000);
      child.kill('SIGKILL');
      await exited;
      expect(existsSync(paths.lock)).toBe(true); // left behind by the dead process
      h.emu.emulator.clearFaults();
      const up = await uploadReturn({ ...h.run(), payloads });
      expect(up.complete).toBe(true);
      expect(up.chunks[0]).toMatchObject({ outcome: 'processed', resumed: true });
      expect(h.emu.emulator.calls.save).toBe(2); // chunk 1 once (by the child), chunk 2 once
      expect(h.counts().savesApplied).toBe(2);
    }, 15_000);

    it('the newer status path works too', async () => {
      const h = await setup();
      const p = whitebooks({ baseUrl: h.emu.url, credentials, http: h.http, statusPath: '/all/newretstatus' });
      const up = await uploadReturn({ ...h.run({ provider: p }), payloads: samplePayloads() });
      expect(up.complete).toBe(true);
    });
  },
});
