#!/usr/bin/env python3
"""Checks the EN 16931 model rules written by hand in validation/en16931/
against a release: every rule the release's abstract models and code lists
assert (the UBL and CII artefacts: */abstract/*model.sch, */codelist/*.sch)
has a rule literal {"ID", kFlag, "term", "message"} there, with the flag
and the message (whitespace collapsed) of one of the two artefacts, and no
literal names a rule the release lacks. The terms (BT-n, BG-n) are ours.

    tools/check_model_rules.py RELEASE_DIR SOURCE_DIR...

Exit status 1 with each difference listed (what a new release changed:
rules added, removed, reworded, flags changed), 0 when they agree.
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generated_table import SCHEMATRON, ReleaseError, parse_schematron  # noqa: E402
MODELS = ["ubl/abstract/EN16931-model.sch", "cii/abstract/EN16931-CII-model.sch",
          "ubl/codelist/EN16931-UBL-codes.sch", "cii/codelist/EN16931-CII-codes.sch"]
LITERAL = re.compile(r'\{\s*"(BR-[A-Z0-9-]+)",\s*(kFatal|kWarning),\s*"[^"]*",\s*'
                     r'((?:"(?:[^"\\]|\\.)*"\s*)+)\}')
FLAGS = {"kFatal": "fatal", "kWarning": "warning"}


def collapse(text):
    return " ".join(text.replace("\xa0", " ").split())


def release_rules(release):
    rules = {}
    for model in MODELS:
        path = release / model
        try:
            root = parse_schematron(path)
        except ReleaseError as error:
            raise SystemExit(f"check_model_rules: {error}")
        for check in root.iter(SCHEMATRON + "assert"):
            rules.setdefault(check.get("id", ""), set()).add(
                (check.get("flag", ""), collapse("".join(check.itertext()))))
    return rules


def source_rules(folders):
    rules = {}
    for folder in folders:
        for path in sorted(pathlib.Path(folder).glob("*.[hc]*")):
            for found in LITERAL.finditer(path.read_text()):
                pieces = re.findall(r'"((?:[^"\\]|\\.)*)"', found.group(3))
                message = "".join(pieces).replace('\\"', '"').replace("\\\\", "\\")
                rules.setdefault(found.group(1), []).append(
                    (FLAGS[found.group(2)], collapse(message), path))
    return rules


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    published = release_rules(pathlib.Path(argv[1]))
    written = source_rules(argv[2:])
    problems = []
    for rule_id in sorted(set(published) - set(written)):
        problems.append(f"{rule_id}: in the release, no rule literal in the sources")
    for rule_id, literals in sorted(written.items()):
        for flag, message, path in literals:
            if rule_id not in published:
                problems.append(f"{path}: {rule_id}: not in the release")
            elif (flag, message) not in published[rule_id]:
                release_flag, release_message = sorted(published[rule_id])[0]
                problems.append(f"{path}: {rule_id}: {flag} {message!r}; the release: "
                                f"{release_flag} {release_message!r}")
    for problem in problems:
        print(problem)
    print(f"check_model_rules: {len(published)} rules of the release, "
          f"{sum(len(v) for v in written.values())} literals, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
