/**
 * How the page's check reads sales registers. The page remembers a column mapping between visits,
 * but a mapping is one register's columns: it is used only for the files it fits (their header
 * row carries its columns, as `--layout auto` finds a register), and every other file is
 * recognised by its headers as usual. A register layout (preset) is what the user chose for this
 * check. What was used, and what was set aside and why, goes back to the page, which says it
 * beside the result; gstr1 serve reads the files it uploads for the page the same way.
 */
import { host } from '../parsers/host/source.js';
import { AUTO_LAYOUTS, presetById, registerLayouts, type RegisterOptions } from '../register/index.js';
import { findRegisterFiles } from '../register/reader.js';

export interface PageReading {
  /** the saved column mapping, read for these files (those it fits) */
  readonly mapping?: { readonly name: string; readonly files: readonly string[] };
  /** the register layout chosen for this check: its name */
  readonly preset?: string;
  /**
   * a saved mapping that was not used: a layout was chosen, it fits none of the files, or it fits
   * some (`fits`) while another (`others`) is a register of another layout (one check reads one way)
   */
  readonly mappingUnused?: { readonly name: string; readonly why: 'preset' | 'fits-none' | 'other-register'; readonly fits?: readonly string[]; readonly others?: readonly string[] };
}

/**
 * The register options of a check of `files` with the page's `preset` ('' for any) and saved
 * `mapping` (a file name the host knows), and what the page says about them.
 */
export async function pageReading(files: readonly string[], opts: { preset?: string; mapping?: string }): Promise<{ register: RegisterOptions; reading: PageReading }> {
  const preset = opts.preset ? presetById(opts.preset) : undefined;
  const saved = opts.mapping ? (await registerLayouts({ mapping: opts.mapping }))[0]! : undefined;
  if (opts.preset) {
    // an id no preset has is refused by the engine, in the catalogue's words
    const reading: PageReading = {
      ...(preset ? { preset: preset.name } : {}),
      ...(saved ? { mappingUnused: { name: saved.name, why: 'preset' } } : {}),
    };
    return { register: { preset: opts.preset }, reading };
  }
  if (!saved || !opts.mapping) return { register: {}, reading: {} };
  const named = (found: ReadonlySet<string>, among: readonly string[]) => among.filter((f) => found.has(host().resolve(f)));
  const fits = named(await findRegisterFiles(files, [saved], 'auto'), files);
  if (!fits.length) return { register: {}, reading: { mappingUnused: { name: saved.name, why: 'fits-none' } } };
  const rest = files.filter((f) => !fits.includes(f));
  const others = named(await findRegisterFiles(rest, AUTO_LAYOUTS, 'auto'), rest);
  if (others.length) return { register: {}, reading: { mappingUnused: { name: saved.name, why: 'other-register', fits, others } } };
  // `auto`: the files it fits are read with it, the others as the template
  return { register: { mapping: opts.mapping, layout: 'auto' }, reading: { mapping: { name: saved.name, files: fits } } };
}
