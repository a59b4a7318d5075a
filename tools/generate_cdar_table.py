#!/usr/bin/env python3
"""Writes validation/cdar/cdar_table.h from a French release folder.

Reads the release's lifecycle-status Schematron (*_BR-FR-CDV-Schematron-CDAR_*.sch):
its namespace prefixes; every rule context with the index of its pattern
(Schematron applies, within a pattern, only the first rule whose context
matches a node); every assert's id, flag, business term (the MDT/MDG of its
id), message (whitespace runs joined, each <value-of> written "{}", filled
by the checker in order) and test; and the code lists of the table-driven
rules: the lists of the custom:is-valid-* functions, and the values an
assert's test compares one subject with (SUBJECTS below), with the value
its guard names (the MDT-77 type or the status the list is for). The
logic of each test is code (validation/cdar/cdar_rules.cpp).

    tools/generate_cdar_table.py [--check] RELEASE_DIR OUT.h
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

SOURCE_GLOB = "*_BR-FR-CDV-Schematron-CDAR_*.sch"
XSL = "{http://www.w3.org/1999/XSL/Transform}"

# Rule id (regular expression) -> (the subject whose compared values make
# the list, the guard's regular expression or None). A rule named here that
# the release lacks, or whose list comes out empty, stops the generator.
DOT = r"(?:^|(?<=[\s(]))\."
SUBJECTS = [
    (r"BR-FR-CDV-09_MDT-77", DOT, None),
    (r"BR-FR-CDV-15_MDT-113", r"\(\.\)", None),
    (r"BR-FR-CDV-CL-01_MDT-2", r"ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID", None),
    (r"BR-FR-CDV-CL-02_MDT-21_\w+", r"ram:SenderTradeParty/ram:RoleCode",
     r"ram:TypeCode = '(\w+)'\)"),
    (r"BR-FR-CDV-CL-03_MDT-40_\w+", r"ram:IssuerTradeParty/ram:RoleCode",
     r"ram:TypeCode = '(\w+)'\)"),
    (r"BR-FR-CDV-CL-04_MDT-59", DOT, None),
    (r"BR-FR-CDV-CL-05_MDT-88_\w+", r"ram:StatusCode", r"^\.\./ram:TypeCode != '(\w+)'"),
    (r"BR-FR-CDV-CL-07_MDT-132", DOT, None),
    (r"BR-FR-CDV-CL-08_MDT-158", DOT, None),
    (r"BR-FR-CDV-CL-09_MDT-113_\w+", r"\(\.\)", r"^\(\.\./\.\./ram:ProcessConditionCode != '(\w+)'"),
    (r"BR-FR-CDV-CL-11_MDT-207", DOT, None),
]
FUNCTION = re.compile(r"custom:(is-valid-[\w-]+)\(\.\)")


def one_line(text):
    return " ".join(text.split())


def function_lists(root, path):
    """custom function name -> its list of codes (a tokenized string or a
    sequence of string literals)."""
    lists = {}
    for function in root.iter(XSL + "function"):
        name = function.get("name", "").removeprefix("custom:")
        for variable in function.iter(XSL + "variable"):
            select = variable.get("select", "")
            if re.fullmatch(r"\s*'[^']*'\s*", select):
                lists[name] = select.strip().strip("'").split()
            elif re.fullmatch(r"\s*\(\s*'[^']*'(\s*,\s*'[^']*')*\s*\)\s*", select):
                lists[name] = re.findall(r"'([^']*)'", select)
    return lists


def compared_values(test, subject):
    """The literals `test` compares `subject` with (subject = 'x', or
    subject = ('x', 'y')), first occurrence order, without repeats."""
    values = []
    for found in re.finditer(subject + r"\s*=\s*(\('[^)]*\)|'[^']*')", test):
        for value in re.findall(r"'([^']*)'", found.group(1)):
            if value not in values:
                values.append(value)
    return values


def message_of(check):
    parts = [check.text or ""]
    for child in check:
        parts.append("{}" if child.tag == SCHEMATRON + "value-of" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return one_line("".join(parts))


def term_of(rule_id, path):
    found = re.search(r"_(MD[TG]-\d+(?:-\d+)?)", rule_id)
    if not found:
        raise ReleaseError(f"{path}: {rule_id} names no MDT or MDG term")
    return found.group(1)


def generate(release):
    sources = sorted(release.glob(SOURCE_GLOB))
    if len(sources) != 1:
        raise ReleaseError(f"{release}: expected one {SOURCE_GLOB}, found {len(sources)}")
    path = sources[0]
    root = parse_schematron(path)
    namespaces = [(ns.get("prefix"), ns.get("uri")) for ns in root.iter(SCHEMATRON + "ns")]
    functions = function_lists(root, path)
    contexts, asserts = [], []
    for pattern_index, pattern in enumerate(root.iter(SCHEMATRON + "pattern")):
        for rule in pattern.iter(SCHEMATRON + "rule"):
            context = one_line(rule.get("context", ""))
            if not re.fullmatch(r"\w+:\w+(/\w+:\w+)*", context):
                raise ReleaseError(f"{path}: rule context {context!r} is not a path of prefixed names")
            unknown = {step.split(":")[0] for step in context.split("/")} - {p for p, _ in namespaces}
            if unknown:
                raise ReleaseError(f"{path}: rule context {context!r} uses undeclared prefixes {sorted(unknown)}")
            if not rule.findall(SCHEMATRON + "assert"):
                raise ReleaseError(f"{path}: rule context {context!r} has no assert")
            for check in rule.iter(SCHEMATRON + "assert"):
                rule_id, flag = check.get("id", ""), check.get("flag", "")
                if not rule_id.startswith("BR-FR-") or flag not in FLAGS:
                    raise ReleaseError(f"{path}: assert {rule_id!r} (flag {flag!r}) is not BR-FR-* fatal|warning")
                if any(a[0] == rule_id for a in asserts):
                    raise ReleaseError(f"{path}: {rule_id} appears twice")
                asserts.append((rule_id, flag, term_of(rule_id, path), message_of(check),
                                len(contexts), one_line(check.get("test", ""))))
            contexts.append((pattern_index, context))

    lists = []
    for rule_id, _, _, _, _, test in asserts:
        function = FUNCTION.fullmatch(test)
        if function:
            if function.group(1) not in functions:
                raise ReleaseError(f"{path}: {rule_id} calls custom:{function.group(1)}, which holds no list")
            lists.append((rule_id, "", functions[function.group(1)]))
    for id_form, subject, guard in SUBJECTS:
        matching = [a for a in asserts if re.fullmatch(id_form, a[0])]
        if not matching:
            raise ReleaseError(f"{path}: no rule {id_form}")
        for rule_id, _, _, _, _, test in matching:
            values = compared_values(test, subject)
            when = ""
            if guard:
                found = re.search(guard, test)
                when = found.group(1) if found else ""
                if not when:
                    raise ReleaseError(f"{path}: {rule_id}: no guard value in its test")
            if not values:
                raise ReleaseError(f"{path}: {rule_id}: no value compared with {subject} in its test")
            lists.append((rule_id, when, values))
    order = {a[0]: n for n, a in enumerate(asserts)}
    lists.sort(key=lambda entry: order[entry[0]])

    out = [
        "#pragma once",
        "",
        f"// The BR-FR-CDV rules of the French lifecycle statuses (CDAR), release {release.name}:",
        f"// generated by tools/generate_cdar_table.py from {path.name}.",
        "// Namespace prefixes, rule contexts (with their pattern: within a pattern only the",
        "// first rule whose context matches a node applies), every assert's id, flag, term,",
        '// message (each <value-of> written "{}") and test as published, and the code lists',
        "// of the table-driven rules. The tests are code (cdar_rules.cpp). Do not edit by hand.",
        "",
        "#include <cstddef>",
        "#include <cstdint>",
        "#include <string_view>",
        "",
        '#include "validation/rule.h"',
        "",
        "namespace einvoice::validation::cdar {",
        "",
        "struct Namespace {",
        "  std::string_view prefix;",
        "  std::string_view uri;",
        "};",
        "",
        "struct Context {",
        "  std::uint8_t pattern;     // index of its pattern in the Schematron",
        '  std::string_view path;    // "rsm:A/ram:B": matches a ram:B child of an rsm:A anywhere',
        "};",
        "",
        "struct Assert {",
        "  Rule rule;",
        "  std::uint8_t context;     // index in kContexts",
        "  std::string_view test;    // the XPath test as published, whitespace joined",
        "};",
        "",
        "// The values a rule's test accepts (or, for BR-FR-CDV-15, the statuses that",
        "// need a reason); `when` is the MDT-77 type or the status the list is for.",
        "struct CodeList {",
        "  std::string_view rule;",
        "  std::string_view when;",
        "  const std::string_view* codes;",
        "  std::size_t size;",
        "};",
        "",
        "inline constexpr std::string_view kRelease = " + cpp_string(release.name) + ";",
        "inline constexpr std::string_view kSource = " + cpp_string(path.name) + ";",
        "",
        "inline constexpr Namespace kNamespaces[] = {",
    ]
    out += [f"{{{cpp_string(p)}, {cpp_string(u)}}}," for p, u in namespaces]
    out += ["};", "", "inline constexpr Context kContexts[] = {"]
    out += [f"{{{p}, {cpp_string(c)}}}," for p, c in contexts]
    out += ["};", "", "inline constexpr Assert kAsserts[] = {"]
    for rule_id, flag, term, message, context, test in asserts:
        out.append(f"{{{{{cpp_string(rule_id)}, {FLAGS[flag]}, {cpp_string(term)}, "
                   f"{cpp_string(message)}}}, {context}, {cpp_string(test)}}},")
    out += ["};", ""]
    names = []
    for rule_id, _, values in lists:
        name = "k" + re.sub(r"[^A-Za-z0-9]", "_", rule_id)
        names.append(name)
        out.append(f"inline constexpr std::string_view {name}[] = {{"
                   + ", ".join(cpp_string(v) for v in values) + "};")
    out += ["", "inline constexpr CodeList kCodeLists[] = {"]
    for (rule_id, when, values), name in zip(lists, names):
        out.append(f"{{{cpp_string(rule_id)}, {cpp_string(when)}, {name}, {len(values)}}},")
    out += ["};", "", "}  // namespace einvoice::validation::cdar"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(write_or_check(sys.argv, generate, "cdar_table.h", __doc__))
