#!/usr/bin/python3
# check-docx.py: every sample plan exported by `kehoach --export-docx --draft` is a sound
# Word package, read by python3-docx (Debian's /usr/bin/python3): every part well-formed,
# content types and relationships consistent, the named styles present and used, the header
# block and the closing as borderless two-column tables, one section per appendix in its
# orientation, repeated header rows, document properties. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.dom.minidom

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "util"))
from tap import Results  # noqa: E402 (tests/util/tap.py)

KEHOACH = sys.argv[1]
SAMPLES = os.environ["KEHOACH_SAMPLES_DIR"]

STYLES = ["Cơ quan", "Quốc hiệu", "Tiêu ngữ", "Số, ký hiệu", "Địa danh, ngày tháng", "Tên loại",
          "Trích yếu", "Nội dung", "Đề mục", "Nơi nhận", "Danh sách nơi nhận", "Chức vụ người ký",
          "Tên người ký", "Tiêu đề bảng", "Ô bảng", "Phụ lục", "Đầu trang"]

RESULTS = Results()
check = RESULTS.check


def rels_targets(package, rels_name):
    base = os.path.dirname(os.path.dirname(rels_name))
    dom = xml.dom.minidom.parseString(package.read(rels_name))
    targets = []
    for rel in dom.getElementsByTagName("Relationship"):
        if rel.getAttribute("TargetMode") == "External":
            continue
        targets.append(os.path.normpath(os.path.join(base, rel.getAttribute("Target"))))
    return targets


def borders_of(table):
    tbl_pr = table._tbl.tblPr
    style = tbl_pr.find(qn("w:tblStyle")).get(qn("w:val"))
    return style


def check_decision(name, plan, document):
    """The decision's pages: its roles in their named styles, "Điều N." bold, its section
    before the plan's, the plan on a new page with its own page numbers from 1"""
    body = document.paragraphs
    by_style = {}
    for p in body:
        by_style.setdefault(p.style.name, []).append(p)
    authority = by_style.get("Thẩm quyền ban hành", [])
    # A new decision (the template) has no authority yet: like our PDF, no line for it
    want_authority = [plan["decision"]["authority"].replace("\n", " ")] if plan["decision"]["authority"] else []
    check(f"{name}: the decision's authority line in its style, bold capitals, centred",
          [p.text for p in authority] == want_authority and
          document.styles["Thẩm quyền ban hành"].font.all_caps and
          document.styles["Thẩm quyền ban hành"].font.bold and
          document.styles["Thẩm quyền ban hành"].paragraph_format.alignment == 1,  # CENTER
          str([p.text for p in authority]))
    decides = by_style.get("Quyết định:", [])
    check(f"{name}: \"QUYẾT ĐỊNH:\" in its style",
          [p.text for p in decides] == ["QUYẾT ĐỊNH:"] and
          document.styles["Quyết định:"].font.bold)
    articles = by_style.get("Điều", [])
    check(f"{name}: one paragraph per article in the style Điều",
          len(articles) == len(plan["decision"]["articles"]), str(len(articles)))
    check(f"{name}: each article opens with its bold label \"Điều N.\"",
          all(p.runs and p.runs[0].bold and p.runs[0].text == f"Điều {i + 1}."
              for i, p in enumerate(articles)))
    issuing = by_style.get("Ban hành kèm theo", [])
    check(f"{name}: the plan's \"(Ban hành kèm theo Quyết định …)\" line, italic",
          len(issuing) == 1 and issuing[0].text.startswith("(Ban hành kèm theo Quyết định số ") and
          document.styles["Ban hành kèm theo"].font.italic)
    headers = [t for t in document.tables if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t.cell(0, 1).text]
    check(f"{name}: a header block for the decision and one for the plan, the plan's without a number",
          len(headers) == 2 and "Số:" in headers[0].cell(1, 0).text and
          all("Số:" not in c.text for r in headers[1].rows for c in r.cells))
    sections = document.sections
    plan_section = sections[1]._sectPr
    number_type = plan_section.find(qn("w:pgNumType"))
    check(f"{name}: the plan starts a new page, numbered from 1, its first page unnumbered",
          sections[1].start_type == 2 and  # NEW_PAGE
          number_type is not None and number_type.get(qn("w:start")) == "1" and
          sections[1].different_first_page_header_footer)


