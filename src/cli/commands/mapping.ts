/**
 * gstr1 mapping init <register> [--out mapping.json] [--sheet name]   drafts a column mapping
 * gstr1 mapping fields                                                 lists the register fields and presets
 */
import type { CAC } from 'cac';
import { InputError, OptionError } from '../../model/errors.js';
import { rawOption, type CliIO } from '../io.js';

export default function register(cli: CAC, io: CliIO): void {
  cli
    .command('mapping <action> [file]', 'Column mappings for sales registers: "init <file>" drafts one from the file\'s headers; "fields" lists the fields and presets')
    .option('--out <file.json>', 'mapping file to write (init)', { default: 'gstr1-mapping.json' })
    .option('--sheet <name>', 'the sheet holding the register (init; default: the first data sheet)')
    .example('gstr1 mapping init erp-sales.xlsx --out erp.mapping.json')
    .example('gstr1 convert erp-sales.xlsx --mapping erp.mapping.json --gstin 27AAACR5055K1Z7 --period 092025')
    .action(async (action: string, file: string | undefined, opts: Record<string, unknown>) => {
      if (action === 'fields') return listFields(io);
      if (action !== 'init') throw new OptionError('OPTION_MAPPING_ACTION', { value: action, allowed: 'init, fields' });
      if (!file) throw new OptionError('OPTION_REQUIRED', { option: 'the register file (gstr1 mapping init <file>)' });
      const { draftMapping, readFileHeaders, mappingText } = await import('../../register/mapping.js');
      const { writeOutputFile } = await import('../../report/output-file.js');
      const { registerFieldSpec } = await import('../../register/fields.js');
      const { guardOutput } = await import('../../api/convert.js');
      const out = rawOption(io.argv, 'out') ?? String(opts.out);
      guardOutput([file], out);
      const sheet = rawOption(io.argv, 'sheet') ?? (opts.sheet !== undefined ? String(opts.sheet) : undefined);
      const found = await readFileHeaders(file, sheet);
      if (!found) throw new InputError('REGISTER_HEADER_NOT_FOUND', { file, layouts: 'any header row', missing: 'a row of column headers in the first 10 rows' });
      const draft = draftMapping(found.headers, { sheet: found.sheet, headerRow: found.row, name: `sales register ${file}` });
      await writeOutputFile(out, mappingText(draft.mapping));
      io.stdout.write(`Headers of ${file} › ${found.sheet}, row ${found.row}:\n`);
      if (draft.preset) io.stdout.write(`These headers match the built-in preset "${draft.preset.id}" (${draft.preset.name}): the draft maps them as that preset does, the way gstr1 convert reads this file without --mapping.\n`);
      const w = Math.max(...draft.mapped.map((m) => m.field.length), 8);
      for (const m of draft.mapped) {
        io.stdout.write(`  ${m.field.padEnd(w)}  ← "${m.header}"${m.exact ? '' : '   (guess: check it)'}\n`);
      }
      const missingRequired = draft.unmapped.filter((u) => u.required);
      if (missingRequired.length) {
        io.stdout.write('\nRequired fields with no column (fill them in the mapping):\n');
        for (const u of missingRequired) {
          io.stdout.write(`  ${u.field} (${registerFieldSpec(u.field).label})${u.candidates.length ? `: nearest headers ${u.candidates.map((c) => `"${c}"`).join(', ')}` : ''}\n`);
        }
      }
      if (draft.unusedHeaders.length) {
        io.stdout.write('\nHeaders not mapped (ignored unless you map them):\n');
        for (const h of draft.unusedHeaders) {
          io.stdout.write(`  "${h.header}"${h.near.length ? `: nearest fields ${h.near.join(', ')}` : ''}\n`);
        }
      }
      io.stdout.write(`\nWrote ${out}. Correct it, then: gstr1 convert ${file} --mapping ${out} --gstin ... --period ...\n`);
      return missingRequired.length ? 1 : 0;
    });
}

async function listFields(io: CliIO): Promise<number> {
  const { REGISTER_FIELD_SPECS, REQUIRED_FIELDS } = await import('../../register/fields.js');
  const { PRESETS } = await import('../../register/layouts.js');
  io.stdout.write('Register fields (mapping file keys), their header in the gstr1 register layout, and what they hold:\n');
  const w = Math.max(...REGISTER_FIELD_SPECS.map((s) => s.field.length));
  const lw = Math.max(...REGISTER_FIELD_SPECS.map((s) => s.label.length));
  for (const s of REGISTER_FIELD_SPECS) {
    io.stdout.write(`  ${s.field.padEnd(w)}  ${s.label.padEnd(lw)}  ${REQUIRED_FIELDS.includes(s.field) ? '(required) ' : ''}${s.about}\n`);
  }
  io.stdout.write('\nBuilt-in presets (--preset):\n');
  for (const p of PRESETS) io.stdout.write(`  ${p.id.padEnd(6)}  ${p.name}\n`);
  return 0;
}
