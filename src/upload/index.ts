/** The upload layer's public surface (re-exports only). */
export * from './types.js';
export { ProviderError, UploadError, errorCode, isProviderError } from './errors.js';
export { Redactor, REDACTED, SECRET_NAMES, redactingLogger } from './redact.js';
export { createHttp, type HttpClient, type HttpOptions, type HttpReply, type HttpRequest } from './fetch.js';
export {
  PROVIDER_NAMES, DEFAULT_BASE_URLS, SANDBOX_BASE_URLS, checkBaseUrl, isLoopback, loadCredentials, providerName, readConfigFile,
  type ProviderName, type WhiteBooksCredentials, type SandboxCredentials, type ConfigFile, type CredentialSources,
} from './config.js';
export { createProvider, PROVIDERS, whitebooks, sandbox, type ProviderFactory, type AdapterOptions } from './providers/index.js';
export { walkRecords, describeKey, keyId, type DocKey, type RecordEntry } from './records.js';
export { computeTotals, compareTotals, type SectionTotal, type TotalsDifference } from './totals.js';
export {
  parseStatusResponse, portalErrors, matchPortalErrors, rowKey, keyMatches,
  type PortalError, type ParsedStatus, type MatchContext,
} from './error-report.js';
export { Journal, defaultJournalDir, journalHome, contentHash, readJournal, replay, journalPaths, type JournalState, type ChunkOutcome, type Destination, type Notice } from './journal.js';
export {
  uploadReturn, returnStatus, resetReturn, fileReturn, given,
  type RunOptions, type UploadOptions, type UploadResult, type ChunkResult, type StatusOptions, type ReturnStatusResult,
  type ResetOptions, type ResetResult, type FileOptions, type FileResult, type FilingCheck, type PollOptions, type Prompt, type Given,
} from './run.js';
export { createEmulator, startEmulator, type EmulatorOptions } from './emulator/index.js';
