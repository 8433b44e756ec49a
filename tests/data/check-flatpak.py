#!/usr/bin/python3
# Checks the Flatpak manifest on paper (it cannot be built offline): it parses, names the same
# application, command and meson module as this build, runs the tests, bundles the Times
# substitute fonts from a pinned archive, and asks for no more than the minimum permissions.
# Usage: check-flatpak.py MANIFEST APP_ID COMMAND MESON_OPTIONS_FILE. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

results = []


def check(ok, name, detail=''):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    if not ok and detail:
        print('# ' + detail)


path, app_id, command, options_path = sys.argv[1:5]
with open(options_path, encoding='utf-8') as f:
    project_options = set(re.findall(r"option\s*\(\s*'([^']+)'", f.read()))
builtin_options = {'buildtype', 'prefix', 'libdir', 'werror', 'b_lto', 'b_ndebug', 'optimization'}
try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    check(isinstance(manifest, dict), 'the manifest parses as a JSON object')
except ValueError as e:
    check(False, 'the manifest parses as a JSON object', str(e))
    print('1..%d' % len(results))
    sys.exit(1)

check(manifest.get('id', manifest.get('app-id')) == app_id, 'the app id is ' + app_id,
      repr(manifest.get('id')))
check(manifest.get('command') == command, 'the command is ' + command, repr(manifest.get('command')))
check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
      'it uses the GNOME runtime and SDK')
version = str(manifest.get('runtime-version', ''))
check(re.fullmatch(r'[0-9]{2,}', version) is not None and int(version) >= 47,
      'the GNOME runtime version is a current stable one (47 or later)', repr(version))

finish_args = manifest.get('finish-args', [])
wanted = ['--socket=wayland', '--socket=fallback-x11', '--share=ipc', '--device=dri']
check(sorted(finish_args) == sorted(wanted),
      'the permissions are exactly wayland, fallback-x11, ipc and dri (files go through the portal)',
      repr(finish_args))
forbidden = [a for a in finish_args
             if a.startswith(('--filesystem', '--share=network', '--device=all', '--socket=session-bus',
                              '--socket=system-bus', '--talk-name', '--own-name'))]
check(not forbidden, 'no file system, network or bus access', repr(forbidden))

modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
app = modules[-1] if modules else {}
check(app.get('name') == 'kehoach' and app.get('buildsystem') == 'meson',
      'the last module builds kehoach with meson')
check(app.get('run-tests') is True, 'the app module runs its tests')
sources = app.get('sources', [])
check(any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources),
      'the app module builds this checkout (dir source "..")')
bad_opts = [o for o in app.get('config-opts', [])
            if not re.fullmatch(r'-D[a-z_]+=[a-z0-9_]+', o)
            or o[2:].split('=')[0] not in project_options | builtin_options]
check(not bad_opts, 'the config options are options of this project', repr(bad_opts))
# No test argument may widen what the installed app gets: they apply to the build sandbox only.
test_args = app.get('build-options', {}).get('test-args', [])
check(all(a in ('--socket=x11', '--socket=wayland', '--share=ipc') for a in test_args),
      'the tests get at most a display socket', repr(test_args))

fonts = [m for m in modules[:-1] if 'font' in m.get('name', '')]
font_ok = False
for m in fonts:
    commands = ' '.join(m.get('build-commands', []))
    for s in m.get('sources', []):
        if (s.get('type') in ('archive', 'file') and s.get('url', '').startswith('https://')
                and re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', '')) is not None
                and re.search(r'(LiberationSerif|Tinos)-Regular\.ttf', commands)
                and '/app/share/fonts' in commands):
            font_ok = True
check(font_ok, 'a module installs a Times substitute (Liberation Serif or Tinos) from a pinned https archive')

print('1..%d' % len(results))
sys.exit(0 if all(results) else 1)
