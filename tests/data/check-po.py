#!/usr/bin/python3
# Checks po/: the committed kehoach.pot and every translation hold exactly the messages that
# xgettext extracts from the files in POTFILES.in today, each translation is complete (nothing
# untranslated or fuzzy), keeps the c-format flags, is in Unicode NFC, and the words of the
# printed document (Decree 30) are never offered for translation.
# Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

# The same options as meson's i18n.gettext(preset: 'glib') (mesonbuild/modules/i18n.py).
XGETTEXT_ARGS = [
    '-k_',
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

# Fixed words of the printed plan: official Vietnamese in every interface language.
PRINTED_WORDS = [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:', 'Nơi nhận:',
    'Lưu: VT', 'PHỤ LỤC', 'Kèm theo', 'ngày %', 'tháng %', 'năm %', 'KẾ HOẠCH',
]


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    out, i, body = [], 0, s[1:-1]
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a', 'b': '\b',
               'f': '\f', 'v': '\v'}
    while i < len(body):
        c = body[i]
        if c == '\\':
            i += 1
            out.append(escapes.get(body[i], '\\' + body[i]))
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def parse_po(path):
    """Returns a list of entries: dict(ctxt, id, plural, strs, flags, obsolete)."""
    entries, cur, field = [], None, None

    def finish():
        if cur is not None and 'id' in cur:
            entries.append(cur)

    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for raw in lines + ['']:
        line = raw
        obsolete = False
        if line.startswith('#~'):
            obsolete = True
            line = line[2:].lstrip()
        if not line.strip():
            finish()
            cur, field = None, None
            continue
        if cur is None:
            cur = {'ctxt': None, 'plural': None, 'strs': {}, 'flags': set(), 'obsolete': False}
        if line.startswith('#,'):
            cur['flags'] |= {x.strip() for x in line[2:].split(',') if x.strip()}
            continue
        if line.startswith('#'):
            continue
        cur['obsolete'] = cur['obsolete'] or obsolete
        if line.startswith('"'):
            value = unquote(line)
            if field[0] == 'str':
                cur['strs'][field[1]] += value
            else:
                cur[field] += value
            continue
        key, _, rest = line.partition(' ')
        if key == 'msgctxt':
            field, cur['ctxt'] = 'ctxt', unquote(rest)
        elif key == 'msgid':
            field, cur['id'] = 'id', unquote(rest)
        elif key == 'msgid_plural':
            field, cur['plural'] = 'plural', unquote(rest)
        elif key == 'msgstr':
            field = ('str', 0)
            cur['strs'][0] = unquote(rest)
        elif key.startswith('msgstr['):
            n = int(key[7:-1])
            field = ('str', n)
            cur['strs'][n] = unquote(rest)
        else:
            raise ValueError('%s: cannot parse line %r' % (path, raw))
    return entries


def messages(entries):
    """Live messages (not the header, not obsolete) by (context, id, plural)."""
    return {(e['ctxt'], e['id'], e['plural']): e for e in entries
            if e['id'] != '' and not e['obsolete']}


def describe(key):
    ctxt, msgid, _ = key
    return (ctxt + '|' if ctxt else '') + msgid


class Tap:
    def __init__(self):
        self.n, self.failed = 0, 0

    def check(self, ok, name, problems=()):
        self.n += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        for p in list(problems)[:40]:
            print('# ' + p.replace('\n', '\\n'))
        sys.stdout.flush()


