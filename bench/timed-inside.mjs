// timed-inside.mjs — for a bench script that times its own work (bench/floor-json.mjs): its run's wall time becomes
// the seconds it printed on its last JSON line, and a run whose output was not byte for byte the JSON it read, or
// that printed no time, counts as failed. `res` is bench/run.mjs's result of one timed process; `log` its output.
export function timedInside(res, log) {
  if (res.code !== 0 || res.timedOut) return res;
  const line = log.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  let out = null;
  try { out = line ? JSON.parse(line) : null; } catch { /* not its line */ }
  if (!out || !(out.seconds > 0)) Object.assign(res, { code: 1, tail: 'printed no time' });
  else if (out.identical !== true) Object.assign(res, { code: 1, tail: 'what it wrote differs from the JSON it read' });
  else res.wall = out.seconds;
  return res;
}
