/**
 * The reading threads a command is about to start, started before the command line loads: a
 * thread takes 0.1-0.15 s to start and load its modules, which then overlaps with this thread's
 * own loading instead of delaying the first rows (threads.ts prestartWorker). A guess from the
 * arguments, made as the engine decides: validate or convert; a workbook among the inputs (each is
 * read on a thread), or only CSV files, large enough to be read on one (process.ts). A thread the
 * run does not take (a sales register is read on this thread) is dropped when it ends.
 */
import { SECOND_READING_FROM } from '../api/second-reading.js';
import { CSV_NAME, WORKBOOK_NAME, type InputFile } from './child-env.js';

const READS_FILES = new Set(['validate', 'convert']);

/** `files`: the command's input files with their sizes, as the launcher found them (main.ts). */
export async function prestartReaders(command: string | undefined, files: readonly InputFile[]): Promise<void> {
  if (!READS_FILES.has(command ?? '')) return;
  const csvBytes = files.every((f) => CSV_NAME.test(f.name)) ? files.reduce((n, f) => n + f.bytes, 0) : 0;
  if (csvBytes >= SECOND_READING_FROM) (await import('../validators/host/row-rules-prestart.js')).prestartRowRulesThread();
  if (files.some((f) => WORKBOOK_NAME.test(f.name))) (await import('../parsers/host/xlsx-prestart.js')).prestartXlsxReader();
}
