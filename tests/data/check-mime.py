#!/usr/bin/python3
# Checks the shared-mime-info package built from data/: it is well-formed, update-mime-database
# accepts it, and GIO (which GTK's file chooser and the desktop use) then recognises
# *.kehoach.json as our type, a kind of JSON, with our icon and a Vietnamese description.
# Usage: check-mime.py MIME_XML MIME_TYPE ICON_NAME. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile

results = []


def check(ok, name, detail=''):
    results.append(bool(ok))
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    if not ok and detail:
        print('# ' + str(detail).replace('\n', '\n# '))
    sys.stdout.flush()


mime_xml, mime_type, icon_name = sys.argv[1:4]
lint = subprocess.run(['xmllint', '--noout', mime_xml], capture_output=True, text=True)
check(lint.returncode == 0, 'the MIME package is well-formed XML', lint.stderr)

with open(mime_xml, encoding='utf-8') as f:
    text = f.read()
check('xml:lang="vi"' in text, 'the MIME comment has a Vietnamese translation merged from vi.po')

with tempfile.TemporaryDirectory() as home:
    packages = os.path.join(home, 'mime', 'packages')
    os.makedirs(packages)
    shutil.copy(mime_xml, packages)
    update = subprocess.run(['update-mime-database', '-V', os.path.join(home, 'mime')],
                            capture_output=True, text=True)
    check(update.returncode == 0 and 'Unknown' not in update.stderr and 'Error' not in update.stderr,
          'update-mime-database accepts the package', update.stderr)
    with open(os.path.join(home, 'mime', 'globs2'), encoding='utf-8') as f:
        globs = f.read()
    check(':%s:*.kehoach.json' % mime_type in globs, 'the glob *.kehoach.json maps to ' + mime_type)

    # GIO reads the databases of XDG_DATA_HOME and XDG_DATA_DIRS once, when first asked.
    probe = r'''
import sys
from gi.repository import Gio
mime_type, icon_name = sys.argv[1:3]
guessed, uncertain = Gio.content_type_guess('Kế hoạch 25 KH-THCS.kehoach.json', None)
print(guessed)
print(Gio.content_type_is_a(guessed, 'application/json'))
print(icon_name in Gio.content_type_get_icon(guessed).get_names())
print(Gio.content_type_get_description(guessed))
print(Gio.content_type_guess('other.json', None)[0])
'''
    env = dict(os.environ, XDG_DATA_HOME=home, XDG_DATA_DIRS='/usr/local/share:/usr/share',
               LANGUAGE='vi', LC_ALL='C.UTF-8')
    out = subprocess.run(['/usr/bin/python3', '-c', probe, mime_type, icon_name], env=env,
                         capture_output=True, text=True)
    lines = out.stdout.splitlines() + [''] * 5
    check(out.returncode == 0, 'GIO answers about the type', out.stderr)
    check(lines[0] == mime_type, 'GIO guesses %s for a .kehoach.json file' % mime_type, lines[0])
    check(lines[1] == 'True', 'GIO sees the type as a kind of application/json')
    check(lines[2] == 'True', 'GIO gives the type the icon ' + icon_name)
    check(lines[3] == 'Tệp kế hoạch', 'GIO describes the type in Vietnamese', lines[3])
    check(lines[4] == 'application/json', 'other .json files stay application/json', lines[4])

print('1..%d' % len(results))
sys.exit(0 if all(results) else 1)
