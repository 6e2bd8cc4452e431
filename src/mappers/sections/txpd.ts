/**
 * txpd (Table 11B(1), 11B(2): advances adjusted against invoices), sheet `atadj`: same shape as
 * at — one object per place of supply × applicable %, one item per rate (summed).
 *   sheet row: 29-Karnataka | | 18 | 2000 | 
 *   JSON:      {pos:"29", sply_ty:"INTER", itms:[{rt:18, ad_amt:2000, iamt:360, csamt:0}]}
 */
import { advanceMapper } from './at.js';

export default advanceMapper('txpd', 'atadj', false);
