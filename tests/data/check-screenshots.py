#!/usr/bin/python3
# Every screenshot that the AppStream metadata points to is a PNG committed under
# data/screenshots/ with the size the metadata announces.
# Usage: check-screenshots.py METAINFO SCREENSHOT_DIR. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import struct
import sys
import xml.etree.ElementTree as ET

metainfo, shots = sys.argv[1:3]
images = [i for i in ET.parse(metainfo).getroot().iter('image') if i.get('type') == 'source']
results = [bool(images)]
print('%s 1 - the metadata has screenshots' % ('ok' if images else 'not ok'))
for image in images:
    url = image.text.strip()
    name = url.rsplit('/', 1)[-1]
    path = os.path.join(shots, name)
    ok = url.startswith('https://') and '/data/screenshots/' in url and os.path.isfile(path)
    if ok:
        with open(path, 'rb') as f:
            head = f.read(24)
        ok = (head[:8] == b'\x89PNG\r\n\x1a\n' and
              struct.unpack('>II', head[16:24]) == (int(image.get('width')), int(image.get('height'))))
    results.append(ok)
    print('%s %d - %s is committed with the announced size %sx%s'
          % ('ok' if ok else 'not ok', len(results), name, image.get('width'), image.get('height')))
print('1..%d' % len(results))
sys.exit(0 if all(results) else 1)
