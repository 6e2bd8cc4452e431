/**
 * The acknowledgement number (ARN) of a filed return, as the journal keeps it and the user is
 * told it. The return tracker may say a return is filed without giving its ARN: the journal then
 * keeps ARN_UNKNOWN (older journals wrote the same word), later runs ask the tracker again, and
 * the user is never shown "unknown" as if it were a number.
 */
export const ARN_UNKNOWN = 'unknown';

/** Whether `arn` is an ARN the portal gave. */
export function arnKnown(arn: string | undefined): arn is string {
  return arn !== undefined && arn !== '' && arn !== ARN_UNKNOWN;
}

/** "ARN AA271025000001X", or what is known when the portal gave none. */
export function arnWords(arn: string): string {
  return arnKnown(arn) ? `ARN ${arn}` : "the portal's return tracker gave no ARN (see it on the portal: Returns > Track Return Status)";
}
