"""What the table generators share: the error a release raises, C++ string
literals, and writing (or checking) the clang-formatted output."""

import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

# The Schematron namespace, as ElementTree spells qualified names.
SCHEMATRON = "{http://purl.oclc.org/dsdl/schematron}"


class ReleaseError(Exception):
    """The release folder does not hold what a table needs; the message names
    the file and the rule."""


def parse_schematron(path):
    """The root element of the Schematron at `path` (no DTD nor external
    entity is loaded by ElementTree); ReleaseError naming it otherwise."""
    try:
        return ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise ReleaseError(f"{path}: {error}")


def cpp_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Schematron flags as validation/rule.h spells them.
FLAGS = {"fatal": "kFatal", "warning": "kWarning"}


def rule_rows(rules, order):
    """The rows of a kRules table (validation/rule.h) for `rules`, id ->
    (flag, message), in the order `order(id)` gives."""
    return [f'{{{cpp_string(rule_id)}, {FLAGS[rules[rule_id][0]]}, "", '
            f'{cpp_string(rules[rule_id][1])}}},' for rule_id in sorted(rules, key=order)]


def formatted(text, file_name):
    """`text` formatted with the repository's clang-format."""
    style = pathlib.Path(__file__).resolve().parent.parent / ".clang-format"
    return subprocess.run(
        ["clang-format", f"--style=file:{style}", f"--assume-filename={file_name}"],
        input=text, capture_output=True, text=True, check=True).stdout


def write_or_check(argv, generate, file_name, doc):
    """The command line of a generator: [--check] RELEASE_DIR OUT. Writes OUT,
    or with --check compares it with what the release makes (exit 1 when it
    differs). `generate(release_path)` returns the unformatted text."""
    name = pathlib.Path(argv[0]).name
    check = len(argv) > 1 and argv[1] == "--check"
    if check:
        argv = argv[:1] + argv[2:]
    if len(argv) != 3:
        print(doc.strip().splitlines()[0], file=sys.stderr)
        print(f"usage: {name} [--check] RELEASE_DIR OUT", file=sys.stderr)
        return 2
    release, out = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    try:
        text = formatted(generate(release), file_name)
    except ReleaseError as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 1
    if check:
        committed = out.read_text() if out.exists() else ""
        if committed != text:
            print(f"{name}: {out} is not what {release} makes; regenerate it "
                  "(cmake --build BUILD --target generate-rule-tables) and read the diff",
                  file=sys.stderr)
            return 1
        return 0
    out.write_text(text)
    return 0
