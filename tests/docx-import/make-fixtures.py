#!/usr/bin/python3
"""Small .docx files for the importer's tests: hostile packages and one plan per rule.

Usage: make-fixtures.py OUTDIR. Python's zipfile writes the packages; nothing here reads them.
"""
import io
import os
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def package(path, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, 'w', compression) as z:
        z.writestr('[Content_Types].xml', CT)
        for name, data in parts.items():
            z.writestr(name, data)


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


def p(text, props='', run_props=''):
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:rPr>{run_props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(text, props=''):
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>'


def hostile(out):
    good = document(p('KẾ HOẠCH'))
    with open(os.path.join(out, 'encrypted.docx'), 'wb') as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b'\0' * 4096)
    with open(os.path.join(out, 'not-zip.docx'), 'wb') as f:
        f.write(b'This is a plain text file, not a Word document.\n')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('word/document.xml', document(p('x' * 20000)))
    with open(os.path.join(out, 'truncated.docx'), 'wb') as f:
        f.write(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    package(os.path.join(out, 'no-document.docx'), {'word/other.xml': good})
    # 200 MB of spaces inside one part: a few hundred kilobytes packed
    with zipfile.ZipFile(os.path.join(out, 'zip-bomb.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            f.write(document('').encode()[:-len('</w:body></w:document>')])
            chunk = b' ' * (1 << 20)
            for _ in range(200):
                f.write(chunk)
            f.write(b'</w:body></w:document>')
    parts = {'word/document.xml': good}
    for i in range(1500):
        parts[f'word/media/part{i}.xml'] = '<a/>'
    package(os.path.join(out, 'many-parts.docx'), parts)
    package(os.path.join(out, 'path-traversal.docx'),
            {'word/document.xml': good, '../../etc/evil.xml': '<a/>'})
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
              + ''.join(f'<!ENTITY {chr(98 + i)} "&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};">' for i in range(9))
              + f']><w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
    package(os.path.join(out, 'entity-expansion.docx'), {'word/document.xml': laughs})
    package(os.path.join(out, 'external-entity.docx'), {'word/document.xml':
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'})
    package(os.path.join(out, 'deep-nesting.docx'), {'word/document.xml':
            document('<w:sdt><w:sdtContent>' * 5000 + '</w:sdtContent></w:sdt>' * 5000)})
    bad = document(p('hợp lệ')).encode().replace('hợp'.encode(), b'h\xff\xfep')
    package(os.path.join(out, 'invalid-utf8.docx'), {'word/document.xml': bad})
    rows = '<w:tr>' + cell('') + '</w:tr>'
    package(os.path.join(out, 'rows-100000.docx'), {'word/document.xml':
            document('<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>' + rows * 100000 + '</w:tbl>')})
    package(os.path.join(out, 'columns-1000.docx'), {'word/document.xml':
            document('<w:tbl><w:tblGrid>' + '<w:gridCol w:w="10"/>' * 1000 + '</w:tblGrid><w:tr>'
                     + cell('') * 1000 + '</w:tr></w:tbl>')})


NUMBERING = f'''<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>'''


def numbered(text, level):
    return p(text, f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>')


def rules(out):
    header = ('<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>'
              '<w:tc>' + p('PHÒNG GD&amp;ĐT HẠ LONG') + p('TRƯỜNG THCS LÝ TỰ TRỌNG') + p('Số: 25/KH-THCS')
              + p('KHẨN') + '</w:tc><w:tc>' + p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
              + p('Độc lập – Tự do – Hạnh phúc') + p('Hạ Long, ngày    tháng 02 năm 2022')
              + '</w:tc></w:tr></w:tbl>')
    closing = ('<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>'
               '<w:tc>' + p('Nơi nhận:') + p('- Phòng GD&amp;ĐT (b/cáo);') + p('- Lưu: VT.') + '</w:tc>'
               '<w:tc>' + p('TM. ỦY BAN NHÂN DÂN') + p('CHỦ TỊCH') + p('') + p('Nguyễn Văn A') + '</w:tc></w:tr></w:tbl>')
    merged = ('<w:tbl><w:tblGrid><w:gridCol w:w="567"/><w:gridCol w:w="2835"/><w:gridCol w:w="2835"/></w:tblGrid>'
              '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell('TT') + cell('Nội dung', '<w:gridSpan w:val="2"/>') + '</w:tr>'
              '<w:tr>' + cell('1', '<w:vMerge w:val="restart"/>') + cell('Việc một') + cell('Tổ A') + '</w:tr>'
              '<w:tr>' + cell('', '<w:vMerge/>') + cell('Việc hai') + cell('Tổ B') + '</w:tr></w:tbl>')
    body = (header + p('KẾ HOẠCH', '', '<w:b/>') + p('Tổ chức hoạt động trải nghiệm') + p('')
            + p('Căn cứ Kế hoạch số 10/KH-PGDĐT ngày 10/01/2022;')
            + p('Trường THCS Lý Tự Trọng xây dựng kế hoạch như sau:')
            + numbered('MỤC ĐÍCH', 0) + numbered('Mục đích: Nâng cao chất lượng.', 1)
            + numbered('Việc đầu', 2) + numbered('Chi tiết', 3)
            + p('I. NỘI DUNG') + p('3. Số nhảy') + p('a. Điểm chấm')
            + '<w:p><w:r><w:t xml:space="preserve">Đã </w:t></w:r><w:ins w:id="1"><w:r><w:t>thêm</w:t></w:r></w:ins>'
              '<w:del w:id="2"><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> chữ</w:t>'
              '<w:footnoteReference w:id="5"/></w:r></w:p>'
            + '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
              '<w:txbxContent>' + p('Chữ trong hộp') + '</w:txbxContent></wp:inline></w:drawing></w:r></w:p>'
            + p('Trên đây là kế hoạch./.') + closing
            + p('', '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="1134"/></w:sectPr>')
            + p('PHỤ LỤC') + p('DANH SÁCH') + p('(Kèm theo Kế hoạch số 25/KH-THCS)') + merged
            + '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
                 '<w:footnote w:id="5">' + p('Chú thích cuối trang') + '</w:footnote></w:footnotes>')
    package(os.path.join(out, 'rules.docx'), {'word/document.xml': document(body),
                                              'word/numbering.xml': NUMBERING,
                                              'word/footnotes.xml': footnotes})
    # The header typed as paragraphs, the two columns apart by tabs; signer as paragraphs, the
    # name in capitals after the space for the signature
    tabbed = (p('UBND HUYỆN X\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
              + p('PHÒNG GIÁO DỤC\tĐộc lập - Tự do - Hạnh phúc')
              + p('Số:    /KH-PGD\tX, ngày 05 tháng 9 năm 2025')
              + p('KẾ HOẠCH') + p('Năm học mới') + p('')
              + p('A. PHẦN CHUNG') + p('1) Việc một') + p('+ Chi tiết cộng')
              + p('Nơi nhận:') + p('- Các trường;') + p('- Lưu: VT.')
              + p('KT. TRƯỞNG PHÒNG') + p('PHÓ TRƯỞNG PHÒNG') + p('') + p('') + p('TRẦN THỊ B'))
    package(os.path.join(out, 'paragraph-header.docx'), {'word/document.xml': document(tabbed)})


def more_rules(out):
    bold = '<w:b/>'
    italic = '<w:i/>'
    header = ('<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>'
              '<w:tc>' + p('SỞ GIÁO DỤC VÀ ĐÀO TẠO') + p('Số: 7/KH-SGDĐT') + p('MẬT') + '</w:tc>'
              '<w:tc>' + p('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM') + p('Độc lập-Tự do-Hạnh phúc')
              + p('TP. Hồ Chí Minh, ngày 27/5/2026') + '</w:tc></w:tr></w:tbl>')
    form = ('<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="3000"/></w:tblGrid>'
            '<w:tr>' + cell('TT') + cell('Tên') + '</w:tr><w:tr>' + cell('') + cell('') + '</w:tr></w:tbl>')
    # the first row in bold makes the header row
    form = form.replace('<w:t xml:space="preserve">TT', '<w:t xml:space="preserve">TT', 1)
    body = (header + p('KẾ HOẠCH') + p('Kiểm tra cuối năm') + p('')
            + p('Thực hiện Công văn số 1/SGDĐT ngày 02/01/2026;')
            + p('PHẦN I. TÌNH HÌNH')
            + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1. Kết quả chung </w:t></w:r>'
              '<w:r><w:t>đạt yêu cầu đề ra trong năm học.</w:t></w:r></w:p>'
            + p('a) Một') + p('b) Hai') + p('c) Ba') + p('d) Bốn') + p('e) Năm')
            + p('- Gạch') + p('+ Cộng') + p('* Sao')
            + p('(Ghi chú: số liệu tạm tính)', '', italic)
            + '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
              'drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r></w:p>'
            + '<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>'
              '<w:tc>' + p('Nơi nhận:') + p('- Như trên;') + p('- Lưu: VT, KHTC.') + '</w:tc>'
              '<w:tc>' + p('Q. GIÁM ĐỐC') + p('') + p('Lê Văn C') + p('Phó Giám đốc phụ trách') + '</w:tc></w:tr></w:tbl>'
            + p('Biểu 01: THỐNG KÊ', '', bold) + p('(Kèm theo Kế hoạch số 7/KH-SGDĐT)', '', italic)
            + p('(Lưu ý: điền đủ các cột)', '', italic)
            + form.replace('<w:t xml:space="preserve">TT</w:t>', '<w:t xml:space="preserve">TT</w:t>')
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:bottom="1134" '
              'w:left="1814" w:right="1021"/></w:sectPr>')
    # header row of the form in bold
    body = body.replace(cell('TT') + cell('Tên'),
                        '<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TT</w:t></w:r></w:p></w:tc>'
                        '<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Tên</w:t></w:r></w:p></w:tc>')
    package(os.path.join(out, 'more-rules.docx'), {'word/document.xml': document(body)})
    # A type code not of the decree and a day the month does not have
    odd = (p('UBND XÃ Y\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + p('Số: 3/XYZ-UBND\tHà Nội, ngày 31 tháng 2 năm 2026')
           + p('KẾ HOẠCH') + p('Thử') + p('') + p('I. MỘT'))
    package(os.path.join(out, 'odd-header.docx'), {'word/document.xml': document(odd)})


def forms_rules(out):
    """The forms of issue 15 as our Word export writes them (its styles) and as offices do."""
    bold = '<w:b/>'

    def styled(style, runs, props=''):
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{props}</w:pPr>{runs}</w:p>'

    def run(text, props=''):
        return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

    header = ('<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>'
              '<w:tc>' + p('TRƯỜNG THCS PHỐ LU') + p('Số: 47/KH-THCS') + '</w:tc>'
              '<w:tc>' + p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + p('Độc lập - Tự do - Hạnh phúc')
              + p('Bảo Thắng, ngày 08 tháng 9 năm 2025') + '</w:tc></w:tr></w:tbl>')
    closing = ('<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="6000"/></w:tblGrid><w:tr>'
               '<w:tc>' + p('Nơi nhận:') + p('- Lưu: VT.') + '</w:tc>'
               '<w:tc>' + p('HIỆU TRƯỞNG') + p('') + p('Phạm Thị Thu Hà') + '</w:tc></w:tr></w:tbl>')
    body = (header + p('KẾ HOẠCH') + p('Hội khỏe Phù Đổng') + p('')
            + p('Căn cứ Kế hoạch số 112/KH-PGDĐT ngày 25/8/2025;')
            + p('I. NỘI DUNG')
            # "Mục" (our numbered items): only a bold start is a heading
            + styled('Muc', run('1. ', '<w:b w:val="0"/>') + run('Điền kinh: chạy 60 m, nhảy xa.', '<w:b w:val="0"/>'))
            + styled('Muc', run('2. Khen thưởng', bold))
            # "a/." first: it does not set the plan's point style; "a)" does
            + p('a/. Giấy khen;') + p('b/. Phần thưởng.')
            # a colon near the start of a paragraph in no style of ours is still a run-in heading
            + p('3. Địa điểm: sân trường.')
            + p('a) Sân bóng;') + p('b) Nhà đa năng.')
            # "Điểm": the heading is the text in the character style "Đầu đề điểm", or none
            + styled('Diem', run('c) ') + run('Giải cá nhân:', '<w:rStyle w:val="DauDeDiem"/>') + run(' giấy khen;'))
            + styled('Diem', run('d) Giải toàn đoàn: cờ lưu niệm.'))
            + p('II. THỜI GIAN')
            # "Đoạn văn" starts a paragraph item even right under a heading; "Nội dung" goes on in it
            + styled('DoanVan', run('Từ ngày 06/10/2025 đến ngày 17/10/2025.'))
            + styled('NoiDung', run('Lớp: ……… Giáo viên chủ nhiệm: ………'), '<w:ind w:firstLine="0"/><w:jc w:val="left"/>')
            + p('Mỗi lớp một đội.')
            # flush left without a first-line indent: a form's fill-in line keeps its form
            + p('Họ và tên: ………………', '<w:jc w:val="left"/>')
            + p('Ngày sinh: ………………', '<w:ind w:left="0" w:firstLine="0"/><w:jc w:val="start"/>')
            # LibreOffice writes "no first-line indent" as a hanging indent of 0
            + p('Nơi sinh: ………………', '<w:ind w:hanging="0"/><w:jc w:val="left"/>')
            # flush left with an indent: the body's justified text
            + p('Học sinh tự nguyện tham gia.', '<w:ind w:firstLine="567"/><w:jc w:val="left"/>')
            # an italic "(*) …" right after a table is the table's footnote
            + '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="5000"/></w:tblGrid>'
              '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell('TT') + cell('Môn thi đấu') + '</w:tr>'
              '<w:tr>' + cell('1') + cell('Chạy 60 m (*)') + '</w:tr></w:tbl>'
            + p('(*) Mỗi học sinh đăng ký không quá 02 môn.', '<w:jc w:val="left"/>', '<w:i/>')
            + closing
            # the first page's own page header (w:titlePg) holds the circulation note
            + '<w:sectPr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
              '<w:headerReference w:type="default" r:id="rId8"/><w:headerReference w:type="first" r:id="rId7"/>'
              '<w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>'
            '</Relationships>')
    first = (f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>'
             + '<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"/></w:drawing></w:r></w:p>'
             + p('Xem xong trả lại', '<w:jc w:val="center"/>', bold) + '</w:hdr>')
    other = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>' + p('LƯU HÀNH NỘI BỘ') + '</w:hdr>'
    package(os.path.join(out, 'forms-rules.docx'), {'word/document.xml': document(body),
                                                    'word/_rels/document.xml.rels': rels,
                                                    'word/header1.xml': first,
                                                    'word/header2.xml': other})


def row_limit(out):
    """10,000 rows below the header rows read; one more is refused, and so are 101 header rows."""
    grid = '<w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="3000"/></w:tblGrid>'
    row = '<w:tr>' + cell('') + cell('x') + '</w:tr>'
    repeated = '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell('TT') + cell('Tên') + '</w:tr>'
    bold = ('<w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TT</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Tên</w:t></w:r></w:p></w:tc></w:tr>')
    for name, rows in (('rows-10000-below-header.docx', repeated * 2 + row * 10000),
                       ('rows-10000-below-bold-row.docx', bold + row * 10000),
                       ('rows-10001.docx', repeated + row * 10001),
                       ('header-rows-101.docx', repeated * 101 + row)):
        package(os.path.join(out, name), {'word/document.xml':
                document('<w:tbl>' + grid + rows + '</w:tbl>')})
    # Rows are counted while the table is streamed: the 10,001st body row is refused at its
    # start, before it is expanded, so the broken XML at its end (a paragraph left open, 8 KB
    # on: the parser reads ahead by a chunk of 512 bytes) is never reached. Expanding the
    # table, or that row, first would report the broken XML instead.
    package(os.path.join(out, 'rows-10001-unclosed.docx'), {'word/document.xml':
            document('<w:tbl>' + grid + repeated + row * 10000 + '<w:tr>' + cell('x' * 8000)
                     + '<w:tc><w:p></w:tc>')})
    # The largest table inside the limits: 10,000 rows by 63 columns of empty cells
    package(os.path.join(out, 'rows-10000-columns-63.docx'), {'word/document.xml':
            document('<w:tbl><w:tblGrid>' + '<w:gridCol w:w="150"/>' * 63 + '</w:tblGrid>'
                     + ('<w:tr>' + '<w:tc/>' * 63 + '</w:tr>') * 10000 + '</w:tbl>')})


def nested_table(out):
    """A table inside a cell: kept after its table, as a table of its own."""
    grid = '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="4000"/></w:tblGrid>'
    inner = ('<w:tbl>' + grid + '<w:tr>' + cell('a1') + cell('b1') + '</w:tr><w:tr>' + cell('a2')
             + cell('b2') + '</w:tr></w:tbl>')
    outer = ('<w:tbl>' + grid + '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell('TT')
             + cell('Nội dung') + '</w:tr><w:tr>' + cell('1') + '<w:tc>' + p('Việc một') + inner
             + p('sau') + '</w:tc></w:tr><w:tr>' + cell('2', '<w:vMerge w:val="restart"/>')
             + cell('Việc hai') + '</w:tr><w:tr>' + cell('', '<w:vMerge/>') + cell('Việc ba')
             + '</w:tr></w:tbl>')
    package(os.path.join(out, 'nested-table.docx'), {'word/document.xml':
            document(outer + p('Đoạn cuối'))})


if __name__ == '__main__':
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    hostile(out)
    rules(out)
    more_rules(out)
    forms_rules(out)
    row_limit(out)
    nested_table(out)
