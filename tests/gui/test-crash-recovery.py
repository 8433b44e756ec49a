#!/usr/bin/python3
# test-crash-recovery.py: the real kehoach is killed with SIGKILL in the middle of editing, and
# the next start recovers the plan with the edit, unsaved, without touching the user's file.
#
# Driven through the accessibility tree (pyatspi, the library under dogtail), as a user would:
# start the app on a copy of a sample, type into "Place (before the date)", wait for the recovery
# draft, kill -9, start again, press "Recover" in the recovery dialog and read the field back.
#
# Run by meson with Debian's /usr/bin/python3 (python3-pyatspi comes with python3-dogtail),
# inside the Xvfb display and private D-Bus session of the test run. Output: TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

KEHOACH = sys.argv[1]
SAMPLE = os.path.join(os.environ['KEHOACH_SAMPLES_DIR'], 'reference-25-kh-thcs.kehoach.json')
APP_ID = 'io.github.kehoach.KeHoach'
EDIT = 'Hạ Long – sửa trước khi mất điện'

n_checks = 0
children = []


def ok(condition, what):
    global n_checks
    n_checks += 1
    print(('ok %d - %s' if condition else 'not ok %d - %s') % (n_checks, what), flush=True)
    if not condition:
        finish(1)


def finish(status):
    for child in children:
        if child.poll() is None:
            child.kill()
            child.wait()
    if status == 0:
        print('1..%d' % n_checks)
    else:
        print('1..%d' % n_checks)
        print('# failed, see above', flush=True)
    sys.exit(status)


if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    print('1..0 # SKIP needs a display and a D-Bus session')
    sys.exit(0)

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import GLib
except (ImportError, ValueError) as e:
    print('1..0 # SKIP no AT-SPI bindings: %s' % e)
    sys.exit(0)

# The accessibility bus of this private session (D-Bus would also start it on demand).
bus_launcher = None
if os.path.exists('/usr/libexec/at-spi-bus-launcher'):
    bus_launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children.append(bus_launcher)
    time.sleep(1)

import pyatspi  # noqa: E402  (after the bus exists)

# Asking for the desktop starts the registry before the app looks for it.
pyatspi.Registry.getDesktop(0)

