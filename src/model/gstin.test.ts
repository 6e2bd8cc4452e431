import { describe, expect, it } from 'vitest';
import {
  GSTIN_ALPHABET, gstinCheckChar, gstinKinds, hasValidCheckChar, isGstin, isRecipientId, isTcsGstin, isUin,
} from './gstin.js';

describe('gstin', () => {
  it('computes the mod-36 check character of real GSTINs', () => {
    // published or portal-issued ids: the tool's sample file, india-compliance fixtures
    for (const id of ['27AAACR5055K1Z7', '07AAGFF2194N1Z1', '09AAECI1177P1Z1', '32AFGPK3893N1Z0', '24AAACC1206D1ZM', '27AAPFU0939F1ZV']) {
      expect(gstinCheckChar(id.slice(0, 14))).toBe(id[14]);
      expect(hasValidCheckChar(id)).toBe(true);
    }
  });

  it('rejects every other check character', () => {
    const id = '27AAACR5055K1Z7';
    for (const ch of GSTIN_ALPHABET) if (ch !== '7') expect(hasValidCheckChar(id.slice(0, 14) + ch)).toBe(false);
  });

  it('compares upper case and refuses characters outside 0-9A-Z', () => {
    expect(hasValidCheckChar('27aaacr5055k1z7')).toBe(true);
    expect(gstinCheckChar('27AAACR5055K1#')).toBeUndefined();
    expect(hasValidCheckChar('27AAACR5055K1Z')).toBe(false);
  });

  it('tells the kinds apart', () => {
    expect(gstinKinds('27AAACR5055K1Z7')).toEqual(['normal']);
    expect(gstinKinds('27AAACR5055K1CI')).toEqual(['normal', 'tcs']);
    expect(gstinKinds('0717UNO12345UNL')).toEqual(['uin']);
    expect(gstinKinds('0717USA12345NRO')).toEqual(['nr']);
    expect(gstinKinds('9917SGP29001OST')).toEqual(['oidar']);
    expect(gstinKinds('29ABCD12345E1Z5')).toEqual(['govt']);
    expect(gstinKinds('29AAACR5055K1DC')).toEqual(['normal', 'tds']);
  });

  it('accepts GSTIN, UIN, TDS and NR ids with a valid check character as recipients', () => {
    expect(isRecipientId('29AAACR5055K1Z3')).toBe(true);
    expect(isRecipientId('0717UNO12345UNL')).toBe(true);
    expect(isRecipientId('0717USA12345NRO')).toBe(true);
    expect(isRecipientId('29AAACR5055K1DC')).toBe(true);
    expect(isRecipientId('29AAACR5055K1Z4')).toBe(false);
    expect(isRecipientId('9917SGP29001OST')).toBe(false);
    expect(isUin('0717UNO12345UNL')).toBe(true);
    expect(isGstin('27AAACR5055K1CI')).toBe(true);
    expect(isTcsGstin('27AAACR5055K1CI')).toBe(true);
    expect(isTcsGstin('27AAACR5055K1Z7')).toBe(false);
  });
});
