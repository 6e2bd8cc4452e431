/**
 * txpda (Table 11B amendments: advances adjusted), sheet `atadja`: same shape as ata — one
 * object per original month × original place of supply × applicable %, one item per rate.
 *   sheet row: 2024-25 | MARCH | 27-Maharashtra | | 18 | 2000 |
 *   JSON:      {omon:"032025", pos:"27", sply_ty:"INTRA", itms:[{rt:18, ad_amt:2000, camt:180, samt:180, csamt:0}]}
 */
import { advanceMapper } from './at.js';

export default advanceMapper('txpda', 'atadja', true);
