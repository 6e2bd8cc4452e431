/**
 * supecoa (Table 14A, from the February 2024 period), sheet `ecoa`: amendments of Table 14, one
 * record per original month × original operator × revised operator, in `clttxa` / `paytxa`.
 * Amounts carried as given, as in supeco.
 *   sheet row: Liable to pay tax u/s 9(5) | 2024-25 | JANUARY | 27AAACF0000A1CZ | 27AAACG0000B1CZ | Shop Co | 5000 | 0 | 450 | 450 | 0
 *   JSON:      {paytxa:[{omon:"012025", oetin:"27AAACF0000A1CZ", etin:"27AAACG0000B1CZ",
 *               suppval:5000, igst:0, cgst:450, sgst:450, cess:0}]}
 */
import { ecoMapper } from './supeco.js';

export default ecoMapper(true);
