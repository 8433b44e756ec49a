#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-e2e.py KEHOACH: the whole app driven the way a person does, through the accessibility
tree (AT-SPI, dogtail), with real keyboard and mouse events (xdotool under Xvfb).

Starts the real binary on a blank plan (File → New), fills the general information, writes the
preamble, builds sections, items and points in the outline editor (Enter, Tab, Shift+Tab, Ctrl+B),
fills recipients and signer, adds an appendix with a small table, saves, exports a PDF, quits,
reopens the file, and checks the saved JSON and the PDF's text (pdftotext).

How each step is driven, and why (GTK 4.8's AT-SPI backend):
 - Buttons, switches, GActions of the window and the editors: the AT-SPI Action interface
   (doAction), which calls the same GAction as a click. GTK 4.8 exposes a widget's actions
   ("win.save", "outline.add", …) as AT-SPI actions of the widget.
 - Text: EditableText (insertText / setTextContents), which GTK 4.8 implements for GtkText and
   GtkTextView and routes through the buffer as user input. xdotool cannot type letters that are
   not on the keymap (ư, ơ, đ…) reliably (it remaps a spare key, which GTK picks up late), so
   Vietnamese text goes through EditableText and only plain keys are typed with xdotool.
 - Focus: GTK 4.8 does not implement Component.grabFocus, so a field is focused by a real
   click (xdotool) at the centre of its AT-SPI extents, which GTK 4.8 reports relative to the
   window (the window sits at 0,0 on Xvfb without a window manager).
 - Keys the editors handle (Enter, Tab, Shift+Tab, Ctrl+B, Ctrl+Q): real key events with
   xdotool, sent to the focused window.

Output is TAP. Screenshots of failures go to $KEHOACH_ARTIFACTS_DIR.
"""
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

TAP_PLAN = []  # (description, function) of each step, in order
failures = 0
test_number = 0


def tap(ok, description):
    global failures, test_number
    test_number += 1
    print(('ok' if ok else 'not ok') + ' %d - %s' % (test_number, description), flush=True)
    if not ok:
        failures += 1


def diag(message):
    for line in str(message).splitlines():
        print('# ' + line, flush=True)


def bail(message):
    print('Bail out! ' + message, flush=True)
    sys.exit(1)


if len(sys.argv) != 2:
    bail('usage: test-e2e.py PATH/TO/kehoach')
KEHOACH = os.path.abspath(sys.argv[1])

if not os.environ.get('DISPLAY'):
    print('1..0 # SKIP no X display (run under xvfb-run)')
    sys.exit(0)
for tool in ('xdotool', 'pdftotext'):
    if shutil.which(tool) is None:
        print('1..0 # SKIP %s is not installed' % tool)
        sys.exit(0)

# The accessibility bus: toolkit-accessibility on (dogtail refuses to start without it), and the
# bus launcher of this D-Bus session (build-aux/test runs the suite under dbus-run-session).
# This process keeps its settings in a key file of its own; the app keeps the environment of the
# suite (memory backend, the build's schemas).
work = tempfile.mkdtemp(prefix='kehoach-e2e-')
suite_env = dict(os.environ)
os.environ['GSETTINGS_BACKEND'] = 'keyfile'
os.environ['XDG_CONFIG_HOME'] = os.path.join(work, 'config')
os.environ.pop('GSETTINGS_SCHEMA_DIR', None)
a11y_env = dict(os.environ)
subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility',
                'true'], env=a11y_env, stderr=subprocess.DEVNULL)
launcher = None
for path in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher'):
    if os.path.exists(path):
        launcher = subprocess.Popen([path, '--launch-immediately'], env=a11y_env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        break
if launcher is None:
    print('1..0 # SKIP at-spi2-core is not installed')
    sys.exit(0)
time.sleep(1)

os.environ.pop('NO_AT_BRIDGE', None)
import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402,F401
import pyatspi  # noqa: E402,F401
# dogtail talks on stdout when imported; stdout is the TAP stream.
with contextlib.redirect_stdout(sys.stderr):
    from dogtail import config as dogtail_config  # noqa: E402
    from dogtail import tree  # noqa: E402

dogtail_config.config.searchCutoffCount = 20
dogtail_config.config.searchBackoffDuration = 0.25
dogtail_config.config.actionDelay = 0.2
dogtail_config.config.logDebugToFile = False
dogtail_config.config.logDebugToStdOut = False

artifacts = os.environ.get('KEHOACH_ARTIFACTS_DIR', work)
os.makedirs(artifacts, exist_ok=True)
plan_path = os.path.join(work, 'ke-hoach-thu.kehoach.json')
pdf_path = os.path.join(work, 'ke-hoach-thu.pdf')
pdf2_path = os.path.join(work, 'ke-hoach-mo-lai.pdf')

# ---- The application -------------------------------------------------------------------------

app_process = None


def app_env():
    env = dict(suite_env)
    env['GTK_A11Y'] = 'atspi'
    env['GTK_USE_PORTAL'] = '0'
    # A home of its own: no drafts, recent files or settings of the user's, and none left behind.
    home = os.path.join(work, 'home')
    env['HOME'] = home
    for name, sub in (('XDG_DATA_HOME', '.local/share'), ('XDG_CONFIG_HOME', '.config'),
                      ('XDG_CACHE_HOME', '.cache'), ('XDG_STATE_HOME', '.local/state')):
        env[name] = os.path.join(home, sub)
        os.makedirs(env[name], exist_ok=True)
    env.pop('NO_AT_BRIDGE', None)
    return env


def start_app(*args):
    global app_process
    app_process = subprocess.Popen([KEHOACH] + list(args), env=app_env())
    for _ in range(120):
        try:
            for app in tree.root.applications():
                if app.name == 'kehoach' and app.children:
                    # GTK 4.8 does not announce every new child (rows added to a box): ask
                    # the app each time instead of trusting the cache.
                    app.set_cache_mask(Atspi.Cache.NONE)
                    return app
        except Exception:
            pass
        time.sleep(0.25)
    bail('the app did not appear on the accessibility bus')


def wait_for(predicate, timeout=15, what='condition'):
    end = time.time() + timeout
    last_error = None
    while time.time() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us while GTK rebuilds rows
            last_error = error
        time.sleep(0.2)
    raise AssertionError('timed out waiting for %s (%s)' % (what, last_error))


def x_window():
    out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app_process.pid)],
                         capture_output=True, text=True).stdout.split()
    return out[-1] if out else None


def screenshot(name):
    subprocess.run(['import', '-window', 'root', os.path.join(artifacts, name + '.png')],
                   stderr=subprocess.DEVNULL)


def find(root, role, name=None, predicate=None, timeout=15):
    def search():
        for node in root.findChildren(lambda n: n.roleName == role
                                      and (name is None or n.name == name)
                                      and (predicate is None or predicate(n))):
            return node
        return None
    return wait_for(search, timeout, '%s %r' % (role, name))


def find_all(root, role, name=None):
    return root.findChildren(lambda n: n.roleName == role and (name is None or n.name == name))


def window_frame(app, title_part=None):
    return wait_for(lambda: next((f for f in app.children if f.roleName in ('frame', 'dialog')
                                  and (title_part is None or title_part in f.name)), None),
                    15, 'window %r' % title_part)


def do_action(node, name):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == name:
            action.doAction(i)
            time.sleep(0.3)
            return
    raise AssertionError('%s %r has no action %s (%s)' % (node.roleName, node.name, name,
                         [action.getName(i) for i in range(action.nActions)]))


def press(node):
    do_action(node, 'click')


def text_of(node):
    text = node.queryText()
    return text.getText(0, -1)


def set_text(node, value):
    node.queryEditableText().setTextContents(value)
    time.sleep(0.2)


def insert_text(node, value):
    """Inserts at the caret, as typing would."""
    text = node.queryText()
    offset = text.caretOffset
    if offset < 0:
        offset = text.characterCount
    # GTK 4.8 reads the length in bytes, not characters.
    node.queryEditableText().insertText(offset, value, len(value.encode('utf-8')))
    time.sleep(0.2)


def click(node):
    x, y, w, h = node.extents
    window = x_window()
    subprocess.run(['xdotool', 'mousemove', '--window', window, str(x + w // 2), str(y + h // 2),
                    'click', '1'])
    time.sleep(0.4)


def focus(node):
    click(node)
    wait_for(lambda: node.focused, 5, 'focus on %s %r' % (node.roleName, node.name))


def key(*keys):
    subprocess.run(['xdotool', 'key', '--delay', '80'] + list(keys))
    time.sleep(0.4)


def type_ascii(value):
    subprocess.run(['xdotool', 'type', '--delay', '40', value])
    time.sleep(0.3)


def set_text_in_row(row, value):
    """An AdwEntryRow: its text field is the row itself or a text inside it."""
    inner = [n for n in find_all(row, 'text') if n is not row]
    set_text(inner[0] if inner else row, value)


def sidebar_row(frame, name):
    sidebar = find(frame, 'list', 'Parts of the plan')
    return find(sidebar, 'list item', name)


def show_part(frame, name):
    click(sidebar_row(frame, name))
    time.sleep(0.5)


def editor(frame, type_name, index=0):
    """The editor widget of a part (GTK 4.8 names fillers after their type)."""
    def search():
        found = frame.findChildren(lambda n: n.roleName == 'filler' and n.name == type_name)
        return found[index] if len(found) > index else None
    return wait_for(search, 15, type_name)


def outline_rows(outline):
    """(number label, heading text node) of each item row of an outline editor, in order."""
    listing = find(outline, 'list', 'Outline')
    rows = []
    for item in listing.children:
        if item.roleName != 'list item':
            continue
        labels = item.findChildren(lambda n: n.roleName == 'label')
        texts = item.findChildren(lambda n: n.roleName == 'text')
        rows.append((labels[0].name if labels else '', texts))
    return rows


# ---- Steps ----------------------------------------------------------------------------------


def step(description):
    def wrap(function):
        TAP_PLAN.append((description, function))
        return function
    return wrap


state = {}


@step('File → New gives a blank plan in a new window')
def new_plan():
    app = state['app']
    first = window_frame(app)
    press(find(first, 'push button', 'New Plan'))
    wait_for(lambda: len([f for f in app.children if f.roleName == 'frame']) == 2, 15,
             'a second window')
    # Keep the new window; close the first (unchanged: no question).
    do_action(first, 'window.close')
    frame = wait_for(lambda: [f for f in app.children if f.roleName == 'frame'][0]
                     if len([f for f in app.children if f.roleName == 'frame']) == 1 else None,
                     15, 'one window left')
    assert 'New Plan' in frame.name, frame.name
    subprocess.run(['xdotool', 'windowfocus', '--sync', x_window()])
    state['frame'] = frame


@step('General information: agency, number, place, title')
def general():
    frame = state['frame']
    show_part(frame, 'General Information')
    general = editor(frame, 'PlanGeneralEditor')
    set_text(find(general, 'text', 'Parent agency'), 'Phòng GD&ĐT thành phố Hạ Long')
    set_text(find(general, 'text', 'Agency'), 'Trường THCS Lý Tự Trọng')
    set_text_in_row(find(general, 'text', 'Agency abbreviation (after the dash in the number)'),
                    'THCSLTT')
    set_text_in_row(find(general, 'text', 'Place (before the date)'), 'Hạ Long')
    spin = find(general, 'spin button')
    spin.queryValue().currentValue = 25
    time.sleep(0.3)
    title_list = find(general, 'list', 'Title')
    title = find(title_list, 'text')
    set_text(title, 'Tổ chức Hội khỏe Phù Đổng cấp trường năm học 2026 – 2027')
    printed_as = wait_for(lambda: next((l for l in find_all(general, 'label')
                                        if l.name.startswith('Số:')), None), 10, 'Printed as')
    wait_for(lambda: '25/KH-THCSLTT' in printed_as.name.replace(' ', ''), 10,
             'the composed number, now %r' % printed_as.name)
    wait_for(lambda: 'Hội khỏe Phù Đổng' in frame.name and '•' in frame.name, 10,
             'the title with the unsaved marker, now %r' % frame.name)


@step('Preamble: two paragraphs')
def preamble():
    frame = state['frame']
    show_part(frame, 'Preamble')
    preamble = editor(frame, 'PlanPreambleEditor')
    press(find(preamble, 'push button', 'Add Paragraph'))
    first = wait_for(lambda: find_all(preamble, 'text')[0], 10, 'a paragraph field')
    set_text(first, 'Căn cứ Kế hoạch số 120/KH-PGDĐT ngày 10/9/2026 của Phòng GD&ĐT;')
    # Enter at the end of a paragraph starts the next one, as in a word processor.
    focus(first)
    key('ctrl+End')
    key('Return')
    second = wait_for(lambda: len(find_all(preamble, 'text')) >= 2 and find_all(preamble, 'text')[1],
                      10, 'a second paragraph')
    wait_for(lambda: second.focused, 5, 'focus in the new paragraph')
    insert_text(second, 'Căn cứ tình hình thực tế của nhà trường,')
    diag('preamble: %r / %r' % (text_of(first), text_of(second)))



def numbered_rows(outline):
    return [(label, text_of(texts[0]) if texts else '') for label, texts in outline_rows(outline)]


def row_heading(outline, label, text_start):
    for number, texts in outline_rows(outline):
        if number == label and texts and text_of(texts[0]).startswith(text_start):
            return texts[0]
    raise AssertionError('no row %s %s… in %s' % (label, text_start, numbered_rows(outline)))


def focused_text(outline):
    return wait_for(lambda: next((t for _, texts in outline_rows(outline) for t in texts
                                  if t.focused), None), 5, 'a focused field in the outline')


@step('Body: items, points and a section with Enter, Tab, Shift+Tab and Ctrl+B')
def body():
    frame = state['frame']
    show_part(frame, 'Body')
    outline = editor(frame, 'PlanOutlineEditor')
    # After "2. Yêu cầu": Enter starts item 3; Enter, Tab makes item 3.1 (a child of the item
    # above), which Enter continues with 3.2; Enter, Shift+Tab goes back to item 4.
    focus(row_heading(outline, '2.', 'Yêu cầu'))
    key('ctrl+End')
    key('Return')
    field = focused_text(outline)
    insert_text(field, 'Đảm bảo an toàn cho học sinh')
    # A khoản without a heading: printed as plain text, not bold.
    try:
        heading = wait_for(lambda: next(
            (n for n in outline.findChildren(lambda n: n.roleName in ('toggle button', 'push button')
                                             and 'Heading' in n.name.split())), None),
            10, 'the "Heading" toggle')
    except AssertionError:
        diag('buttons: %s' % [(n.roleName, n.name) for n in outline.findChildren(
            lambda n: 'button' in n.roleName)])
        raise
    press(heading)
    focused_text(outline)
    key('Return')
    key('Tab')
    field = focused_text(outline)
    insert_text(field, 'Giáo viên chủ nhiệm theo dõi lớp')
    key('Return')
    field = focused_text(outline)
    insert_text(field, 'Nhân viên y tế trực suốt buổi')
    key('Return')
    key('shift+Tab')
    field = focused_text(outline)
    # Bold, as in a word processor: Ctrl+B, type, Ctrl+B.
    key('ctrl+b')
    type_ascii('Lich thi dau')
    key('ctrl+b')
    insert_text(field, ' theo Phụ lục kèm theo.')
    # A section's items: Enter after "II. NỘI DUNG" makes a section, Tab turns it into item 1.
    focus(row_heading(outline, 'II.', 'NỘI DUNG'))
    key('ctrl+End')
    key('Return')
    key('Tab')
    field = focused_text(outline)
    insert_text(field, 'Thời gian: tháng 11 năm 2026')
    key('Return')
    field = focused_text(outline)
    insert_text(field, 'Địa điểm: sân trường')
    time.sleep(0.5)
    rows = numbered_rows(outline)
    diag('outline: %s' % rows)
    expected = [('I.', 'MỤC ĐÍCH, YÊU CẦU'), ('1.', 'Mục đích'), ('2.', 'Yêu cầu'),
                ('3.', 'Đảm bảo an toàn cho học sinh'),
                ('3.1.', 'Giáo viên chủ nhiệm theo dõi lớp'),
                ('3.2.', 'Nhân viên y tế trực suốt buổi'),
                ('4.', 'Lich thi dau theo Phụ lục kèm theo.'),
                ('II.', 'NỘI DUNG'), ('1.', 'Thời gian: tháng 11 năm 2026'),
                ('2.', 'Địa điểm: sân trường'), ('III.', 'KINH PHÍ'),
                ('IV.', 'TỔ CHỨC THỰC HIỆN')]
    assert [(n, t) for n, t in rows] == expected, rows


@step('Recipients and signer')
def closing():
    frame = state['frame']
    show_part(frame, 'Recipients and Signer')
    closing = editor(frame, 'PlanClosingEditor')
    press(find(closing, 'push button', 'Add Recipient'))
    recipients = find(closing, 'list', 'Recipients')
    set_text(find(recipients, 'text', 'Recipient'), 'Phòng GD&ĐT thành phố')
    set_text(find(recipients, 'text', 'Purpose'), 'để báo cáo')
    press(find(closing, 'push button', 'Add Recipient'))
    wait_for(lambda: len(find_all(recipients, 'text', 'Recipient')) == 2, 10, 'a second recipient')
    set_text(find_all(recipients, 'text', 'Recipient')[1], 'Các tổ chuyên môn')
    set_text_in_row(find(closing, 'text', 'Kept on file (after “Lưu:”), e.g. VT, TCCB'), 'VT')
    signer = find(closing, 'list', 'Signer')
    set_text(find(signer, 'text', 'Signing authority (optional), e.g. “KT. GIÁM ĐỐC”'),
             'KT. HIỆU TRƯỞNG')
    set_text_in_row(find(signer, 'text', 'Position, e.g. HIỆU TRƯỞNG'), 'PHÓ HIỆU TRƯỞNG')
    set_text_in_row(find(signer, 'text', 'Full name'), 'Nguyễn Văn An')


@step('Appendix with a table: header, three rows and one added with Tab')
def appendix():
    frame = state['frame']
    click(sidebar_row(frame, 'Add Appendix'))
    appendix = editor(frame, 'PlanAppendixEditor')
    set_text(find(appendix, 'text', 'Title (printed in bold)'), 'LỊCH THI ĐẤU')
    outline = find(appendix, 'filler', 'PlanOutlineEditor')
    press(find(outline, 'push button', 'Table'))
    table = editor(appendix, 'PlanTableEditor')
    set_text_in_row(find(table, 'text', 'Table title'), 'Biểu 01: Các môn thi đấu')
    # A new table has a header row (TT, Content, Notes) and three numbered rows: the TT
    # column numbers itself, so each row has two cells to fill.
    cells = wait_for(lambda: len(find_all(table, 'push button', 'Cell')) >= 9 and
                     find_all(table, 'push button', 'Cell'), 10, 'the cells of a new table')
    press(cells[1])                                  # header "Content"
    cell_text = find(frame, 'text', 'Cell text')
    set_text(cell_text, 'Môn thi đấu')
    key('Tab')                                       # header "Notes"
    set_text(cell_text, 'Địa điểm')
    entries = ['Bóng đá nam', 'Sân trường', 'Cầu lông', 'Nhà đa năng', 'Kéo co', 'Sân trường',
               'Chạy tiếp sức', 'Đường chạy']
    for text in entries:
        # Tab goes on to the next cell, skipping the automatic TT column, and after the
        # last cell of the table adds a row, as in Word.
        key('Tab')
        wait_for(lambda: text_of(cell_text) == '', 5, 'an empty cell')
        set_text(cell_text, text)
    key('shift+Tab')
    wait_for(lambda: text_of(cell_text) == 'Chạy tiếp sức', 5, 'Shift+Tab back to the previous cell')
    key('Escape')
    screenshot('e2e-appendix')


def file_chooser(app, path, accept):
    """Fills the file chooser that just opened (GtkFileChooserDialog: no portal) and accepts.
    The name field takes a whole path, as a person may type it."""
    def is_accept(node):
        # GTK 4.8 names a labelled button "_Save Save" (the mnemonic label, then the text).
        return node.roleName == 'push button' and accept in node.name.replace('_', '').split()

    try:
        dialog = wait_for(lambda: next((f for f in app.children if f != state['frame']
                                        and f.findChildren(is_accept)), None),
                          20, 'the file chooser')
    except AssertionError:
        for f in app.children:
            diag('window %s %r: buttons %s' % (f.roleName, f.name, [
                b.name for b in f.findChildren(lambda n: n.roleName == 'push button')][:30]))
        raise
    name = find(dialog, 'text', predicate=lambda n: 'EditableText' in n.get_interfaces())
    set_text(name, path)
    press(dialog.findChildren(is_accept)[0])
    wait_for(lambda: dialog not in app.children, 20, 'the file chooser to close')


@step('Save (Ctrl+S asks where the first time)')
def save():
    app, frame = state['app'], state['frame']
    key('ctrl+s')
    file_chooser(app, plan_path, 'Save')
    wait_for(lambda: os.path.exists(plan_path), 10, 'the saved file')
    wait_for(lambda: '•' not in frame.name, 10, 'no unsaved marker, now %r' % frame.name)


@step('Export PDF… (Ctrl+Shift+E)')
def export_pdf():
    app = state['app']
    do_action(state['frame'], 'win.export-pdf')
    file_chooser(app, pdf_path, 'Export')
    wait_for(lambda: os.path.exists(pdf_path) and os.path.getsize(pdf_path) > 1000, 20,
             'the PDF')


@step('Quit (Ctrl+Q) without a question, the plan being saved')
def quit_app():
    key('ctrl+q')
    app_process.wait(15)
    assert app_process.returncode == 0, app_process.returncode


@step('Reopen the saved plan: the editors show what was typed')
def reopen():
    app = start_app(plan_path)
    state['app'] = app
    frame = window_frame(app, 'Hội khỏe Phù Đổng')
    state['frame'] = frame
    assert '•' not in frame.name, frame.name
    subprocess.run(['xdotool', 'windowfocus', '--sync', x_window()])
    show_part(frame, 'General Information')
    general = editor(frame, 'PlanGeneralEditor')
    assert text_of(find(general, 'text', 'Agency')) == 'Trường THCS Lý Tự Trọng'
    show_part(frame, 'Body')
    rows = numbered_rows(editor(frame, 'PlanOutlineEditor'))
    assert ('3.2.', 'Nhân viên y tế trực suốt buổi') in rows, rows
    assert ('2.', 'Địa điểm: sân trường') in rows, rows


@step('Export the reopened plan (Ctrl+Shift+E), quit')
def export_again():
    key('ctrl+shift+e')
    file_chooser(state['app'], pdf2_path, 'Export')
    wait_for(lambda: os.path.exists(pdf2_path) and os.path.getsize(pdf2_path) > 1000, 20,
             'the second PDF')
    key('ctrl+q')
    app_process.wait(15)
    assert app_process.returncode == 0, app_process.returncode


def plain(paragraph):
    if isinstance(paragraph, str):
        return paragraph
    return ''.join(run['text'] for run in paragraph)


def item_text(item):
    if item.get('heading'):
        return plain(item['heading'])
    return plain(item['paragraphs'][0]) if item.get('paragraphs') else ''


@step('The saved file holds what was typed, with its structure and formatting')
def saved_json():
    with open(plan_path, encoding='utf-8') as f:
        plan = json.load(f)
    header = plan['header']
    assert header['parent-agency'] == 'Phòng GD&ĐT thành phố Hạ Long', header
    assert header['agency'] == 'Trường THCS Lý Tự Trọng', header
    assert header['agency-abbrev'] == 'THCSLTT', header
    assert header['number'] == 25, header
    assert header['place'] == 'Hạ Long', header
    assert header['title'] == 'Tổ chức Hội khỏe Phù Đổng cấp trường năm học 2026 – 2027', header
    preamble = [plain(p) for p in plan['preamble']]
    assert preamble == ['Căn cứ Kế hoạch số 120/KH-PGDĐT ngày 10/9/2026 của Phòng GD&ĐT;',
                        'Căn cứ tình hình thực tế của nhà trường,'], preamble

    sections = plan['body']['items']
    assert [s['kind'] for s in sections] == ['section'] * 4, sections
    first = sections[0]['children']
    assert [c['kind'] for c in first] == ['numbered'] * 4, first
    assert item_text(first[2]) == 'Đảm bảo an toàn cho học sinh', first[2]
    assert not first[2].get('heading') and plain(first[2]['paragraphs'][0]) == \
        'Đảm bảo an toàn cho học sinh', first[2]
    points = first[2]['children']
    assert [item_text(c) for c in points] == ['Giáo viên chủ nhiệm theo dõi lớp',
                                              'Nhân viên y tế trực suốt buổi'], points
    # Ctrl+B made a bold run, and only the words typed while it was on.
    runs = first[3].get('heading') or first[3]['paragraphs'][0]
    assert isinstance(runs, list), first[3]
    bold = [r['text'] for r in runs if r.get('bold')]
    assert bold == ['Lich thi dau'], runs
    assert plain(runs) == 'Lich thi dau theo Phụ lục kèm theo.', runs
    second = sections[1]['children']
    assert [item_text(c) for c in second] == ['Thời gian: tháng 11 năm 2026',
                                              'Địa điểm: sân trường'], second

    closing = plan['closing']
    assert [(r['name'], r.get('purpose', '')) for r in closing['recipients']] == [
        ('Phòng GD&ĐT thành phố', 'để báo cáo'), ('Các tổ chuyên môn', '')], closing
    assert closing['archive'] == 'VT', closing
    assert closing['signer']['authority'] == 'KT. HIỆU TRƯỞNG', closing
    assert closing['signer']['title'] == 'PHÓ HIỆU TRƯỞNG', closing
    assert closing['signer']['name'] == 'Nguyễn Văn An', closing

    appendix = plan['appendices'][0]
    assert appendix['title'] == 'LỊCH THI ĐẤU', appendix
    table = appendix['content'][0]['table']
    assert table['title'] == 'Biểu 01: Các môn thi đấu', table
    assert table['header-rows'] == [['TT', 'Môn thi đấu', 'Địa điểm']], table
    assert [row[1:] for row in table['rows']] == [
        ['Bóng đá nam', 'Sân trường'], ['Cầu lông', 'Nhà đa năng'], ['Kéo co', 'Sân trường'],
        ['Chạy tiếp sức', 'Đường chạy']], table['rows']


def pdf_text(path):
    return subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True,
                          check=True).stdout


@step('The PDF shows the plan with its numbering (pdftotext), the same after reopening')
def pdf():
    text = pdf_text(pdf_path)
    with open(os.path.join(artifacts, 'e2e-plan.txt'), 'w', encoding='utf-8') as out:
        out.write(text)
    lines = [' '.join(line.split()) for line in text.splitlines()]
    joined = '\n'.join(lines)
    for expected in ['PHÒNG GD&ĐT', 'TRƯỜNG THCS LÝ TỰ TRỌNG', 'Số: 25/KH-THCSLTT',
                     'Hạ Long, ngày', 'KẾ HOẠCH',
                     'Tổ chức Hội khỏe Phù Đổng cấp trường năm học 2026 – 2027',
                     'Căn cứ Kế hoạch số 120/KH-PGDĐT',
                     'I. MỤC ĐÍCH, YÊU CẦU', '3. Đảm bảo an toàn cho học sinh',
                     '3.1. Giáo viên chủ nhiệm theo dõi lớp',
                     '3.2. Nhân viên y tế trực suốt buổi',
                     '4. Lich thi dau theo Phụ lục kèm theo.', 'II. NỘI DUNG',
                     '1. Thời gian: tháng 11 năm 2026', '2. Địa điểm: sân trường',
                     'III. KINH PHÍ', 'IV. TỔ CHỨC THỰC HIỆN',
                     'KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'Nguyễn Văn An',
                     'Phòng GD&ĐT thành phố (để báo cáo);', 'Lưu: VT',
                     'LỊCH THI ĐẤU', 'Biểu 01: Các môn thi đấu', 'Môn thi đấu',
                     'Chạy tiếp sức']:
        assert expected in joined, 'the PDF has no %r:\n%s' % (expected, text)
    # The TT column numbers the four rows.
    for number, content in [('1', 'Bóng đá nam'), ('2', 'Cầu lông'), ('3', 'Kéo co'),
                            ('4', 'Chạy tiếp sức')]:
        assert any(line.startswith(number + ' ' + content) for line in lines), (number, content)
    assert pdf_text(pdf2_path) == text, 'the reopened plan exports differently'


def dump(node, depth=0, out=sys.stdout):
    try:
        extents = node.extents
    except Exception:
        extents = None
    print('  ' * depth + '%s %r %s' % (node.roleName, node.name, extents), file=out)
    for child in node.children:
        dump(child, depth + 1, out)

# ---- Main -----------------------------------------------------------------------------------


def main():
    print('1..%d' % len(TAP_PLAN), flush=True)
    try:
        state['app'] = start_app()
        for number, (description, function) in enumerate(TAP_PLAN, 1):
            try:
                function()
                tap(True, description)
            except Exception:
                diag(traceback.format_exc())
                screenshot('e2e-failed-%02d' % number)
                tap(False, description)
                # Later steps build on this one.
                for later in TAP_PLAN[number:]:
                    print('not ok %d - %s # SKIP an earlier step failed' % (
                        test_number + 1, later[0]), flush=True)
                    globals()['test_number'] += 1
                break
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.kill()
        launcher.terminate()
        if failures == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            diag('files kept in ' + work)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
