#!/usr/bin/env python3
"""What changed between two releases of a rule set: for each Schematron of
the new release folder, paired with the old one by its name without the
date prefix and version suffix, the rules (assert ids) added and removed,
and those whose flag, message or test changed.

    tools/rules_release_diff.py ../shared/rules/br-fr-1.3.1 ../shared/rules/br-fr-1.4.0.03

Prints a Markdown report; exit status 0. Reading is the generators' own
(tools/generated_table.py): no DTD nor external entity is loaded.
"""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generated_table import SCHEMATRON, ReleaseError, parse_schematron  # noqa: E402


def family(path):
    """The file's name without a leading date and a trailing version:
    20260804_BR-FR-Flux2-Schematron-CII_V1.4.0.03.sch -> BR-FR-Flux2-Schematron-CII."""
    name = re.sub(r"^\d{8}_", "", path.stem)
    return re.sub(r"[_-]V?\d+(\.\d+)*$", "", name)


def rules(path):
    found = {}
    for check in parse_schematron(path).iter(SCHEMATRON + "assert"):
        rule_id = check.get("id") or "(no id)"
        message = " ".join("".join(check.itertext()).split())
        test = " ".join(check.get("test", "").split())
        found.setdefault(rule_id, []).append((check.get("flag", ""), message, test))
    return found


def schematrons(folder):
    return {family(p): p for p in sorted(pathlib.Path(folder).rglob("*.sch"))}


def report(old_folder, new_folder):
    old, new = schematrons(old_folder), schematrons(new_folder)
    lines = [f"# Rules: {pathlib.Path(old_folder).name} -> {pathlib.Path(new_folder).name}", ""]
    for name in sorted(set(old) | set(new)):
        if name not in new:
            lines += [f"## {name}", "", f"Removed (was {old[name].name}).", ""]
            continue
        if name not in old:
            lines += [f"## {name}", "", f"New file {new[name].name}.", ""]
            continue
        before, after = rules(old[name]), rules(new[name])
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        changed = []
        for rule_id in sorted(set(before) & set(after)):
            if before[rule_id] == after[rule_id]:
                continue
            what = []
            if [r[0] for r in before[rule_id]] != [r[0] for r in after[rule_id]]:
                what.append("flag " + ",".join(r[0] for r in before[rule_id]) + " -> " +
                            ",".join(r[0] for r in after[rule_id]))
            if [r[1] for r in before[rule_id]] != [r[1] for r in after[rule_id]]:
                what.append("message")
            if [r[2] for r in before[rule_id]] != [r[2] for r in after[rule_id]]:
                what.append("test")
            if len(before[rule_id]) != len(after[rule_id]):
                what.append(f"asserted {len(before[rule_id])} -> {len(after[rule_id])} times")
            changed.append(f"- {rule_id}: " + ", ".join(what))
        lines += [f"## {name}", "",
                  f"{old[name].name} -> {new[name].name}: {len(before)} -> {len(after)} rules; "
                  f"{len(added)} added, {len(removed)} removed, {len(changed)} changed.", ""]
        if added:
            lines += ["Added: " + ", ".join(added), ""]
        if removed:
            lines += ["Removed: " + ", ".join(removed), ""]
        if changed:
            lines += ["Changed:", ""] + changed + [""]
    return "\n".join(lines)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        print(report(argv[1], argv[2]))
    except ReleaseError as error:
        print(f"rules_release_diff: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
