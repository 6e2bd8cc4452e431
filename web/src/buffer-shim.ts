// The engine uses Node's Buffer as a global (never an import): in the browser bundle every
// reference to it becomes this one (esbuild's `inject`).
export { Buffer } from 'buffer';
