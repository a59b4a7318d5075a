#!/usr/bin/env python3
"""Writes validation/en16931/code_list_tables.h from an EN 16931 release folder.

The allowed values of the code-list rules (BR-CL-*) are read from the
release's own Schematrons: {cii,ubl}/codelist/EN16931-*-codes.sch, whose
asserts test contains(' A B C ', concat(' ', normalize-space(.), ' ')), and
the UBL model's BR-CL-08, which tests contains(list, code) on its string as
written. Each table is sorted in byte order (binary search); the output is
formatted with the repository's clang-format so that a regeneration from the
same release is byte-identical to the committed file.

    tools/generate_code_lists.py ../shared/rules/en16931-1.3.16 OUT.h
    tools/generate_code_lists.py --check ../shared/rules/en16931-1.3.16 OUT.h

With --check, nothing is written: exit status 1 when OUT.h is not what the
release makes (the committed table was edited by hand, or the release or
the generator changed without regenerating).

Exit status 1 with a message naming the file and the rule when the release
does not hold what a table needs (a rule renamed or removed, a list that the
CII and UBL artefacts no longer agree on).
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generated_table import (  # noqa: E402
    SCHEMATRON,
    ReleaseError,
    cpp_string,
    parse_schematron,
    write_or_check,
)


# (C++ name, comment, artefacts whose list it is, rule id, branch): with a
# branch, the list the test applies to that element ("self::cbc:X and ...").
# A table read from both artefacts must be the same in both.
TABLES = [
    ("kCiiDocumentTypes", "UNTDID 1001 subset of the CII artefact (BR-CL-01)", ["cii"], "BR-CL-01", None),
    ("kUblInvoiceTypes", "UNTDID 1001 invoice subset of the UBL artefact (BR-CL-01)", ["ubl"], "BR-CL-01", "InvoiceTypeCode"),
    ("kUblCreditNoteTypes", "UNTDID 1001 credit note subset of the UBL artefact (BR-CL-01)", ["ubl"], "BR-CL-01", "CreditNoteTypeCode"),
    ("kCurrencies", "ISO 4217 alpha-3 (BR-CL-03, BR-CL-04, BR-CL-05)", ["cii", "ubl"], "BR-CL-03", None),
    ("kCiiDateCodes", "UNTDID 2475 restriction (BR-CL-06, CII)", ["cii"], "BR-CL-06", None),
    ("kUblDateCodes", "UNTDID 2005 restriction (BR-CL-06, UBL)", ["ubl"], "BR-CL-06", None),
    ("kObjectSchemes", "UNTDID 1153 (BR-CL-07)", ["cii", "ubl"], "BR-CL-07", None),
    ("kSubjectCodes", "UNTDID 4451 (BR-CL-08)", ["cii"], "BR-CL-08", None),
    ("kIcd", "ISO 6523 ICD (BR-CL-10, BR-CL-11, BR-CL-21, BR-CL-26)", ["cii", "ubl"], "BR-CL-10", None),
    ("kClassificationSchemes", "UNTDID 7143 (BR-CL-13)", ["cii", "ubl"], "BR-CL-13", None),
    ("kCiiCountries", "ISO 3166-1 as listed by the CII artefact (BR-CL-14, BR-CL-15)", ["cii"], "BR-CL-14", None),
    ("kUblCountries", "ISO 3166-1 as listed by the UBL artefact (BR-CL-14, BR-CL-15)", ["ubl"], "BR-CL-14", None),
    ("kPaymentMeans", "UNTDID 4461 (BR-CL-16)", ["cii", "ubl"], "BR-CL-16", None),
    ("kVatCategories", "UNTDID 5305 subset (BR-CL-17, BR-CL-18)", ["cii", "ubl"], "BR-CL-17", None),
    ("kAllowanceReasons", "UNTDID 5189 (BR-CL-19)", ["cii", "ubl"], "BR-CL-19", None),
    ("kChargeReasons", "UNTDID 7161 (BR-CL-20)", ["cii", "ubl"], "BR-CL-20", None),
    ("kVatex", "CEF VATEX (BR-CL-22)", ["cii", "ubl"], "BR-CL-22", None),
    ("kUnits", "UN/ECE Rec 20 with Rec 21 (BR-CL-23)", ["cii", "ubl"], "BR-CL-23", None),
    ("kMimeCodes", "MIME media types (BR-CL-24)", ["cii", "ubl"], "BR-CL-24", None),
    ("kEas", "CEF EAS (BR-CL-25)", ["cii", "ubl"], "BR-CL-25", None),
]

CODES_FILE = {"cii": "cii/codelist/EN16931-CII-codes.sch", "ubl": "ubl/codelist/EN16931-UBL-codes.sch"}
UBL_MODEL = "ubl/UBL/EN16931-UBL-model.sch"


def asserts(path):
    """(rule context, assert id, test) of every assert of a Schematron file."""
    root = parse_schematron(path)
    for rule in root.iter(SCHEMATRON + "rule"):
        for check in rule.iter(SCHEMATRON + "assert"):
            yield rule.get("context", ""), check.get("id", ""), check.get("test", "")


def quoted_list(test, origin):
    """The codes `test` allows, space-separated: the list of its first
    contains(' ... ', ...), or the values of its "@attribute = 'value'" tests
    joined by "or" (how BR-CL-24 lists MIME types)."""
    found = re.search(r"contains\(\s*'( [^']* )'", test)
    if found:
        return found.group(1)
    values = re.findall(r"@[A-Za-z]+\s*=\s*'([^' ]+)'", test)
    if values:
        return " " + " ".join(values) + " "
    raise ReleaseError(f"{origin}: its test lists no codes (no contains(' list ', ...) nor @a = 'v')")


def read_table(release, syntax, rule_id, branch):
    path = release / CODES_FILE[syntax]
    lists = []
    for context, assert_id, test in asserts(path):
        if assert_id != rule_id:
            continue
        origin = f"{path}: {rule_id} ({context})"
        if branch:
            at = test.find(f"self::cbc:{branch} ")
            if at < 0:
                raise ReleaseError(f"{origin}: its test has no branch for cbc:{branch}")
            test = test[at:]
        lists.append(quoted_list(test, origin))
    if not lists:
        raise ReleaseError(f"{path}: no assert {rule_id}")
    codes = [sorted(set(text.split())) for text in lists]
    if any(c != codes[0] for c in codes[1:]):
        raise ReleaseError(f"{path}: the asserts {rule_id} list different codes")
    return codes[0]


def ubl_note_subjects(release):
    """The list BR-CL-08's test holds in the UBL binding (a <param> the
    abstract model's assert names), exactly as written."""
    path = release / UBL_MODEL
    root = parse_schematron(path)
    for param in root.iter(SCHEMATRON + "param"):
        if param.get("name") == "BR-CL-08":
            return quoted_list(param.get("value", ""), f"{path}: BR-CL-08")
    raise ReleaseError(f"{path}: no param BR-CL-08")


