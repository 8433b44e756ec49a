#!/usr/bin/python3
"""Prints every word of a .docx's text, one per line, read with python-docx (Debian's
python3-docx): an independent reader for the importer's word-recall test.

Paragraphs of the body, of table cells and of text boxes, in document order; runs inside
hyperlinks, fields and tracked insertions count, tracked deletions do not. A text box that
Word stores twice (DrawingML and its VML fallback) counts once.
"""
import sys
import unicodedata

import docx
from docx.oxml.ns import qn
from docx.text.run import Run


def inside(element, tag, stop):
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def paragraph_text(p):
    text = []
    for r in p.iter(qn('w:r')):
        # the run's own paragraph only (not one in a text box inside this paragraph)
        owner = r.getparent()
        while owner is not None and owner.tag != qn('w:p'):
            owner = owner.getparent()
        if owner is not p or inside(r, qn('w:del'), p):
            continue
        text.append(Run(r, None).text)
    return ''.join(text)


def main(path):
    document = docx.Document(path)
    fallback = '{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback'
    body = document.element.body
    for p in body.iter(qn('w:p')):
        if inside(p, fallback, body):
            continue
        text = unicodedata.normalize('NFC', paragraph_text(p))
        for word in text.split():
            print(word)


if __name__ == '__main__':
    main(sys.argv[1])
