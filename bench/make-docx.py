#!/usr/bin/python3
"""Writes a generated Word plan for bench/import-bench.sh: the header table, a preamble,
SECTIONS sections of numbered items with bullets and run-in headings, the closing table and an
appendix with a table, in the markup Word writes (run properties on every run, rsid attributes).

Usage: make-docx.py SECTIONS OUT.docx   (14 sections print on 16 pages)
"""
import sys
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')
RPR = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
       'w:cs="Times New Roman"/>{extra}<w:sz w:val="28"/><w:szCs w:val="28"/>'
       '<w:lang w:val="vi-VN"/></w:rPr>')


def roman(n):
    out = ''
    for value, letters in ((1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'),
                           (90, 'XC'), (50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'),
                           (4, 'IV'), (1, 'I')):
        while n >= value:
            out += letters
            n -= value
    return out


def run(text, bold=False):
    extra = '<w:b/><w:bCs/>' if bold else ''
    return (f'<w:r w:rsidRPr="00E542A0">{RPR.format(extra=extra)}'
            f'<w:t xml:space="preserve">{text}</w:t></w:r>')


def para(*runs, jc='both'):
    return (f'<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="002B7F1E" '
            f'w:rsidRDefault="002B7F1E"><w:pPr><w:spacing w:before="120" w:after="0" '
            f'w:line="240" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="{jc}"/>'
            f'</w:pPr>{"".join(runs)}</w:p>')


def cell(text, width):
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'{para(run(text), jc="center")}</w:tc>')


def table(rows, widths):
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = ''.join('<w:tr>' + ''.join(cell(t, w) for t, w in zip(r, widths)) + '</w:tr>'
                   for r in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def plan(sections):
    text = ('Tham mưu Ủy ban nhân dân tỉnh xây dựng chính sách thu hút các dự án công nghệ cao, '
            'hiện đại, sản xuất sạch, tiết kiệm năng lượng và thân thiện với môi trường')
    out = [table([['UBND TỈNH LÀO CAI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
                  ['SỞ CÔNG THƯƠNG', 'Độc lập - Tự do - Hạnh phúc'],
                  ['Số:       /KH-SCT', 'Lào Cai, ngày       tháng 4 năm 2026']], [4000, 6000]),
           para(run('KẾ HOẠCH', True), jc='center'),
           para(run('Thực hiện nhiệm vụ phát triển công nghiệp năm 2026', True), jc='center'),
           para()]
    for i in range(4):
        out.append(para(run(f'Căn cứ Nghị định số {i + 10}/2024/NĐ-CP ngày 31/12/2024 của Chính phủ;')))
    out.append(para(run('Sở Công Thương xây dựng Kế hoạch như sau:')))
    for s in range(sections):
        out.append(para(run(f'{roman(s + 1)}. NỘI DUNG THỰC HIỆN SỐ {s + 1}', True)))
        for n in range(1, 4):
            out.append(para(run(f'{n}. Nhiệm vụ {n}: ', True), run(text + '.')))
            for b in range(3):
                out.append(para(run(f'- {text}; phối hợp thực hiện bước {b + 1}.')))
    out.append(para(run('Trên đây là Kế hoạch của Sở Công Thương./.')))
    out.append(table([['Nơi nhận:\n', 'KT. GIÁM ĐỐC'], ['- UBND tỉnh (B/c);', 'PHÓ GIÁM ĐỐC'],
                      ['- Lưu: VT, CN.', 'Trịnh Văn Thành']], [4500, 5500]))
    out.append(para(run('PHỤ LỤC', True), jc='center'))
    out.append(para(run('DANH MỤC NHIỆM VỤ', True), jc='center'))
    out.append(table([['TT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian']] +
                     [[str(r + 1), text[:60], 'Phòng Quản lý Công nghiệp', 'Quý II/2026']
                      for r in range(max(10, sections * 2))], [700, 5000, 2500, 1800]))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document {W}><w:body>{"".join(out)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr>'
            '</w:body></w:document>')


if __name__ == '__main__':
    sections, path = int(sys.argv[1]), sys.argv[2]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"/>')
        z.writestr('word/document.xml', plan(sections))
