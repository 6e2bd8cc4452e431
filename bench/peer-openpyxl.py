#!/usr/bin/env python3
"""peer-openpyxl.py: a peer for `npm run bench`, the minimal b2b converter a Python user writes with openpyxl.

Reads the 'b2b,sez,de' sheet of the offline-tool template with openpyxl in read_only mode (values only), groups
the lines into invoices per recipient as the Python GSTR-1 converters do, and writes the portal's b2b JSON.
Floats and round(x, 2), as those converters use. No checks beyond skipping blank rows.

    python3 bench/peer-openpyxl.py book.xlsx out.json   -> one JSON line {reader, rows, invoices, seconds} on stdout
"""
import json
import sys
import time

import openpyxl

from peer_b2b import B2B_SHEET, Converter

t0 = time.perf_counter()
src, out = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src, read_only=True, data_only=True)
conv = Converter()
for row in wb[B2B_SHEET].iter_rows(min_row=5, values_only=True):
    conv.add(row)
wb.close()
conv.write(out)
print(json.dumps({'reader': 'openpyxl-read_only', 'rows': conv.rows, 'invoices': conv.invoices, 'seconds': time.perf_counter() - t0}))
