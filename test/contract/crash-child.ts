/**
 * A run that gets killed: uploads the payloads given on the command line against the emulator and
 * polls (slowly) until the parent test kills this process. Used by the crash-resume test.
 *   node --import tsx test/contract/crash-child.ts <baseUrl> <journalDir> <payloads.json>
 */
import { readFileSync } from 'node:fs';
import whitebooks from '../../src/upload/providers/whitebooks.js';
import { uploadReturn } from '../../src/upload/run.js';

const [baseUrl, journalDir, payloadFile] = process.argv.slice(2) as [string, string, string];
const credentials = JSON.parse(process.env.GSTR1_TEST_CREDENTIALS ?? '{}');
await uploadReturn({
  gstin: '27AAACR5055K1Z7',
  period: '032025',
  provider: whitebooks({ baseUrl, credentials }),
  otp: '575757',
  journalDir,
  lockDir: journalDir,
  payloads: JSON.parse(readFileSync(payloadFile, 'utf8')) as string[],
  poll: { intervalsMs: [20], maxWaitMs: 60_000 },
});
