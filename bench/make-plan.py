#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-plan.py SAMPLE N OUT.kehoach.json [BASE]

Writes the reference plan SAMPLE with its appendix table replaced by N rows (the task rows of
a school plan, numbered; N = 0 keeps the sample's rows), and optionally the same words as plain
text (for pango-view) and as HTML (for LibreOffice): BASE.txt and BASE.html.
"""
import html
import json
import sys

TASKS = [
    ("Tuyên truyền nội dung số {n} về cải cách hành chính theo Chương trình, Nghị quyết mới của Chính phủ và của Tỉnh",
     "Tin, bài trên Cổng thông tin điện tử của nhà trường, qua các hội nghị",
     "Bộ phận truyền thông", "Thường xuyên"),
    ("Hướng dẫn người dân sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4 (đợt {n})",
     "Clip ngắn, trang mạng xã hội, Zalo",
     "Tổ Văn phòng", "Quý II/2022"),
    ("Giới thiệu tiện ích của dịch vụ bưu chính công ích, nhiệm vụ {n}",
     "Bảng tin, sinh hoạt dưới cờ",
     "Đoàn Thanh niên", "Quý III, IV/2022"),
]


def plain(text):
    """A paragraph is a string or a list of runs"""
    if isinstance(text, str):
        return text
    return "".join(run["text"] for run in text)


def body_paragraphs(items):
    for item in items:
        if item.get("heading"):
            yield plain(item["heading"])
        for paragraph in item.get("paragraphs", []):
            yield plain(paragraph)
        yield from body_paragraphs(item.get("children", []))


def main():
    sample, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(sample, encoding="utf-8") as f:
        plan = json.load(f)

    table = plan["appendices"][0]["content"][0]["table"]
    if count > 0:
        rows = []
        for i in range(count):
            content, form, unit, time = TASKS[i % len(TASKS)]
            rows.append(["", content.format(n=i + 1), form, unit, time])
        table["rows"] = rows
    rows = table["rows"]

    with open(out, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False, indent=2)

    if len(sys.argv) > 4:
        # The same words as plain text and as an HTML table, for the reference tools
        header = table["header-rows"][0]
        with open(sys.argv[4] + ".txt", "w", encoding="utf-8") as f:
            f.write(plan["header"]["title"] + "\n\n")
            for paragraph in plan["preamble"] + list(body_paragraphs(plan["body"]["items"])):
                f.write(plain(paragraph) + "\n\n")
            f.write("\t".join(header) + "\n")
            for i, row in enumerate(rows):
                f.write(str(i + 1) + "\t" + "\t".join(row[1:]) + "\n")
        with open(sys.argv[4] + ".html", "w", encoding="utf-8") as f:
            f.write("<html><head><meta charset='utf-8'></head>"
                    "<body style='font-family: Times New Roman; font-size: 14pt'>")
            f.write("<h1>%s</h1>" % html.escape(plan["header"]["title"]))
            for paragraph in plan["preamble"] + list(body_paragraphs(plan["body"]["items"])):
                f.write("<p>%s</p>" % html.escape(plain(paragraph)))
            f.write("<table border='1' style='font-size: 12pt'><thead><tr>")
            f.write("".join("<th>%s</th>" % html.escape(h) for h in header))
            f.write("</tr></thead><tbody>")
            for i, row in enumerate(rows):
                cells = [str(i + 1)] + row[1:]
                f.write("<tr>" + "".join("<td>%s</td>" % html.escape(c) for c in cells) + "</tr>")
            f.write("</tbody></table></body></html>")


if __name__ == "__main__":
    main()
