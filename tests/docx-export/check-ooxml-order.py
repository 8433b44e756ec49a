#!/usr/bin/python3
# check-ooxml-order.py: the parts of every exported sample follow the order and the values of
# the WordprocessingML schema (ECMA-376 Part 1, transitional, wml.xsd), where Microsoft Word is
# strict and LibreOffice and python3-docx are not: Word refuses a file ("unreadable content")
# whose property elements come out of the schema's sequence (w:jc before w:spacing in a w:pPr,
# w:sz before w:b in a w:rPr, w:pgMar before w:pgSz in a w:sectPr …), whose table cell does not
# end with a paragraph, or whose attribute values are not in the schema's lists. A sample with
# merged cells is exported too. An element this check does not know fails it, so that a new one
# is looked up in the schema when it is added to the writer. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os
import subprocess
import sys
import tempfile
import zipfile

from lxml import etree

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "util"))
from tap import Results  # noqa: E402 (tests/util/tap.py)

KEHOACH = sys.argv[1]
SAMPLES = os.environ["KEHOACH_SAMPLES_DIR"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# The schema's sequences (wml.xsd), in order, for every element whose children the writer
# orders. Names on one line of a tuple share a rank (an xsd:choice).
SEQUENCES = {
    "pPr": ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
            "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
            "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
            "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
            "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"),
    "rPr": ("ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike "
            "outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w "
            "kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
            "eastAsianLayout specVanish oMath rPrChange"),
    "tblPr": ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
              "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
              "tblCaption tblDescription tblPrChange"),
    "tblBorders": "top start left bottom end right insideH insideV",
    "tblCellMar": "top start left bottom end right",
    "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
    "pBdr": "top left bottom right between bar",
    "tcPr": ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
             "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"),
    "sectPr": ("headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
               "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
               "textDirection bidi rtlGutter docGrid printerSettings sectPrChange"),
    "tbl": "tblPr tblGrid tr",
    "tr": "tblPrEx trPr tc",
    "style": ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
              "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr "
              "rPr tblPr trPr tcPr tblStylePr"),
    "styles": "docDefaults latentStyles style",
    "docDefaults": "rPrDefault pPrDefault",
    "lvl": ("start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr "
            "rPr"),
    "abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl",
    "num": "abstractNumId lvlOverride",
    "lvlOverride": "startOverride lvl",
    "numbering": "numPicBullet abstractNum num numIdMacAtCleanup",
    "numPr": "ilvl numId numberingChange ins",
    "settings": ("writeProtection view zoom removePersonalInformation removeDateAndTime "
                 "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
                 "printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
                 "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins "
                 "alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter "
                 "gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle "
                 "proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter "
                 "stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
                 "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
                 "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
                 "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope "
                 "summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
                 "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets "
                 "drawingGridHorizontalSpacing drawingGridVerticalSpacing "
                 "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
                 "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
                 "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
                 "characterSpacingControl printTwoOnOne strictFirstAndLastChars "
                 "noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
                 "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
                 "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
                 "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace "
                 "updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr "
                 "attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
                 "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown "
                 "smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol "
                 "listSeparator"),
    # CT_Compat: the old compatibility flags (any of them) then the compatSetting elements
    "compat": ("useSingleBorderforContiguousCells|doNotExpandShiftReturn|doNotUseHTMLParagraphAutoSpacing|"
               "doNotBreakWrappedTables|growAutofit|balanceSingleByteDoubleByteWidth "
               "compatSetting"),
}
RANKS = {parent: {name: rank for rank, names in enumerate(sequence.split())
                  for name in names.split("|")}
         for parent, sequence in SEQUENCES.items()}

# Children allowed in any order once the first ones are placed (xsd:choice, maxOccurs unbounded)
FIRST_THEN_ANY = {
    "p": ("pPr", "r hyperlink bookmarkStart bookmarkEnd fldSimple proofErr"),
    "r": ("rPr", "t br tab cr fldChar instrText pict drawing noBreakHyphen softHyphen sym"),
    "tc": ("tcPr", "p tbl"),
    "body": (None, "p tbl sectPr"),
    "hdr": (None, "p tbl"),
    "ftr": (None, "p tbl"),
    "trPr": (None, "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight "
                   "tblHeader tblCellSpacing jc hidden"),
    "tblGrid": (None, "gridCol"),
    "rPrDefault": (None, "rPr"),
    "pPrDefault": (None, "pPr"),
    "document": (None, "background body"),
}

