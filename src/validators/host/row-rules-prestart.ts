/**
 * The row-rules thread (row-rules-thread.ts) started before its job is known, by the command line
 * about to read CSV files (threads.ts prestartWorker). A module of its own, beside the worker it
 * starts, that loads nothing else: the point is to start it before the engine is loaded.
 */
import { prestartWorker, secondCore } from '../../parsers/host/threads.js';

/** Whether the row rules run on a thread of their own: two cores or more, unless GSTR1_RULE_THREAD=0. */
export function rulesOnThread(): boolean {
  return secondCore('GSTR1_RULE_THREAD');
}

export function prestartRowRulesThread(): void {
  if (rulesOnThread()) prestartWorker('row-rules-worker', import.meta.url);
}
