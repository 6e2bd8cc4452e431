/**
 * A reader that stops early (`gstr1 mapping fields | head -5`) closes the pipe, and the next write
 * to it fails with EPIPE. What is printed from then on is dropped without a word, and the command
 * goes on to its end and its own exit code: the summary nobody reads is no reason to leave a
 * workbook unwritten or an upload half done, and `set -o pipefail` scripts still see 1 for a return
 * with errors. Any other failure of the stream is left as it was.
 */
export function dropOutputOnceClosed(stream: NodeJS.WritableStream): void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    // once closed, later writes fail as writes to a destroyed stream
    if (e.code === 'EPIPE' || (closed && e.code === 'ERR_STREAM_DESTROYED')) {
      closed = true;
      return;
    }
    throw e;
  });
}
