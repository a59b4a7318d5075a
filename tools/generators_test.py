#!/usr/bin/env python3
"""Checks that the table generators refuse a release that does not hold what
their tables need, naming the file and the rule, rather than writing a table
that silently lacks codes or rules, and that check_model_rules names a rule
the release reworded: a release copy in a temporary folder is broken in one
place per case. Run by ctest: EN16931_RELEASE_DIR [FRENCH_RELEASE_DIR], the
pinned ones."""

import pathlib
import shutil
import subprocess
import sys
import tempfile

TOOLS = pathlib.Path(__file__).resolve().parent


def run(generator, release, out):
    return subprocess.run([sys.executable, str(TOOLS / generator), str(release), str(out)],
                          capture_output=True, text=True)


def broken(release, relative, old, new, scratch):
    """A copy of `release` whose `relative` file has `old` replaced by `new`."""
    copy = pathlib.Path(scratch) / "release"
    shutil.rmtree(copy, ignore_errors=True)
    (pathlib.Path(scratch) / "out.h").unlink(missing_ok=True)
    shutil.copytree(release, copy)
    path = copy / relative
    text = path.read_bytes().decode("latin-1")
    if old not in text:
        raise AssertionError(f"{relative}: {old!r} not found: the case no longer applies")
    path.write_bytes(text.replace(old, new, 1).encode("latin-1"))
    return copy


def main(argv):
    release = pathlib.Path(argv[1])
    french = pathlib.Path(argv[2]) if len(argv) > 2 else None
    cases = [
        ("generate_code_lists.py", "cii/codelist/EN16931-CII-codes.sch", 'id="BR-CL-03"',
         'id="BR-CL-03X"', "BR-CL-03"),
        ("generate_code_lists.py", "ubl/codelist/EN16931-UBL-codes.sch", " AED AFN ", " AFN ",
         "BR-CL-03"),
        ("generate_cii_syntax_table.py",
         "cii/preprocessed/EN16931-CII-validation-preprocessed.sch",
         'id="EN16931-CII-Syntax"', 'id="EN16931-CII-Other"', "EN16931-CII-Syntax"),
        ("generate_ubl_syntax_table.py", "ubl/UBL/EN16931-UBL-syntax.sch",
         '<param name="UBL-SR-01"', '<param name="UBL-SR-01-gone"', "UBL-SR-01"),
    ]
    french_cases = []
    if french:
        cdv = next(french.glob("*_BR-FR-CDV-Schematron-CDAR_*.sch")).name
        french_cases = [
            ("generate_cdar_table.py", cdv, 'id="BR-FR-CDV-CL-04_MDT-59"',
             'id="BR-FR-CDV-CL-04_MDT-59X"', "BR-FR-CDV-CL-04_MDT-59"),
            ("generate_cdar_table.py", cdv, 'name="custom:is-valid-invoice-action-code"',
             'name="custom:is-valid-invoice-action-kode"', "is-valid-invoice-action-code"),
            ("generate_cdar_table.py", cdv, 'context="rsm:AcknowledgementDocument/ram:TypeCode"',
             'context="rsm:AcknowledgementDocument/xx:TypeCode"', "xx"),
            ("generate_french_tables.py",
             next(french.glob("*_BR-FR-Flux2-Schematron-CII_*.sch")).name,
             'context="rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID"',
             'context="rsm:Other/rsm:ExchangedDocument/ram:ID"', "BR-FR-01_BT-1"),
            ("generate_french_tables.py",
             next(french.glob("*_BR-FR-Flux2-Schematron-UBL_*.sch")).name,
             'flag="fatal" id="BR-FR-04_BT-3"', 'flag="error" id="BR-FR-04_BT-3"', "BR-FR-04_BT-3"),
        ]
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        for entry in [c + (release,) for c in cases] + [c + (french,) for c in french_cases]:
            generator, relative, old, new, named, source = entry
            copy = broken(source, relative, old, new, scratch)
            out = pathlib.Path(scratch) / "out.h"
            result = run(generator, copy, out)
            if result.returncode != 1 or named not in result.stderr or out.exists():
                failures += 1
                print(f"FAIL {generator} on {relative} ({old} -> {new}): exit "
                      f"{result.returncode}, stderr {result.stderr.strip()!r}, "
                      f"wrote {out.exists()}")
            else:
                print(f"ok   {generator}: {result.stderr.strip()}")
        # The hand-written model rules against a release that reworded one.
        copy = broken(release, "ubl/abstract/EN16931-model.sch",
                      "shall have an Invoice number (BT-1)", "shall have a number (BT-1)", scratch)
        cii = copy / "cii/abstract/EN16931-CII-model.sch"
        text = cii.read_bytes().decode("latin-1")
        cii.write_bytes(text.replace("shall have an Invoice number (BT-1)",
                                     "shall have a number (BT-1)").encode("latin-1"))
        result = subprocess.run(
            [sys.executable, str(TOOLS / "check_model_rules.py"), str(copy),
             str(TOOLS.parent / "validation" / "en16931")], capture_output=True, text=True)
        if result.returncode != 1 or "BR-02" not in result.stdout:
            failures += 1
            print(f"FAIL check_model_rules on a reworded BR-02: exit {result.returncode}, "
                  f"{result.stdout.strip()!r}")
        else:
            print(f"ok   check_model_rules: {result.stdout.splitlines()[0]}")
        failures += diff_case(pathlib.Path(scratch))
    return 1 if failures else 0


SCHEMATRON_TEXT = """<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule context="a">{}</rule></pattern></schema>
"""


def diff_case(scratch):
    """rules_release_diff on two made-up releases: one rule kept, one reflagged,
    one reworded, one removed, one added."""
    def release(name, file_name, asserts):
        folder = scratch / name
        folder.mkdir()
        body = "".join(f'<assert id="{i}" flag="{f}" test="{t}">{m}</assert>'
                       for i, f, t, m in asserts)
        (folder / file_name).write_text(SCHEMATRON_TEXT.format(body))
        return folder
    old = release("old", "20260101_BR-XX-Rules_V1.0.sch", [
        ("R-1", "fatal", "b", "kept"), ("R-2", "warning", "c", "flag"),
        ("R-3", "fatal", "d", "old words"), ("R-4", "fatal", "e", "gone")])
    new = release("new", "20260601_BR-XX-Rules_V1.1.sch", [
        ("R-1", "fatal", "b", "kept"), ("R-2", "fatal", "c", "flag"),
        ("R-3", "fatal", "d", "new words"), ("R-5", "fatal", "f", "new")])
    result = subprocess.run([sys.executable, str(TOOLS / "rules_release_diff.py"), str(old),
                             str(new)], capture_output=True, text=True)
    expected = ["## BR-XX-Rules", "4 -> 4 rules; 1 added, 1 removed, 2 changed.",
                "Added: R-5", "Removed: R-4", "- R-2: flag warning -> fatal", "- R-3: message"]
    missing = [line for line in expected if line not in result.stdout]
    if result.returncode != 0 or missing or "R-1" in result.stdout:
        print(f"FAIL rules_release_diff: exit {result.returncode}, missing {missing}, "
              f"output {result.stdout!r}")
        return 1
    print("ok   rules_release_diff: added, removed, reflagged and reworded rules named")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
