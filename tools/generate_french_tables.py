#!/usr/bin/env python3
"""Writes validation/fr/french_tables.h from a French release folder.

Reads the release's Flux 2 Schematrons for CII and UBL
(*_BR-FR-Flux2-Schematron-CII_*.sch, *_BR-FR-Flux2-Schematron-UBL_*.sch):

- every assert's id, flag, business term (the BT, BG or EXT-FR-FE its id
  names; empty when it names none) and message, whitespace runs joined. A
  message quotes values with <value-of>: in the path rules below, a
  value-of "." is written "{}" (the checker fills in the element's value);
  every other value-of is written "…" (the static parts are the published
  ones, the value is not quoted);
- the path rules: the asserts whose test checks the context element's own
  text (string-length(.) le N, custom:is-valid-id-format(.),
  custom:is-valid-date-format(.), custom:is-valid-document-type-code(.),
  custom:is-valid-schemeid-format(.), normalize-space(.) != '', or ". = (...)"
  with the list of custom:is-valid-document-type-code), with their
  context as a path below the root (CII), or one per root of the context's
  union (UBL Invoice and CreditNote).

The logic of the other rules is code (validation/fr/french_cii.h,
french_ubl.h).

    tools/generate_french_tables.py [--check] RELEASE_DIR OUT.h
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generated_table import (  # noqa: E402
    FLAGS,
    SCHEMATRON,
    ReleaseError,
    cpp_string,
    parse_schematron,
    write_or_check,
)

XSL = "{http://www.w3.org/1999/XSL/Transform}"
SOURCES = {"CII": "*_BR-FR-Flux2-Schematron-CII_*.sch", "UBL": "*_BR-FR-Flux2-Schematron-UBL_*.sch"}
CHECKS = [
    (r"string-length\(\.\) le (\d+)", "kMaxLength"),
    (r"custom:is-valid-id-format\(\.\)", "kIdFormat"),
    (r"custom:is-valid-date-format\(\.\)", "kDate"),
    (r"custom:is-valid-document-type-code\(\.\)", "kDocumentType"),
    (r"custom:is-valid-schemeid-format\(\.\)", "kSchemeFormat"),
    (r"normalize-space\(\.\) != ''", "kNotBlank"),
]
TERM = re.compile(r"BR-FR-(?:[A-Z]+-)*\d+\w*?[_-]((?:EXT-FR-FE-BG|EXT-FR-FE|BT|BG)-\d+)")
ROOTS = {"CII": {"rsm:CrossIndustryInvoice": None},
         "UBL": {"ubl:Invoice": "Root::kInvoice", "cn:CreditNote": "Root::kCreditNote"}}
# The paths' own minimum, so that a release whose Schematron lost its rules
# is refused rather than written as an empty table.
MINIMUM_PATH_RULES = 30


def one_line(text):
    return " ".join(text.split())


def document_types(root):
    """The codes of custom:is-valid-document-type-code, or None."""
    for function in root.iter(XSL + "function"):
        if function.get("name") == "custom:is-valid-document-type-code":
            for variable in function.iter(XSL + "variable"):
                return set(variable.get("select", "").strip().strip("'").split())
    return None


def path_check(test, types):
    listed = re.fullmatch(r"\. = \(((?:\s*'[^']*'\s*,?)+)\)", test)
    if listed and types and set(re.findall(r"'([^']*)'", listed.group(1))) == types:
        return "kDocumentType", 0  # the function's list written out
    for form, kind in CHECKS:
        found = re.fullmatch(form, test)
        if found:
            return kind, int(found.group(1)) if found.groups() else 0
    return None


def message_of(check, fill_dot):
    parts = [check.text or ""]
    for child in check:
        if child.tag == SCHEMATRON + "value-of":
            parts.append("{}" if fill_dot and child.get("select", "").strip() == "." else "…")
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return one_line("".join(parts))


def read(release, syntax):
    sources = sorted(release.glob(SOURCES[syntax]))
    if len(sources) != 1:
        raise ReleaseError(f"{release}: expected one {SOURCES[syntax]}, found {len(sources)}")
    path = sources[0]
    root = parse_schematron(path)
    types = document_types(root)
    rules, paths = {}, []
    for rule in root.iter(SCHEMATRON + "rule"):
        context = one_line(rule.get("context", ""))
        for check in rule.iter(SCHEMATRON + "assert"):
            rule_id, flag = check.get("id", ""), check.get("flag", "")
            if not rule_id.startswith("BR-FR-") or flag not in FLAGS:
                raise ReleaseError(f"{path}: assert {rule_id!r} (flag {flag!r}) is not BR-FR-* fatal|warning")
            found = path_check(one_line(check.get("test", "")), types)
            term = TERM.match(rule_id)
            entry = (flag, term.group(1) if term else "", message_of(check, found is not None))
            if rules.setdefault(rule_id, entry) != entry:
                raise ReleaseError(f"{path}: {rule_id} has two flags or messages")
            if not found:
                continue
            for alternative in context.split(" | "):
                first, _, below = alternative.strip().partition("/")
                if first not in ROOTS[syntax] or not below:
                    raise ReleaseError(f"{path}: {rule_id}: context {alternative!r} is not a path below "
                                       f"{' or '.join(ROOTS[syntax])}")
                paths.append((rule_id, below, found[0], found[1], ROOTS[syntax][first]))
    if len(paths) < MINIMUM_PATH_RULES:
        raise ReleaseError(f"{path}: only {len(paths)} path rules (string-length(.), custom:is-valid-*(.), "
                           "normalize-space(.)); expected at least {MINIMUM_PATH_RULES}")
    return path, rules, paths


def rule_literal(rule_id, rules):
    flag, term, message = rules[rule_id]
    return f"{{{cpp_string(rule_id)}, {FLAGS[flag]}, {cpp_string(term)}, {cpp_string(message)}}}"


def generate(release):
    cii_path, cii_rules, cii_paths = read(release, "CII")
    ubl_path, ubl_rules, ubl_paths = read(release, "UBL")
    out = [
        "#pragma once",
        "",
        f"// The French Flux 2 rules (BR-FR), release {release.name}: generated by",
        f"// tools/generate_french_tables.py from {cii_path.name} and",
        f"// {ubl_path.name}. Every assert's id, flag, term (the BT, BG or",
        "// EXT-FR-FE its id names) and message as published, each <value-of> written",
        '// "…", except a value-of "." in a path rule, written "{}" for the value the',
        "// checker fills in; and the path rules (tests on the context element's own text)",
        "// with their context below the root. Do not edit by hand.",
        "",
        "#include <string_view>",
        "",
        '#include "validation/rule.h"',
        "",
        "namespace einvoice::validation::french {",
        "",
        "enum class PathCheck {",
        "  kMaxLength,     // string-length(.) le limit",
        "  kIdFormat,      // custom:is-valid-id-format(.)",
        "  kDate,          // custom:is-valid-date-format(.)",
        "  kDocumentType,  // custom:is-valid-document-type-code(.)",
        "  kSchemeFormat,  // custom:is-valid-schemeid-format(.)",
        "  kNotBlank,      // normalize-space(.) != ''",
        "};",
        "",
        "struct PathRule {",
        "  Rule rule;",
        '  std::string_view path;  // below the root, "rsm:ExchangedDocument/ram:ID"',
        "  PathCheck check;",
        "  int limit;",
        "};",
        "",
        "// The UBL artefact's path rules, for Invoice and CreditNote roots.",
        "enum class Root { kInvoice, kCreditNote };",
        "",
        "struct UblPathRule {",
        "  Rule rule;",
        "  std::string_view path;  // below the root",
        "  PathCheck check;",
        "  int limit;",
        "  Root root;",
        "};",
        "",
        "inline constexpr std::string_view kRelease = " + cpp_string(release.name) + ";",
        "",
        "// Every assert of the CII Schematron, in its order.",
        "inline constexpr Rule kCiiRules[] = {",
    ]
    out += [rule_literal(i, cii_rules) + "," for i in cii_rules]
    out += ["};", "", "// Every assert of the UBL Schematron, in its order.",
            "inline constexpr Rule kUblRules[] = {"]
    out += [rule_literal(i, ubl_rules) + "," for i in ubl_rules]
    out += ["};", "", "// clang-format off", "inline constexpr PathRule kPathRules[] = {"]
    for rule_id, below, kind, limit, _ in cii_paths:
        out.append(f"    {{{rule_literal(rule_id, cii_rules)}, {cpp_string(below)}, PathCheck::{kind}, {limit}}},")
    out += ["};", "", "inline constexpr UblPathRule kUblPathRules[] = {"]
    for rule_id, below, kind, limit, root in ubl_paths:
        out.append(f"    {{{rule_literal(rule_id, ubl_rules)}, {cpp_string(below)}, PathCheck::{kind}, "
                   f"{limit}, {root}}},")
    out += ["};", "// clang-format on", "", "}  // namespace einvoice::validation::french"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(write_or_check(sys.argv, generate, "french_tables.h", __doc__))