def generate(release):
    name = release.name
    version = name.split("-")[-1] if "-" in name else name
    out = [
        "#pragma once",
        "",
        f"// Allowed values of the EN 16931 code-list rules (BR-CL-*), release {version}.",
        f"// Generated by tools/generate_code_lists.py from {name}/",
        "// {cii,ubl}/codelist/EN16931-*-codes.sch and ubl/UBL/EN16931-UBL-model.sch",
        "// (BR-CL-08); each table is sorted (byte order) for binary search. Do not",
        "// edit by hand: regenerate (cmake --build BUILD --target generate-rule-tables).",
        "",
        "#include <algorithm>",
        "#include <array>",
        "#include <span>",
        "#include <string_view>",
        "",
        "namespace einvoice::validation::code_lists {",
        "",
    ]
    for cpp_name, comment, syntaxes, rule_id, branch in TABLES:
        tables = [read_table(release, s, rule_id, branch) for s in syntaxes]
        if any(t != tables[0] for t in tables[1:]):
            raise ReleaseError(f"{rule_id}: the CII and UBL artefacts list different codes")
        codes = sorted(tables[0], key=lambda code: code.encode())
        out.append(f"// {comment}: {len(codes)} codes.")
        out.append(f"inline constexpr std::array<std::string_view, {len(codes)}> {cpp_name} = {{")
        out.append(", ".join(cpp_string(code) for code in codes) + ",")
        out.append("};")
        out.append("")
    subjects = ubl_note_subjects(release)
    out.append("// UNTDID 4451 as written in the UBL artefact's BR-CL-08 (EN16931-UBL-model.sch),")
    out.append(f"// which tests contains(list, code) on this very string: {len(subjects.split())} codes.")
    out.append(f"inline constexpr std::string_view kUblNoteSubjects = {cpp_string(subjects)};")
    out.append("")
    out.append("// True when `code` is one of `list` (a sorted table above).")
    out.append("inline bool contains(std::span<const std::string_view> list, std::string_view code) {")
    out.append("  return std::binary_search(list.begin(), list.end(), code);")
    out.append("}")
    out.append("")
    out.append("}  // namespace einvoice::validation::code_lists")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(write_or_check(sys.argv, generate, "code_list_tables.h", __doc__))
