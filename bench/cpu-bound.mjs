// What a command's CPU time says about a wall-time bar: on a machine of N cores, no split of the work
// over threads can finish in less than its CPU time ÷ N (every core busy all the time, nothing spent
// handing work across). A command whose CPU ÷ N is over its bar cannot meet the bar by using the
// cores better; it needs less work. The bench prints it beside the CSV targets (bench/run.mjs).

/**
 * @param {{ cpu: number, cores: number, bar: number }} o
 *   cpu: the command's user + system seconds (GNU time's %U + %S, the median of the runs);
 *   cores: the machine's cores; bar: the wall-time bar in seconds
 * @returns {{ leastWall: number, budget: number, cut: number, reachable: boolean }}
 *   leastWall: cpu ÷ cores; budget: the most CPU a run under the bar can use (bar × cores);
 *   cut: the share of today's CPU that would have to go to fit that budget (0 when it fits)
 */
export function cpuBound({ cpu, cores, bar }) {
  const n = Math.max(1, cores);
  const budget = bar * n;
  return { leastWall: cpu / n, budget, cut: cpu > budget ? 1 - budget / cpu : 0, reachable: cpu <= budget };
}

/** a share as a percentage: whole under 10 % would read 0 % for a cut that is needed, so one decimal there */
const percent = (share) => (share * 100).toFixed(share < 0.1 ? 1 : 0);

/** The sentence for the report; `barText` says how the bar is set (e.g. "3 × the papaparse floor of 0.60 s"). */
export function cpuBoundText({ cpu, cores, bar, barText }) {
  const b = cpuBound({ cpu, cores, bar });
  const s = (x) => x.toFixed(2);
  const head = `${s(cpu)} s of CPU (user + system, median) ÷ ${cores} core${cores === 1 ? '' : 's'} = ${s(b.leastWall)} s at the least, with every core busy throughout; the bar (${barText}) is ${s(bar)} s`;
  return b.reachable
    ? `${head}: within reach by the CPU it uses`
    : `${head}: out of reach by using the cores better; a run under it may use at most ${s(b.budget)} s of CPU, ${percent(b.cut)} % less than now`;
}
