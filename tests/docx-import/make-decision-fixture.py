#!/usr/bin/python3
"""A decision issuing a plan (Quyết định ban hành kế hoạch) written the way an office's Word
writes it, not by our export: the header table with a blank number, "QUYẾT ĐỊNH" and a
"V/v ban hành Kế hoạch …" title with no rule paragraph under it (Word draws the rule as a
shape), the authority in typed capitals, italic bases, "QUYẾT ĐỊNH:", articles whose "Điều N."
is a bold run, the closing table, then a page break (not a new section) and the plan with its
header table again, "(Ban hành kèm theo Quyết định …)", its body, the signature alone in a
borderless table and an appendix with a table.

Also the same decision titled "Về việc ban hành / Kế hoạch …" on two lines, and with a title
that issues no plan ("Về việc thành lập Tổ kiểm tra …").

Usage: make-decision-fixture.py OUTDIR. Python's zipfile writes the packages.
"""
import os
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
CENTRED = '<w:jc w:val="center"/>'
JUSTIFIED = '<w:jc w:val="both"/><w:ind w:firstLine="720"/>'


def run(text, props=''):
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs, props=''):
    return f'<w:p><w:pPr>{props}</w:pPr>{"".join(runs)}</w:p>'


def lines_cell(lines, width):
    paragraphs = ''.join(p(run(text, props), props=CENTRED) if text else p(props=CENTRED)
                         for text, props in lines)
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>'


def table(rows, widths):
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = ''.join('<w:tr>' + ''.join(lines_cell(cell, widths[i]) for i, cell in enumerate(row))
                   + '</w:tr>' for row in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
            f'<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
            f'<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')


B, I = '<w:b/>', '<w:i/>'
AGENCY = [('UBND TỈNH LÀO CAI', ''), ('SỞ CÔNG THƯƠNG', B)]
NATIONAL = [('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', B), ('Độc lập - Tự do - Hạnh phúc', B)]
SIGNER = [('KT. GIÁM ĐỐC', B), ('PHÓ GIÁM ĐỐC', B), ('', ''), ('', ''), ('', ''),
          ('Nguyễn Văn Thắng', B)]


def decision_docx(path, title='V/v ban hành Kế hoạch kiểm tra hoạt động vật liệu nổ công nghiệp',
                  title_end='trên địa bàn tỉnh năm 2026'):
    body = [
        table([[AGENCY, NATIONAL],
               [[('Số:        /QĐ-SCT', '')], [('Lào Cai, ngày      tháng 5 năm 2026', I)]]],
              [3600, 5800]),
        p(props=CENTRED),
        p(run('QUYẾT ĐỊNH', B), props=CENTRED),
        p(run(title, B), props=CENTRED),
        p(run(title_end, B), props=CENTRED),
        p(run('GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI', B), props=CENTRED),
        p(props=CENTRED),
        p(run('Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày '
              '20/6/2017;', I), props=JUSTIFIED),
        p(run('Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 10/3/2021 của UBND tỉnh Lào Cai quy '
              'định chức năng, nhiệm vụ của Sở Công Thương;', I), props=JUSTIFIED),
        p(run('Theo đề nghị của Trưởng phòng Kỹ thuật an toàn - Môi trường.', I),
          props=JUSTIFIED),
        p(run('QUYẾT ĐỊNH:', B), props=CENTRED),
        p(run('Điều 1.', B), run(' Ban hành kèm theo Quyết định này Kế hoạch kiểm tra hoạt '
                                 'động vật liệu nổ công nghiệp trên địa bàn tỉnh năm 2026.'),
          props=JUSTIFIED),
        p(run('Điều 2.', B), run(' Quyết định này có hiệu lực kể từ ngày ký.'),
          props=JUSTIFIED),
        p(run('Điều 3.', B), run(' Chánh Văn phòng Sở, Trưởng phòng Kỹ thuật an toàn - Môi '
                                 'trường và các tổ chức, cá nhân có liên quan chịu trách nhiệm '
                                 'thi hành Quyết định này./.'), props=JUSTIFIED),
        table([[[('Nơi nhận:', B + I), ('- Như Điều 3;', ''), ('- Giám đốc Sở (b/c);', ''),
                 ('- Lưu: VT, KTAT.', '')], SIGNER]], [4300, 5100]),
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
        table([[AGENCY, NATIONAL]], [3600, 5800]),
        p(props=CENTRED),
        p(run('KẾ HOẠCH', B), props=CENTRED),
        p(run('Kiểm tra hoạt động vật liệu nổ công nghiệp trên địa bàn tỉnh năm 2026', B),
          props=CENTRED),
        p(run('(Ban hành kèm theo Quyết định số       /QĐ-SCT ngày      tháng 5 năm 2026 của '
              'Giám đốc Sở Công Thương tỉnh Lào Cai)', I), props=CENTRED),
        p(props=CENTRED),
        p(run('I. MỤC ĐÍCH, YÊU CẦU', B), props=JUSTIFIED),
        p(run('1. Mục đích', B), props=JUSTIFIED),
        p(run('Kiểm tra việc chấp hành quy định về an toàn vật liệu nổ công nghiệp của các tổ '
              'chức, doanh nghiệp trên địa bàn tỉnh.'), props=JUSTIFIED),
        p(run('2. Yêu cầu', B), props=JUSTIFIED),
        p(run('Việc kiểm tra bảo đảm khách quan, đúng quy định.'), props=JUSTIFIED),
        p(run('II. TỔ CHỨC THỰC HIỆN', B), props=JUSTIFIED),
        p(run('Phòng Kỹ thuật an toàn - Môi trường chủ trì, phối hợp với các đơn vị liên quan '
              'tổ chức thực hiện Kế hoạch này./.'), props=JUSTIFIED),
        table([[[('', '')], SIGNER]], [4300, 5100]),
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
        p(run('Phụ lục', B), props=CENTRED),
        p(run('DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA', B), props=CENTRED),
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="800"/><w:gridCol w:w="5000"/><w:gridCol w:w="3600"/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>'
        + ''.join(lines_cell([(t, B)], w) for t, w in (('TT', 800), ('Tên đơn vị', 5000),
                                                        ('Thời gian', 3600)))
        + '</w:tr><w:tr>'
        + ''.join(lines_cell([(t, '')], w) for t, w in (('1', 800),
                                                         ('Công ty Cổ phần Hóa chất mỏ', 5000),
                                                         ('Tháng 6/2026', 3600)))
        + '</w:tr></w:tbl>',
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
        'w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/>'
        '<w:titlePg/></w:sectPr>',
    ]
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
                + ''.join(body) + '</w:body></w:document>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('word/document.xml', document)


if __name__ == '__main__':
    decision_docx(os.path.join(sys.argv[1], 'decision-office.docx'))
    # "Về việc ban hành" with "Kế hoạch …" on the title's next line
    decision_docx(os.path.join(sys.argv[1], 'decision-ve-viec.docx'), title='Về việc ban hành',
                  title_end='Kế hoạch kiểm tra hoạt động vật liệu nổ công nghiệp năm 2026')
    # A decision that issues no plan is not read as one
    decision_docx(os.path.join(sys.argv[1], 'decision-other.docx'),
                  title='Về việc thành lập Tổ kiểm tra hoạt động vật liệu nổ công nghiệp')
