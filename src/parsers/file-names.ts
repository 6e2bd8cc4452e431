/**
 * The name parts of an input's path, without Node's `path` (the engine also runs in a browser,
 * where an input is named by its file name). Both `/` and `\` separate folders, as on Windows.
 */

/** The last part of `file`, less `ext` when it ends with it (as path.basename). */
export function baseName(file: string, ext?: string): string {
  const base = file.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

/** The extension of `file` with its dot, '' when none (as path.extname). */
export function extName(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}
