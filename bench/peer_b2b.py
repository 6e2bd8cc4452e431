"""peer_b2b.py: the b2b grouping shared by the two Python peers (peer-openpyxl.py, peer-pandas.py).

Columns of the template's 'b2b,sez,de' sheet: GSTIN/UIN of Recipient, Receiver Name, Invoice Number, Invoice date,
Invoice Value, Place Of Supply, Reverse Charge, Applicable % of Tax Rate, Invoice Type, E-Commerce GSTIN, Rate,
Taxable Value, Cess Amount.
"""
import json

B2B_SHEET = 'b2b,sez,de'
SUPPLIER_STATE = '27'
INV_TYPES = {'Regular B2B': 'R', 'SEZ supplies with payment': 'SEZWP', 'SEZ supplies without payment': 'SEZWOP',
             'Deemed Exp': 'DE', 'Intra-State supplies attracting IGST': 'CBW'}


def _date(v):
    return v.strftime('%d-%m-%Y') if hasattr(v, 'strftime') else str(v)


class Converter:
    def __init__(self):
        self.by_ctin = {}
        self.rows = 0
        self.invoices = 0

    def add(self, row):
        if not row or row[0] is None:
            return
        self.rows += 1
        ctin, inum = str(row[0]).strip(), str(row[2]).strip()
        invs = self.by_ctin.setdefault(ctin, {})
        inv = invs.get(inum)
        pos = str(row[5])[:2]
        if inv is None:
            self.invoices += 1
            inv = invs[inum] = {'inum': inum, 'idt': _date(row[3]), 'val': round(float(row[4]), 2), 'pos': pos,
                                'rchrg': 'Y' if row[6] == 'Y' else 'N', 'inv_typ': INV_TYPES.get(row[8], 'R'), 'itms': []}
        rt, txval = float(row[10]), round(float(row[11]), 2)
        det = {'rt': rt, 'txval': txval}
        tax = round(txval * rt / 100, 2)
        if pos == SUPPLIER_STATE:
            det['camt'] = det['samt'] = round(tax / 2, 2)
        else:
            det['iamt'] = tax
        det['csamt'] = round(float(row[12] or 0), 2)
        inv['itms'].append({'num': len(inv['itms']) + 1, 'itm_det': det})

    def write(self, path):
        b2b = [{'ctin': c, 'inv': list(invs.values())} for c, invs in self.by_ctin.items()]
        with open(path, 'w') as f:
            json.dump({'b2b': b2b}, f, separators=(',', ':'))
