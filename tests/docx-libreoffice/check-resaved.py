#!/usr/bin/python3
# check-resaved.py: a plan's Word file that a colleague opened and saved again in LibreOffice
# still imports as the same plan. LibreOffice keeps our named styles but gives them new ids
# made of the names' ASCII letters ("Thẩm quyền ban hành" → "Thmquynbanhnh"), writes "no
# first-line indent" as a hanging indent of 0, reorders properties and adds its own; the import
# knows our styles by their names too. For every sample: `kehoach --export-docx`, LibreOffice
# converts that .docx to .docx, and `kehoach --import-docx` of both must give the same plan,
# member by member (table column widths within 0.1: LibreOffice rounds the grid by a twip).
# Skips when LibreOffice is not installed. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "util"))
from tap import Results  # noqa: E402 (tests/util/tap.py)

KEHOACH = sys.argv[1]
SAMPLES = os.environ["KEHOACH_SAMPLES_DIR"]
SOFFICE_TIMEOUT_S = 300


def flatten(node, path=""):
    """(path, value) for every leaf of a JSON tree"""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from flatten(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from flatten(value, f"{path}/{i}")
    else:
        yield path, node


def differences(ours, resaved):
    """The members that differ, as lines"""
    a = dict(flatten(ours))
    b = dict(flatten(resaved))
    found = []
    for path in sorted(set(a) | set(b)):
        if path.startswith("/review"):
            continue  # the import's own record: names the file it read
        x, y = a.get(path, "(absent)"), b.get(path, "(absent)")
        if x == y:
            continue
        if "/columns/" in path and path.endswith("/width") and \
                isinstance(x, (int, float)) and isinstance(y, (int, float)) and abs(x - y) <= 0.1 + 1e-9:
            continue
        found.append(f"{path}: {str(x)[:80]!r} became {str(y)[:80]!r}")
    return found


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S + 30)


def main():
    if shutil.which("soffice") is None:
        print("1..0 # SKIP LibreOffice (libreoffice-writer-nogui) is not installed: build-aux/test "
              "installs it")
        return 0

    results = Results()
    samples = sorted(f for f in os.listdir(SAMPLES) if f.endswith(".kehoach.json"))
    with tempfile.TemporaryDirectory(prefix="kehoach-resaved-") as work:
        profile = "file://" + os.path.join(work, "profile")
        for sample in samples:
            name = sample.removesuffix(".kehoach.json")
            ours = os.path.join(work, name + ".docx")
            outdir = os.path.join(work, "libreoffice")
            resaved = os.path.join(outdir, name + ".docx")

            result = run([KEHOACH, "--draft", "--export-docx", ours, os.path.join(SAMPLES, sample)])
            if result.returncode != 0:
                results.check(f"{name}: exported", False, result.stderr.strip())
                continue
            result = run(["timeout", str(SOFFICE_TIMEOUT_S), "soffice", f"-env:UserInstallation={profile}",
                          "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML",
                          "--outdir", outdir, ours])
            if result.returncode != 0 or not os.path.exists(resaved):
                results.check(f"{name}: LibreOffice saved it again", False, result.stderr.strip())
                continue

            plans = []
            for docx, label in ((ours, "ours"), (resaved, "resaved")):
                out = os.path.join(work, f"{name}.{label}.kehoach.json")
                result = run([KEHOACH, "--import-docx", out, docx])
                if result.returncode != 0:
                    results.check(f"{name}: {label} imports", False, result.stderr.strip())
                    break
                with open(out, encoding="utf-8") as f:
                    plans.append(json.load(f))
            if len(plans) != 2:
                continue
            found = differences(*plans)
            results.check(f"{name}: saved again by LibreOffice, it imports as the same plan",
                          not found, "\n# ".join(found[:12]))

    return results.print_tap()


sys.exit(main())