def main():
    top, podir = sys.argv[1], os.path.join(sys.argv[1], 'po')
    tap = Tap()
    with tempfile.TemporaryDirectory() as tmp:
        fresh_path = os.path.join(tmp, 'fresh.pot')
        subprocess.run(['xgettext', '--package-name=kehoach', '-f', os.path.join(podir, 'POTFILES.in'),
                        '-D', top, '-o', fresh_path] + XGETTEXT_ARGS, check=True)
        fresh = messages(parse_po(fresh_path))
    tap.check(len(fresh) > 0, 'xgettext extracts %d messages from POTFILES.in' % len(fresh))

    pot = messages(parse_po(os.path.join(podir, 'kehoach.pot')))
    tap.check(pot.keys() == fresh.keys(), 'po/kehoach.pot is up to date with the sources',
              ['missing: ' + describe(k) for k in sorted(fresh.keys() - pot.keys(), key=str)] +
              ['stale: ' + describe(k) for k in sorted(pot.keys() - fresh.keys(), key=str)])

    with open(os.path.join(podir, 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f for w in line.split('#')[0].split()]
    tap.check('vi' in langs, 'LINGUAS lists vi')

    for lang in langs:
        path = os.path.join(podir, lang + '.po')
        entries = parse_po(path)
        po = messages(entries)
        tap.check(po.keys() == fresh.keys(), '%s.po has exactly the messages of the sources' % lang,
                  ['missing: ' + describe(k) for k in sorted(fresh.keys() - po.keys(), key=str)] +
                  ['stale: ' + describe(k) for k in sorted(po.keys() - fresh.keys(), key=str)])

        fuzzy = [describe(k) for k, e in po.items() if 'fuzzy' in e['flags']]
        tap.check(not fuzzy, '%s.po has no fuzzy message' % lang, fuzzy)

        empty = [describe(k) for k, e in po.items()
                 if not e['strs'] or any(v == '' for v in e['strs'].values())]
        tap.check(not empty, '%s.po translates every message' % lang, empty)

        flags = [describe(k) for k, e in po.items() if k in fresh and
                 {x for x in e['flags'] if x.endswith('-format')} !=
                 {x for x in fresh[k]['flags'] if x.endswith('-format')}]
        tap.check(not flags, '%s.po keeps the format flags of the sources' % lang, flags)

        not_nfc = [describe(k) for k, e in po.items()
                   if any(unicodedata.normalize('NFC', v) != v for v in e['strs'].values())]
        tap.check(not not_nfc, '%s.po is in Unicode NFC' % lang, not_nfc)

        header = next((e for e in entries if e['id'] == '' and not e['obsolete']), None)
        header_text = header['strs'].get(0, '') if header else ''
        if lang == 'vi':
            tap.check('Plural-Forms: nplurals=1; plural=0;' in header_text and
                      'charset=UTF-8' in header_text,
                      'vi.po declares UTF-8 and Vietnamese plural forms')
            # An English word left as the "translation" of itself is an oversight, except
            # names and units.
            allowed = {'Kế hoạch', 'PDF', 'JSON', 'PNG', 'A4', 'mm', 'pt', '1 cm', 'N', '%s: ok\n'}
            same = [describe(k) for k, e in po.items()
                    if e['strs'].get(0) == e['id'] and e['id'] not in allowed
                    and e['id'].isascii()
                    and any(c.isalpha() for c in re.sub(r'%[0-9$#.lhzjt-]*[a-zA-Z]', '', e['id']))]
            tap.check(not same, 'vi.po leaves no English text untranslated', same)
            # The decree writes “hòa”, “thủy”, “tùy”: tone on the first vowel of a final oa/oe/uy.
            new_style = [describe(k) for k, e in po.items() for v in e['strs'].values()
                         if re.search(r'(o[àáảãạ]|o[èéẻẽẹ]|(?<![qQ])u[ỳýỷỹỵ])(?![^\W\d_])', v, re.I)]
            tap.check(not new_style, 'vi.po places tones as the decree does (hòa, not hoà)',
                      new_style)

    # Quoting them in an explanation (“Nơi nhận:”) is fine; offering them as a message is not.
    printed = [describe(k) for k in fresh for w in PRINTED_WORDS
               if w in re.sub(r'“[^”]*”', '', k[1])]
    tap.check(not printed, 'the words of the printed document are not translatable', printed)

    print('1..%d' % tap.n)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
