/** configuration: base URLs, credentials from env or an owner-only config file. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBaseUrl, loadCredentials, providerName } from './config.js';
import { messageOf } from '../report/messages/index.js';
import type { OptionError } from '../model/errors.js';

describe('config', () => {
  it('allows https anywhere and plain http only to loopback', () => {
    expect(checkBaseUrl('https://api.whitebooks.in/')).toBe('https://api.whitebooks.in');
    for (const ok of ['http://127.0.0.1:8080', 'http://127.9.8.7', 'http://[::1]:9']) expect(() => checkBaseUrl(ok)).not.toThrow();
    // names are resolved by whoever answers DNS: plain http only to an address
    for (const name of ['http://localhost:1', 'http://gstr1.localhost', 'http://127.0.0.1.nip.io']) expect(() => checkBaseUrl(name)).toThrow(expect.objectContaining({ code: 'UPLOAD_INSECURE_URL' }));
    for (const bad of ['http://api.whitebooks.in', 'http://10.0.0.1', 'http://127.0.0.1.evil.com', 'http://128.0.0.1']) {
      expect(() => checkBaseUrl(bad), bad).toThrow(expect.objectContaining({ code: 'UPLOAD_INSECURE_URL' }));
    }
    // "localhost" is refused as a name, not because it is another machine: the message must not say it is
    let refused: OptionError | undefined;
    try {
      checkBaseUrl('http://localhost:1');
    } catch (e) {
      refused = e as OptionError;
    }
    expect(messageOf({ code: refused!.code, params: refused!.params })).toBe(
      'http://localhost:1 is plain http to an address not known to be this machine; credentials and OTPs would travel unencrypted',
    );
    expect(() => checkBaseUrl('ftp://x')).toThrow(expect.objectContaining({ code: 'UPLOAD_BASE_URL' }));
    expect(() => checkBaseUrl('https://u:p@x.in')).toThrow(expect.objectContaining({ code: 'UPLOAD_BASE_URL' }));
    expect(() => providerName('gstn')).toThrow(expect.objectContaining({ code: 'UPLOAD_PROVIDER_NAME' }));
  });

  it('reads credentials from the environment first, then the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gstr1-cfg-'));
    const file = join(dir, 'gstr1.json');
    writeFileSync(file, JSON.stringify({ sandbox: { apiKey: 'file-key', apiSecret: 'file-secret' }, GSTR1_GST_USERNAME: 'file-user' }), { mode: 0o600 });
    chmodSync(file, 0o600);
    const c = await loadCredentials('sandbox', { env: { GSTR1_SANDBOX_API_KEY: 'env-key' }, configFile: file });
    expect(c).toEqual({ apiKey: 'env-key', apiSecret: 'file-secret', gstUsername: 'file-user' });
    await expect(loadCredentials('whitebooks', { env: { GSTR1_WB_EMAIL: 'a@b.c' } })).rejects.toMatchObject({
      code: 'UPLOAD_CREDENTIALS_MISSING', params: { missing: 'GSTR1_WB_CLIENT_ID, GSTR1_WB_CLIENT_SECRET, GSTR1_GST_USERNAME' },
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a config file others can read, without quoting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gstr1-cfg-'));
    const file = join(dir, 'gstr1.json');
    writeFileSync(file, '{"sandbox":{"apiSecret":"do-not-print"}}');
    chmodSync(file, 0o644);
    const e = await loadCredentials('sandbox', { env: {}, configFile: file }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'UPLOAD_CONFIG_PERMISSIONS', params: { mode: '0644' } });
    expect(JSON.stringify(e) + String(e)).not.toContain('do-not-print');
    chmodSync(file, 0o600);
    writeFileSync(file, '{"sandbox": do-not-print');
    const e2 = await loadCredentials('sandbox', { env: {}, configFile: file }).catch((x: unknown) => x);
    expect(e2).toMatchObject({ code: 'UPLOAD_CONFIG_UNREADABLE', params: { detail: 'not valid JSON' } });
    expect(String(e2)).not.toContain('do-not-print');
  });
});