# Attribute values from the schema's simple types
VALUES = {
    ("jc", "val"): "start center end both mediumKashida distribute numTab highKashida "
                   "lowKashida thaiDistribute left right",
    ("vAlign", "val"): "top center both bottom",
    ("vMerge", "val"): "continue restart",
    ("tblLayout", "val"): "fixed autofit",
    ("type", "val"): "nextPage nextColumn continuous evenPage oddPage",
    ("headerReference", "type"): "even default first",
    ("footerReference", "type"): "even default first",
    ("spacing", "lineRule"): "auto exact atLeast",
    ("tblW", "type"): "nil pct dxa auto",
    ("tcW", "type"): "nil pct dxa auto",
    ("top", "type"): "nil pct dxa auto",
    ("bottom", "type"): "nil pct dxa auto",
    ("left", "type"): "nil pct dxa auto",
    ("right", "type"): "nil pct dxa auto",
    ("pgSz", "orient"): "portrait landscape",
    ("fldChar", "fldCharType"): "begin separate end",
    ("br", "type"): "page column textWrapping",
    ("suff", "val"): "tab space nothing",
    ("lvlJc", "val"): "start center end both left right",
    ("multiLevelType", "val"): "singleLevel multilevel hybridMultilevel",
    ("style", "type"): "paragraph character table numbering",
    ("numFmt", "val"): "decimal upperRoman lowerRoman upperLetter lowerLetter bullet none",
}
ON_OFF = {"true", "false", "on", "off", "0", "1"}
ON_OFF_ELEMENTS = {"b", "bCs", "i", "iCs", "caps", "keepNext", "keepLines", "cantSplit",
                   "tblHeader", "titlePg", "qFormat", "semiHidden", "pageBreakBefore",
                   "widowControl", "doNotExpandShiftReturn"}
BORDER_VALUES = set("nil none single thick double dotted dashed dotDash dotDotDash triple".split())
BORDER_PARENTS = {"tblBorders", "tcBorders", "pBdr", "tblCellMar"}

RESULTS = Results()
check = RESULTS.check


def local(element):
    qname = etree.QName(element)
    return qname.localname if qname.namespace == W else None


def attribute(element, name):
    return element.get(f"{{{W}}}{name}")


def problems_of(part_name, root):
    """Every place in the part where Word's schema is not followed, as short lines"""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = local(element)
        if name is None:
            continue  # VML and other vocabularies inside w:pict: not checked here
        where = f"{part_name}: <w:{name}> at line {element.sourceline}"
        children = [c for c in element if isinstance(c.tag, str)]
        child_names = [local(c) for c in children]

        if name in RANKS:
            ranks = RANKS[name]
            last = -1
            for child, child_name in zip(children, child_names):
                if child_name is None or child_name not in ranks:
                    found.append(f"{where}: <{child.tag}> is not a child the schema allows")
                    continue
                if ranks[child_name] < last:
                    found.append(f"{where}: <w:{child_name}> comes after an element the schema "
                                 f"puts later ({' '.join(child_names)})")
                last = max(last, ranks[child_name])
        elif name in FIRST_THEN_ANY:
            first, rest = FIRST_THEN_ANY[name]
            allowed = set(rest.split())
            for i, (child, child_name) in enumerate(zip(children, child_names)):
                if first is not None and child_name == first:
                    if i != 0:
                        found.append(f"{where}: <w:{first}> is not its first child")
                elif child_name not in allowed:
                    found.append(f"{where}: <{child.tag}> is not a child the schema allows")

        if name == "body" and "sectPr" in child_names and child_names[-1] != "sectPr":
            found.append(f"{where}: the body's <w:sectPr> is not its last child")
        if name == "body":
            allowed = {"p", "tbl", "sectPr"}
            found += [f"{where}: <w:{n}> in the body" for n in child_names if n not in allowed]
        if name == "tc" and (not child_names or child_names[-1] != "p"):
            found.append(f"{where}: a table cell must end with a paragraph")
        if name == "tr" and "tc" not in child_names:
            found.append(f"{where}: a row without cells")
        if name == "tbl" and child_names[:2] != ["tblPr", "tblGrid"]:
            found.append(f"{where}: a table must start with <w:tblPr> and <w:tblGrid>")
        if name in ("hdr", "ftr") and "p" not in child_names:
            found.append(f"{where}: a header must hold a paragraph")

        parent = element.getparent()
        parent_name = local(parent) if parent is not None else None
        for (element_name, attribute_name), values in VALUES.items():
            if element_name != name:
                continue
            if name in ("top", "bottom", "left", "right") and parent_name != "tblCellMar":
                continue
            if name == "type" and parent_name != "sectPr":
                continue
            value = attribute(element, attribute_name)
            if value is not None and value not in values.split():
                found.append(f"{where}: {attribute_name}=\"{value}\" is not one of the schema's values")
        if name in ON_OFF_ELEMENTS:
            value = attribute(element, "val")
            if value is not None and value not in ON_OFF:
                found.append(f"{where}: val=\"{value}\" is not an on/off value")
        if parent_name in BORDER_PARENTS - {"tblCellMar"}:
            value = attribute(element, "val")
            if value not in BORDER_VALUES:
                found.append(f"{where}: border val=\"{value}\" is not one the writer is known to use")
        if name in ("t", "instrText") and element.text and \
                element.text != element.text.strip() and element.get(XML_SPACE) != "preserve":
            found.append(f"{where}: text with leading or trailing spaces lacks xml:space=\"preserve\"")
    return found


