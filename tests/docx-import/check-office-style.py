#!/usr/bin/python3
# check-office-style.py: the import reads a plan typed the way offices type them in Word, not
# only our own export. For every sample, our .docx export is rewritten with python3-docx as a
# clerk's file is: every paragraph in "Normal", the look of our styles (bold, italic, capitals
# typed as capitals, alignment, indents, sizes) set on the paragraphs and runs themselves, no
# character styles. `kehoach --import-docx` of it must give the plan's header (number, date,
# place, agency), its preamble, its sections and every word of its body in order, its
# recipients and signer, its appendices and every cell of their tables. What only our styles
# can tell (a point's heading printed plain, a bullet's second paragraph) may be read another
# way and is not compared. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import tempfile

import docx
from docx.oxml.ns import qn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "util"))
from tap import Results  # noqa: E402 (tests/util/tap.py)

KEHOACH = sys.argv[1]
SAMPLES = os.environ["KEHOACH_SAMPLES_DIR"]
RUN_FONT = ("bold", "italic", "underline")
PARAGRAPH_FORMAT = ("alignment", "first_line_indent", "left_indent", "right_indent",
                    "space_before", "space_after", "line_spacing", "keep_with_next")

RESULTS = Results()
check = RESULTS.check


def inherited(style, get):
    """The first value set along the style's basedOn chain, or None"""
    while style is not None:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def all_paragraphs(document):
    def of(container):
        yield from container.paragraphs
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from of(cell)
    yield from of(document)
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            if not header.is_linked_to_previous:
                yield from header.paragraphs


def as_an_office_types_it(source, target):
    document = docx.Document(source)
    normal = document.styles["Normal"]
    seen = set()
    for paragraph in all_paragraphs(document):
        if id(paragraph._p) in seen:
            continue  # a merged cell is listed once per grid column
        seen.add(id(paragraph._p))
        style = paragraph.style
        form = paragraph.paragraph_format
        for name in PARAGRAPH_FORMAT:
            if getattr(form, name) is None:
                value = inherited(style, lambda s: getattr(s.paragraph_format, name))
                if value is not None:
                    setattr(form, name, value)
        for run in paragraph.runs:
            properties = run._r.rPr
            if properties is not None and properties.find(qn("w:rStyle")) is not None:
                properties.remove(properties.find(qn("w:rStyle")))
            for name in RUN_FONT:
                if getattr(run.font, name) is None and inherited(style, lambda s: getattr(s.font, name)):
                    setattr(run.font, name, True)
            if run.font.all_caps or (run.font.all_caps is None and
                                     inherited(style, lambda s: s.font.all_caps)):
                run.text = run.text.upper()
                run.font.all_caps = None
            if run.font.size is None:
                size = inherited(style, lambda s: s.font.size)
                if size is not None:
                    run.font.size = size
        paragraph.style = normal
    document.save(target)


def words(text):
    """The words of a text, compared without case, spacing or its closing dots: the end marker
    "./." typed in an office's file stays in its text, where our export's is the plan's own"""
    text = re.sub(r"\.*/\.$|\.+$", "", text.strip())
    return re.sub(r"\s+", " ", text).strip().casefold().split()


def text_of(node):
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(text_of(run) for run in node)
    if isinstance(node, dict):
        return text_of(node.get("text", ""))
    return ""


def body_words(items):
    found = []
    for item in items:
        found += words(text_of(item.get("heading", "")))
        for paragraph in item.get("paragraphs", []):
            found += words(text_of(paragraph))
        if "table" in item:
            found += table_words(item["table"])
        found += body_words(item.get("children", []))
    return found


def table_words(table):
    found = words(table.get("title", "")) + words(table.get("note", ""))
    for row in table.get("header-rows", []) + table.get("rows", []):
        for cell in row:
            found += words(text_of(cell))
    return found + words(table.get("footnote", ""))


def appendix_words(appendix):
    found = words(appendix.get("title", ""))
    for part in appendix.get("content", []):
        if part.get("kind") == "table":
            found += table_words(part["table"])
        else:
            for paragraph in part.get("paragraphs", []):
                found += words(text_of(paragraph))
            found += body_words(part.get("children", []))
    return found


