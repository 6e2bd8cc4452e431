#!/usr/bin/env python3
"""peer-pandas.py: a peer for `npm run bench`, the pandas converter of the Python GSTR-1 tools.

`pandas.read_excel` of the 'b2b,sez,de' sheet (headers in row 4), the lines grouped into invoices per recipient,
the portal's b2b JSON written. Floats and round(x, 2), as those converters use. No checks beyond blank rows.

    python3 bench/peer-pandas.py book.xlsx out.json   -> one JSON line {reader, rows, invoices, seconds} on stdout
"""
import json
import sys
import time

import pandas as pd

from peer_b2b import B2B_SHEET, Converter

t0 = time.perf_counter()
src, out = sys.argv[1], sys.argv[2]
df = pd.read_excel(src, sheet_name=B2B_SHEET, header=3)
conv = Converter()
for row in df.itertuples(index=False, name=None):
    conv.add(tuple(None if pd.isna(v) else v for v in row))
conv.write(out)
print(json.dumps({'reader': 'pandas-read_excel', 'rows': conv.rows, 'invoices': conv.invoices, 'seconds': time.perf_counter() - t0}))
