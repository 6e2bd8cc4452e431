/**
 * ecom (Table 15, from the January 2024 period): supplies made through the filer, an e-commerce
 * operator who pays their tax u/s 9(5), one part per sheet: ecob2b (registered supplier to
 * registered recipient), ecourp2b (unregistered supplier to registered recipient), ecob2c and
 * ecourp2c (to unregistered recipients, summed per supplier × POS × rate).
 *   sheet row (ecob2b): 29AAACS1234A1Z5 | | 27AAACR5055K1Z7 | | RST/1 | 05-Mar-2025 | 1050 | 27-Maharashtra | Regular | 5 | 1000 |
 *   JSON: {b2b:[{stin:"29AAACS1234A1Z5", rtin:"27AAACR5055K1Z7", inv:[{inum:"RST/1", idt:"05-03-2025", val:1050,
 *          pos:"27", inv_typ:"R", sply_ty:"INTER", itms:[{num:1, itm_det:{rt:5, txval:1000, iamt:50, csamt:0}}]}]}]}
 */
import { table15Mapper } from '../table15.js';

export default table15Mapper('ecom', [
  { sheet: 'ecob2b', part: 'b2b', kind: 'document', registered: true, amended: false },
  { sheet: 'ecourp2b', part: 'urp2b', kind: 'document', registered: false, amended: false },
  { sheet: 'ecob2c', part: 'b2c', kind: 'rate', registered: true, amended: false },
  { sheet: 'ecourp2c', part: 'urp2c', kind: 'rate', registered: false, amended: false },
]);
