/**
 * The reading threads a command is about to start, started before the command line loads: a
 * thread takes 0.1-0.15 s to start and load its modules, which then overlaps with this thread's
 * own loading instead of delaying the first rows (threads.ts prestartWorker). A guess from the
 * arguments, made as the engine decides: validate or convert; a workbook among the inputs (each is
 * read on a thread), or only CSV files, large enough to be read on one (process.ts). A thread the
 * run does not take (a sales register is read on this thread) is dropped when it ends.
 */
import { statSync } from 'node:fs';
import { SECOND_READING_FROM } from '../api/second-reading.js';
import { inputArgs } from './child-env.js';

const READS_FILES = new Set(['validate', 'convert']);
const CSV = /\.(csv|tsv|txt)$/i;
const WORKBOOK = /\.xls[xm]$/i;

export async function prestartReaders(args: readonly string[]): Promise<void> {
  if (!READS_FILES.has(args[0] ?? '')) return;
  const files = inputArgs(args.slice(1)).flatMap((a) => {
    const size = fileSize(a);
    return size === undefined ? [] : [{ name: a, size }];
  });
  const csvBytes = files.every((f) => CSV.test(f.name)) ? files.reduce((n, f) => n + f.size, 0) : 0;
  if (csvBytes >= SECOND_READING_FROM) (await import('../validators/host/row-rules-prestart.js')).prestartRowRulesThread();
  if (files.some((f) => WORKBOOK.test(f.name))) (await import('../parsers/host/xlsx-prestart.js')).prestartXlsxReader();
}

function fileSize(path: string): number | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined; // not a file argument
  }
}
