/** Every command registers itself here; one file per command. */
import type { CAC } from 'cac';
import type { CliIO } from '../io.js';
import { guardFiles } from '../file-guard.js';
import annotate from './annotate.js';
import convert from './convert.js';
import emulator from './emulator.js';
import file from './file.js';
import mapping from './mapping.js';
import reset from './reset.js';
import serve from './serve.js';
import split from './split.js';
import status from './status.js';
import upload from './upload.js';
import template from './template.js';
import toExcel from './to-excel.js';
import validate from './validate.js';

export type CommandModule = (cli: CAC, io: CliIO) => void;

const COMMANDS: readonly CommandModule[] = [convert, validate, toExcel, template, upload, status, reset, file, annotate, emulator, split, mapping, serve];

export function registerCommands(cli: CAC, io: CliIO): void {
  for (const c of COMMANDS) c(cli, io);
  // every command's files are checked before it runs (file-guard.ts)
  for (const cmd of cli.commands) {
    const action = cmd.commandAction;
    if (!action) continue;
    cmd.action(async (...args: unknown[]) => {
      await guardFiles(cmd, args, io.argv);
      return action.apply(cli, args);
    });
  }
}
