/** What a command gets to talk to the user, and the raw arguments; below every command file. */

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  /** raw argv (after node and script), for options cac would turn into numbers */
  argv: readonly string[];
}

/**
 * cac (via mri) turns `--period 032025` into the number 32025; string options are re-read from
 * the raw arguments.
 */
export function rawOption(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** Every value given to `--name` (it may be repeated), as typed. */
export function rawOptions(argv: readonly string[], name: string): string[] {
  const flag = `--${name}`;
  const out: string[] = [];
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    if (a === flag && i + 1 < argv.length) out.push(argv[++i]!);
    else if (a.startsWith(`${flag}=`)) out.push(a.slice(flag.length + 1));
  }
  return out;
}

/**
 * An option naming a file, as typed (cac would read `--out 2025` as a number and `--out ""` as 0),
 * else its default; undefined when neither.
 */
export function pathOption(argv: readonly string[], opts: Record<string, unknown>, name: string): string | undefined {
  const raw = rawOption(argv, name);
  if (raw !== undefined) return raw;
  const v = opts[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
  return v === undefined || v === true ? undefined : String(Array.isArray(v) ? v[0] : v);
}
