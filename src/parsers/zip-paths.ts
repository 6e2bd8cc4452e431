/** Paths inside a zip (`/` separated, as an .xlsx's relationships use them): path.posix's few functions we need, without Node. */

function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const s = (abs ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : p.slice(0, i);
}

function basename(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? '';
}

export const posix = { normalize, join, dirname, basename };

/** A relationship target as a part name: relative to `base` (a folder), or absolute (`/xl/...`). */
export function resolveTarget(base: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURI(t);
  } catch {
    // keep it as written
  }
  return t.startsWith('/') ? posix.normalize(t).slice(1) : posix.normalize(posix.join(base, t));
}
