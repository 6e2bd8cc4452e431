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
