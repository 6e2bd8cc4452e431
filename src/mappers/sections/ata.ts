/**
 * ata (Table 11A amendments: advances received), sheet `ata`: one object per original month ×
 * original place of supply × applicable %, one item per rate (summed).
 *   sheet row: 2024-25 | FEBRUARY | 29-Karnataka | 65 | 5 | 10000 |
 *   JSON:      {omon:"022025", pos:"29", sply_ty:"INTER", diff_percent:0.65,
 *               itms:[{rt:5, ad_amt:10000, iamt:325, csamt:0}]}
 */
import { advanceMapper } from './at.js';

export default advanceMapper('ata', 'ata', true);
