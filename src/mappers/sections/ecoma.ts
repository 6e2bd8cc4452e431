/**
 * ecoma (Table 15A, from the February 2024 period): amendments of Table 15. ecoab2b / ecoaurp2b
 * revise a document (original number and date kept); ecoab2c / ecoaurp2c revise an earlier
 * month's figures per POS (and supplier), by financial year and original month.
 *   sheet row (ecoaurp2c): 2024-25 | JANUARY | 27-Maharashtra | 5 | 2000 |
 *   JSON: {urp2ca:[{pos:"27", omon:"012025", sply_ty:"INTRA", itms:[{rt:5, txval:2000, camt:50, samt:50, csamt:0}]}]}
 */
import { table15Mapper } from '../table15.js';

export default table15Mapper('ecoma', [
  { sheet: 'ecoab2b', part: 'b2ba', kind: 'document', registered: true, amended: true },
  { sheet: 'ecoaurp2b', part: 'urp2ba', kind: 'document', registered: false, amended: true },
  { sheet: 'ecoab2c', part: 'b2ca', kind: 'rate', registered: true, amended: true },
  { sheet: 'ecoaurp2c', part: 'urp2ca', kind: 'rate', registered: false, amended: true },
]);