def with_merged_cells(plan):
    """The plan with cells merged up and left in its first table of three body rows or more"""
    plan = copy.deepcopy(plan)

    def tables(node):
        if isinstance(node, dict):
            if isinstance(node.get("table"), dict):
                yield node["table"]
            for value in node.values():
                yield from tables(value)
        elif isinstance(node, list):
            for value in node:
                yield from tables(value)

    for table in tables(plan):
        rows = table.get("rows", [])
        if len(rows) >= 3 and len(table["columns"]) >= 2:
            rows[1][0] = {"merge": "up"}
            rows[2][1] = {"merge": "left"}
            return plan
    return None


def export(plan_path, out_dir, name):
    docx_path = os.path.join(out_dir, name + ".docx")
    result = subprocess.run([KEHOACH, "--draft", "--export-docx", docx_path, plan_path],
                            capture_output=True, text=True)
    return docx_path if result.returncode == 0 else None, result.stderr


def check_package(name, docx_path):
    with zipfile.ZipFile(docx_path) as package:
        for part_name in sorted(package.namelist()):
            if not part_name.startswith("word/") or not part_name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(part_name))
            problems = problems_of(part_name, root)
            check(f"{name}: {part_name} follows the schema's order and values", not problems,
                  "\n# ".join(problems[:8]))


def check_the_checker():
    """Faults Word refuses are found: the check itself can fail"""
    faults = {
        "w:jc before w:spacing": "<w:p><w:pPr><w:jc w:val='both'/><w:spacing/></w:pPr></w:p>",
        "w:sz before w:b": "<w:p><w:r><w:rPr><w:sz w:val='28'/><w:b/></w:rPr></w:r></w:p>",
        "a cell without a paragraph": "<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>",
        "w:pgMar before w:pgSz": "<w:sectPr><w:pgMar/><w:pgSz/></w:sectPr>",
        "jc=\"justify\"": "<w:p><w:pPr><w:jc w:val='justify'/></w:pPr></w:p>",
        "an unknown child": "<w:p><w:pPr><w:keepTogether/></w:pPr></w:p>",
        "spaces without xml:space": "<w:p><w:r><w:t> Căn cứ</w:t></w:r></w:p>",
    }
    for fault, body in faults.items():
        root = etree.fromstring(f"<w:document xmlns:w='{W}'><w:body>{body}</w:body></w:document>")
        check(f"the check finds {fault}", problems_of("test", root))


def main():
    check_the_checker()
    with tempfile.TemporaryDirectory() as out_dir:
        samples = sorted(f for f in os.listdir(SAMPLES) if f.endswith(".kehoach.json"))
        for sample in samples:
            name = sample.removesuffix(".kehoach.json")
            docx_path, errors = export(os.path.join(SAMPLES, sample), out_dir, name)
            check(f"{name}: exported", docx_path is not None, errors.strip())
            if docx_path is not None:
                check_package(name, docx_path)

        with open(os.path.join(SAMPLES, "forms-thcs-hoi-khoe.kehoach.json"), encoding="utf-8") as f:
            merged = with_merged_cells(json.load(f))
        check("forms sample has a table to merge cells in", merged is not None)
        if merged is not None:
            merged_path = os.path.join(out_dir, "merged.kehoach.json")
            with open(merged_path, "w", encoding="utf-8") as f:
                json.dump(merged, f, ensure_ascii=False)
            docx_path, errors = export(merged_path, out_dir, "merged")
            check("merged cells: exported", docx_path is not None, errors.strip())
            if docx_path is not None:
                with zipfile.ZipFile(docx_path) as package:
                    document = package.read("word/document.xml").decode()
                check("merged cells: written as w:vMerge and w:gridSpan",
                      "<w:vMerge" in document and "<w:gridSpan" in document)
                check_package("merged cells", docx_path)

    return RESULTS.print_tap()


sys.exit(main())