def compare(name, want, got):
    folded = lambda text: (text or "").casefold()
    header_w, header_g = want["header"], got["header"]
    check(f"{name}: number, type, date and place",
          all(header_w.get(k) == header_g.get(k) for k in ("number", "doc-type", "date", "place")),
          f"{[header_w.get(k) for k in ('number', 'doc-type', 'date', 'place')]} became "
          f"{[header_g.get(k) for k in ('number', 'doc-type', 'date', 'place')]}")
    check(f"{name}: agency and parent agency",
          all(folded(header_w.get(k)) == folded(header_g.get(k)) for k in ("agency", "parent-agency")),
          f"{header_g.get('parent-agency')!r} / {header_g.get('agency')!r}")
    check(f"{name}: title", words(header_w.get("title", "")) == words(header_g.get("title", "")),
          header_g.get("title", ""))
    check(f"{name}: preamble",
          [words(text_of(p)) for p in want.get("preamble", [])] ==
          [words(text_of(p)) for p in got.get("preamble", [])],
          f"{len(got.get('preamble', []))} paragraphs")
    sections_w = [words(text_of(i.get("heading", ""))) for i in want["body"]["items"]]
    sections_g = [words(text_of(i.get("heading", ""))) for i in got["body"]["items"]]
    check(f"{name}: sections", sections_w == sections_g, f"{sections_g}")
    body_w, body_g = body_words(want["body"]["items"]), body_words(got["body"]["items"])
    first_difference = next((i for i, (a, b) in enumerate(zip(body_w, body_g)) if a != b),
                            min(len(body_w), len(body_g)))
    check(f"{name}: every word of the body, in order", body_w == body_g,
          f"{len(body_w)} words became {len(body_g)}; from word {first_difference}: "
          f"{' '.join(body_w[first_difference:first_difference + 8])!r} became "
          f"{' '.join(body_g[first_difference:first_difference + 8])!r}")
    closing_w, closing_g = want["closing"], got["closing"]
    check(f"{name}: recipients",
          [words(r["name"]) for r in closing_w.get("recipients", [])] ==
          [words(r["name"]) for r in closing_g.get("recipients", [])],
          f"{[r['name'] for r in closing_g.get('recipients', [])]}")
    check(f"{name}: signer",
          all(words(closing_w["signer"].get(k, "")) == words(closing_g["signer"].get(k, ""))
              for k in ("authority", "title", "name")), f"{closing_g['signer']}")
    appendices_w, appendices_g = want.get("appendices", []), got.get("appendices", [])
    check(f"{name}: appendices", len(appendices_w) == len(appendices_g),
          f"{len(appendices_g)} appendices")
    for i, (a, b) in enumerate(zip(appendices_w, appendices_g)):
        check(f"{name}: every word and cell of appendix {i + 1}", appendix_words(a) == appendix_words(b))
    if "decision" in want:
        decision_w, decision_g = want["decision"], got.get("decision", {})
        check(f"{name}: the decision's bases and articles",
              [words(text_of(p)) for p in decision_w.get("preamble", [])] ==
              [words(text_of(p)) for p in decision_g.get("preamble", [])] and
              [words(text_of(a)) for a in decision_w.get("articles", [])] ==
              [words(text_of(a)) for a in decision_g.get("articles", [])] and
              words(decision_w.get("authority", "")) == words(decision_g.get("authority", "")),
              json.dumps(decision_g, ensure_ascii=False)[:300])


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True)


def main():
    samples = sorted(f for f in os.listdir(SAMPLES) if f.endswith(".kehoach.json"))
    with tempfile.TemporaryDirectory(prefix="kehoach-office-style-") as work:
        for sample in samples:
            name = sample.removesuffix(".kehoach.json")
            ours = os.path.join(work, name + ".docx")
            office = os.path.join(work, name + ".office.docx")
            result = run([KEHOACH, "--draft", "--export-docx", ours, os.path.join(SAMPLES, sample)])
            if result.returncode != 0:
                check(f"{name}: exported", False, result.stderr.strip())
                continue
            as_an_office_types_it(ours, office)
            plans = []
            for docx_path in (ours, office):
                out = docx_path + ".kehoach.json"
                result = run([KEHOACH, "--import-docx", out, docx_path])
                check(f"{name}: {os.path.basename(docx_path)} imports", result.returncode == 0,
                      result.stderr.strip())
                if result.returncode == 0:
                    with open(out, encoding="utf-8") as f:
                        plans.append(json.load(f))
            if len(plans) == 2:
                compare(name, *plans)

    return RESULTS.print_tap()


sys.exit(main())
