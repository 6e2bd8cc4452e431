/** Progress on stderr, only when stderr is a terminal (never in pipes, logs or CI). */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ((rows: number, file: string) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (rows, file) => {
    stream.write(`\r${file}: ${rows.toLocaleString('en-IN')} rows read`);
  };
}

export function endProgress(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY) stream.write('\r\x1b[K');
}
