#!/usr/bin/python3
# The icons are real SVG on the GNOME grid (128 px full colour, 16 px symbolic in one colour)
# and librsvg, which draws them on the desktop, renders them at their size.
# Usage: check-icons.py ICONDIR APP_ID. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

results = []


def check(ok, name, detail=''):
    results.append(bool(ok))
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    if not ok and detail:
        print('# ' + str(detail))


icondir, app_id = sys.argv[1:3]
icons = [
    ('scalable/apps/%s.svg' % app_id, 128, False),
    ('symbolic/apps/%s-symbolic.svg' % app_id, 16, True),
    ('scalable/mimetypes/%s-plan.svg' % app_id, 128, False),
]
with tempfile.TemporaryDirectory() as tmp:
    for rel, size, symbolic in icons:
        path = os.path.join(icondir, rel)
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            check(False, rel + ' parses', e)
            continue
        check(root.tag == '{http://www.w3.org/2000/svg}svg' and
              root.get('viewBox') == '0 0 %d %d' % (size, size),
              '%s is an SVG on the %d px grid' % (rel, size), root.get('viewBox'))
        png = os.path.join(tmp, 'icon.png')
        render = subprocess.run(['rsvg-convert', '-w', str(size), '-h', str(size), '-o', png, path],
                                capture_output=True, text=True)
        ok = render.returncode == 0 and os.path.getsize(png) > 0
        if ok:
            with open(png, 'rb') as f:
                head = f.read(24)
            ok = head[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', head[16:24]) == (size, size)
        check(ok, '%s renders with librsvg at %d px' % (rel, size), render.stderr)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        colours = set(c.lower() for c in re.findall(r'#[0-9a-fA-F]{6}\b', text))
        if symbolic:
            # White and black only appear inside masks.
            check(colours - {'#ffffff', '#000000'} == {'#2e3436'} and
                  (colours == {'#2e3436'} or '<mask' in text),
                  rel + ' uses the single symbolic colour', sorted(colours))
        else:
            check(len(colours) >= 3, rel + ' is a full-colour icon', sorted(colours))

print('1..%d' % len(results))
sys.exit(0 if all(results) else 1)