def check_plan(path):
    plan = json.load(open(path, encoding="utf-8"))
    name = os.path.basename(path)
    appendices = plan.get("appendices", [])
    # A decision issuing a plan: its own pages in a section before the plan's
    decision = "decision" in plan
    front = 2 if decision else 1
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "plan.docx")
        run = subprocess.run([KEHOACH, "--export-docx", out, "--draft", path],
                             capture_output=True, text=True)
        check(f"{name}: exported", run.returncode == 0, run.stderr)
        if run.returncode != 0:
            return

        with zipfile.ZipFile(out) as package:
            names = package.namelist()
            check(f"{name}: ZIP intact", package.testzip() is None)
            well_formed = True
            for part in names:
                try:
                    xml.dom.minidom.parseString(package.read(part))
                except Exception as error:  # noqa: BLE001 - report any parser failure
                    well_formed = False
                    check(f"{name}: {part} well-formed", False, str(error))
            check(f"{name}: every part well-formed", well_formed)

            types = xml.dom.minidom.parseString(package.read("[Content_Types].xml"))
            overrides = {o.getAttribute("PartName").lstrip("/")
                         for o in types.getElementsByTagName("Override")}
            defaults = {d.getAttribute("Extension") for d in types.getElementsByTagName("Default")}
            typed = all(p in overrides or p.rsplit(".", 1)[-1] in defaults
                        for p in names if p != "[Content_Types].xml")
            check(f"{name}: every part has a content type", typed)
            check(f"{name}: every override names a part", overrides <= set(names),
                  str(overrides - set(names)))
            targets = []
            for part in names:
                if part.endswith(".rels"):
                    targets += rels_targets(package, part)
            check(f"{name}: every relationship target exists", set(targets) <= set(names),
                  str(set(targets) - set(names)))
            unreached = [p for p in names
                         if not p.endswith(".rels") and p != "[Content_Types].xml" and p not in targets]
            check(f"{name}: every part is reached by a relationship", not unreached, str(unreached))

        document = docx.Document(out)
        style_names = {s.name for s in document.styles}
        missing = [s for s in STYLES if s not in style_names]
        check(f"{name}: the named styles are there", not missing, str(missing))
        used = {p.style.name for p in document.paragraphs}
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    used |= {p.style.name for p in cell.paragraphs}
        for style in ["Cơ quan", "Quốc hiệu", "Tiêu ngữ", "Tên loại", "Nơi nhận", "Chức vụ người ký"]:
            check(f"{name}: style {style} is used", style in used)
        check(f"{name}: section headings in capitals, bold, by their style",
              document.styles["Đề mục"].font.all_caps and document.styles["Đề mục"].font.bold and
              document.styles["Phần"].font.all_caps)
        check(f"{name}: room for signature and seal above the signer's name (25 mm)",
              abs(document.styles["Tên người ký"].paragraph_format.space_before.mm - 25) < 0.1)
        check(f"{name}: body paragraphs justified by their style",
              document.styles["Nội dung"].paragraph_format.alignment == 3)  # JUSTIFY
        layout = plan["layout"]
        font = document.styles["Normal"].font
        check(f"{name}: Times New Roman at the plan's size",
              font.name == "Times New Roman" and
              abs(font.size.pt - layout["font-size"]) < 0.01,
              f"{font.name} {font.size.pt if font.size else None}")

        header = document.tables[0]
        check(f"{name}: header block is a borderless 2-column table",
              len(header.columns) == 2 and borders_of(header) == "BangKhongKe")
        check(f"{name}: header holds the Quốc hiệu",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text)
        rules = [p for p in header.cell(0, 1).paragraphs
                 if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
        check(f"{name}: the Tiêu ngữ has its rule as a paragraph border", len(rules) == 1)
        check(f"{name}: no underscores drawn as rules", "___" not in header.cell(0, 0).text + header.cell(0, 1).text)

        closing = [t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:")]
        check(f"{name}: closing is a borderless 2-column table",
              # under a plan issued by a decision, a Nơi nhận only when the plan has its own
              len(closing) == 1 + (decision and bool(plan["closing"].get("recipients") or
                                                    plan["closing"].get("archive"))) and len(closing[0].columns) == 2 and
              borders_of(closing[0]) == "BangKhongKe")
        if closing:
            tr_pr = closing[0].rows[0]._tr.trPr
            check(f"{name}: closing row does not split",
                  tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None)

        if decision:
            check_decision(name, plan, document)

        sections = document.sections
        check(f"{name}: one section for the body{' and the decision' if decision else ''} "
              f"and one per appendix",
              len(sections) == front + len(appendices), f"{len(sections)} sections")
        check(f"{name}: first page unnumbered", sections[0].different_first_page_header_footer)
        restart = layout.get("appendix-page-numbers", "restart") == "restart"
        for i, section in enumerate(sections[front:]):
            number_type = section._sectPr.find(qn("w:pgNumType"))
            restarts = number_type is not None and number_type.get(qn("w:start")) == "1"
            check(f"{name}: appendix {i + 1} page numbers {'restart' if restart else 'continue'}",
                  restarts == restart and section.different_first_page_header_footer == restart)
        for i, appendix in enumerate(appendices):
            if i + front >= len(sections):
                break
            landscape = appendix.get("orientation") == "landscape"
            section = sections[i + front]
            check(f"{name}: appendix {i + 1} orientation",
                  (section.orientation == WD_ORIENT.LANDSCAPE) == landscape and
                  (section.page_width > section.page_height) == landscape)
        layout = plan["layout"]
        for section in sections:
            check(f"{name}: margins of every section",
                  abs(section.left_margin.mm - layout["margin-left"]) < 0.1 and
                  abs(section.right_margin.mm - layout["margin-right"]) < 0.1 and
                  abs(section.top_margin.mm - layout["margin-top"]) < 0.1 and
                  abs(section.bottom_margin.mm - layout["margin-bottom"]) < 0.1)
        check(f"{name}: A4", abs(sections[0].page_width.mm - 210) < 0.1 and
              abs(sections[0].page_height.mm - 297) < 0.1)

        ruled = [t for t in document.tables if borders_of(t) == "BangKe"]
        for t, table in enumerate(ruled):
            header_rows = [r for r in table.rows
                           if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None]
            check(f"{name}: table {t + 1} repeats its header rows", len(header_rows) >= 1)

        props = document.core_properties
        check(f"{name}: title property", props.title.startswith("KẾ HOẠCH"), props.title)
        check(f"{name}: author is the agency", props.author == plan["header"]["agency"].replace("\n", " "),
              props.author)


def main():
    samples = sorted(f for f in os.listdir(SAMPLES) if f.endswith(".kehoach.json"))
    for sample in samples:
        check_plan(os.path.join(SAMPLES, sample))
    return RESULTS.print_tap()


sys.exit(main())
