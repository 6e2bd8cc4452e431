#!/usr/bin/env node
/**
 * Copies src/validators/generated (plain JavaScript and its declarations, written by
 * scripts/gen-schema-code.mjs) into dist, as tsc compiles only TypeScript. Part of npm run build.
 */
import { cpSync, rmSync } from 'node:fs';

const from = new URL('../src/validators/generated/', import.meta.url);
const to = new URL('../dist/validators/generated/', import.meta.url);
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.ts') || src.endsWith('.d.ts') });