home = tempfile.mkdtemp(prefix='kehoach-crash-')
env = dict(os.environ)
for name in ('HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
    env[name] = home
env['GTK_A11Y'] = 'atspi'
env.pop('NO_AT_BRIDGE', None)
env.setdefault('GSETTINGS_BACKEND', 'memory')
drafts_dir = os.path.join(home, APP_ID, 'drafts')

plan_path = os.path.join(home, 'Kế hoạch 25.kehoach.json')
shutil.copyfile(SAMPLE, plan_path)
with open(plan_path, 'rb') as f:
    original_bytes = f.read()


def pump(seconds):
    """Lets pyatspi take in the events of the bus (its cache of applications)."""
    context = GLib.MainContext.default()
    end = time.time() + seconds
    while time.time() < end:
        while context.iteration(False):
            pass
        time.sleep(0.05)


def find_app(pid, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        pump(0.5)
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
    return None


def find(node, predicate, depth=0):
    if node is None or depth > 60:
        return None
    try:
        if predicate(node):
            return node
        children_ = list(node)
    except Exception:
        return None
    for child in children_:
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


def wait_for(app, predicate, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        found = find(app, predicate)
        if found is not None:
            return found
        pump(0.5)
    return None


def is_place_field(node):
    return (node.getRoleName() == 'text' and node.name == 'Place (before the date)'
            and 'EditableText' in pyatspi.listInterfaces(node))


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def draft_files():
    return sorted(glob.glob(os.path.join(drafts_dir, '*.kehoach-draft.json')))


def draft_with_edit():
    for path in draft_files():
        with open(path, encoding='utf-8') as f:
            if EDIT in f.read():
                return path
    return None


# ---- First run: edit, wait for the draft, kill -9 --------------------------------------------
first = subprocess.Popen([KEHOACH, plan_path], env=env)
children.append(first)
app = find_app(first.pid)
ok(app is not None, 'the app shows up in the accessibility tree')

place = wait_for(app, is_place_field)
ok(place is not None, 'the "Place (before the date)" field is there')
ok(text_of(place) == 'Hạ Long', 'the field shows the sample\'s place')

editable = place.queryEditableText()
editable.setTextContents(EDIT)
pump(0.5)
ok(text_of(place) == EDIT, 'the edit went into the field')

frame = wait_for(app, lambda n: n.getRoleName() == 'frame' and n.name.startswith('• '), 10)
ok(frame is not None, 'the window title marks unsaved changes')

# The draft comes a few seconds after the last change (GSettings auto-save-delay, 3 s).
end = time.time() + 30
draft = None
while time.time() < end and draft is None:
    pump(0.5)
    draft = draft_with_edit()
ok(draft is not None, 'a recovery draft with the edit was written to the data folder')
print('# draft: %s' % draft)

first.send_signal(signal.SIGKILL)
first.wait()
ok(first.returncode == -signal.SIGKILL, 'the app was killed with SIGKILL')

with open(plan_path, 'rb') as f:
    ok(f.read() == original_bytes, 'the user\'s file is untouched')
ok(os.path.exists(draft), 'the draft survived the kill')

# ---- Second run: the recovery offer -----------------------------------------------------------
second = subprocess.Popen([KEHOACH], env=env)
children.append(second)
app = find_app(second.pid)
ok(app is not None, 'the app starts again')

heading = wait_for(app, lambda n: n.getRoleName() == 'label' and n.name == 'Recover Unsaved Plan?')
ok(heading is not None, 'the recovery dialog is offered')
pump(1)
artifacts = os.environ.get('KEHOACH_ARTIFACTS_DIR')
if artifacts and shutil.which('import'):
    os.makedirs(artifacts, exist_ok=True)
    shot = os.path.join(artifacts, 'crash-recovery-dialog.png')
    subprocess.run(['import', '-window', 'root', shot], check=False)
    print('# screenshot: %s' % shot)
row_title = wait_for(app, lambda n: n.getRoleName() == 'label'
                     and n.name == 'Tuyên truyền cải cách hành chính năm 2022', 5)
ok(row_title is not None, 'the dialog names the plan')
row_file = wait_for(app, lambda n: n.getRoleName() == 'label' and 'Kế hoạch 25.kehoach.json' in n.name, 5)
ok(row_file is not None, 'the dialog names the plan\'s file')

recover = wait_for(app, lambda n: n.getRoleName() == 'push button' and 'Recover' in n.name
                   and 'All' not in n.name, 5)
ok(recover is not None, 'the dialog has a Recover button for the plan')
action = recover.queryAction()
ok(action.nActions > 0, 'the Recover button can be pressed')
action.doAction(0)
pump(1)

place = wait_for(app, lambda n: is_place_field(n) and text_of(n) == EDIT, 30)
ok(place is not None, 'the recovered plan has the edit')
frame = wait_for(app, lambda n: n.getRoleName() == 'frame' and n.name.startswith('• '), 10)
ok(frame is not None, 'the recovered plan is unsaved (title marker)')
print('# window: %s' % (frame.name if frame else None))
subtitle = wait_for(app, lambda n: n.getRoleName() == 'label' and n.name == '~', 5)
ok(subtitle is not None, 'the recovered plan keeps its file (its folder is shown under the title)')

with open(plan_path, 'rb') as f:
    ok(f.read() == original_bytes, 'the user\'s file is still untouched after recovery')
ok(os.path.exists(draft), 'the draft stays until the recovered plan is saved or discarded')

second.terminate()
second.wait()
shutil.rmtree(home, ignore_errors=True)
finish(0)
