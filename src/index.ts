/**
 * The library API of gstr1 (the CLI is a thin layer over it). Re-exports only.
 *
 *   import { convertFiles, validateFiles } from 'gstr1';
 *   const { result, written } = await convertFiles(['sales.xlsx'], { gstin: '27AAKCS4821M1ZW', period: '102025' });
 */
export { convertFiles, writePayloadFiles, type ConvertOptions, type ConvertResult } from './api/convert.js';
export { validateFiles, type ValidateFilesOptions, type ValidateResult } from './api/validate.js';
export { uploadFiles, payloadsFromFiles, type UploadFilesOptions, type UploadFilesResult } from './api/upload.js';
export { processReturn, type ProcessOptions } from './api/process.js';
export { processWithRegister } from './api/register-pass.js';
export { splitRegister, type SplitOptions, type SplitResult } from './api/split.js';
export { createPass, type Checker, type Pass, type ProcessResult } from './engine/pass.js';
export { runPass, type RowSource } from './engine/run.js';
export { returnContext, gstinOption, periodOption, type ReturnOptions } from './engine/options.js';
export type { ReturnContext } from './model/return.js';
export * from './api/to-excel.js';
export { annotateFiles } from './report/annotate/index.js';
export { defaultCheckers, type ValidateOptions } from './validators/index.js';
export { assemblePayload, serialisePayloads, DEFAULT_MAX_BYTES, type Payload, type Envelope } from './mappers/payload.js';
export { MAPPERS } from './mappers/registry.js';
export { readRows, type ParsedRow, type SheetContext, type SheetStats } from './parsers/rows.js';
export { SHEETS, SECTION_KEYS, sheetSpec, sheetByName, type SheetId, type SectionKey, type SheetSpec } from './model/sheets.js';
export { parsePeriod, formatPeriod, type Period } from './model/period.js';
export { gstinCheckChar, hasValidCheckChar, isGstin, isRecipientId } from './model/gstin.js';
export type { Finding, Location, Severity } from './model/finding.js';
export { Gstr1Error, InputError, OptionError } from './model/errors.js';
export { MESSAGES, messageOf, hintOf } from './report/messages/index.js';
export { prepareRegister, type RegisterOptions } from './register/index.js';
export * as upload from './upload/index.js';
// one engine, two hosts: inputs through a byte source (Node by default; a browser installs its own)
export { installHost, SourceError, type ByteSource, type DataFile, type Host } from './parsers/host/source.js';
export { browserHost } from './parsers/host/browser.js';
export { startServer, type ServeOptions, type RunningServer } from './cli/serve/server.js';
