/** provider: sandbox — the contract suite against the emulator, plus Sandbox-only cases. */
import { expect, it } from 'vitest';
import sandbox from '../../src/upload/providers/sandbox.js';
import { uploadReturn } from '../../src/upload/run.js';
import { OTP, providerContract, samplePayloads } from './provider-contract.js';

const credentials = { apiKey: 'key_live_9a8b7c6d5e4f', apiSecret: 'secret_live_1f2e3d4c5b6a', gstUsername: 'taxpayer_demo' };

providerContract({
  name: 'provider: sandbox',
  create: ({ baseUrl, redactor, log, http }) => sandbox({ baseUrl, credentials, redactor, http, ...(log ? { log } : {}) }),
  secrets: Object.values(credentials),
  providerName: 'sandbox',
  env: { GSTR1_SANDBOX_API_KEY: credentials.apiKey, GSTR1_SANDBOX_API_SECRET: credentials.apiSecret, GSTR1_GST_USERNAME: credentials.gstUsername },
  credentials: { sandbox: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret } },
  additionalTests: ({ setup }) => {
    it('a wrong API secret is refused: auth_failed', async () => {
      const h = await setup();
      const bad = sandbox({ baseUrl: h.emu.url, credentials: { ...credentials, apiSecret: 'nope-nope-nope' }, http: h.http });
      await expect(uploadReturn({ ...h.run({ provider: bad }), payloads: samplePayloads() })).rejects.toMatchObject({ kind: 'auth_failed', httpStatus: 403 });
    });

    it('the platform token is renewed without an OTP when it expires (24 h)', async () => {
      const h = await setup({ sessionMs: 48 * 3600_000 });
      let asked = 0;
      const run = h.run({ otp: async () => (asked++, OTP) });
      await uploadReturn({ ...run, payloads: samplePayloads().slice(0, 1) });
      h.emu.emulator.advance(25 * 3600_000);
      const up = await uploadReturn({ ...run, payloads: samplePayloads() });
      expect(up.complete).toBe(true);
      expect(asked).toBe(1);
    });

    it('honours the test plan rate limit (25 requests a minute) by waiting', async () => {
      const h = await setup({ rateLimitPerMinute: 25 });
      const up = await uploadReturn({ ...h.run(), payloads: samplePayloads() });
      expect(up.complete).toBe(true);
    });
  },
});
