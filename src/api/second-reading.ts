/** A module of its own: the command line's prestart (src/cli/prestart.ts) reads it before the engine is loaded. */

/**
 * CSV inputs from this size on are read on another thread, which checks the row rules and hands
 * the rows over: on a one-line file starting that thread cost 0.07 s of CPU and 14 MB for nothing
 * (measured with the bundled CLI, when it read the files a second time); about 35,000 lines and up it pays.
 */
export const SECOND_READING_FROM = 4 * 1024 * 1024;
