/** Below this a workbook is read in the engine's worker: starting a reading worker costs more than it saves (reading.ts). */
export const READ_APART_BYTES = 512 * 1024;
