#!/usr/bin/env python3
"""Checks that schemas/ holds exactly the XSDs einvoice loads at run time.

The roots are the paths named in formats/xsd/schema_id.cpp; every file they
reach through xs:include, xs:import or xs:redefine must be in schemas/, and
nothing else may be (README.md aside). Exit 0 when they match, 1 otherwise
with the missing and the extra files listed.
"""
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
schemas = os.path.join(root, "schemas")
source = open(os.path.join(root, "formats/xsd/schema_id.cpp"), encoding="utf-8").read()
todo = re.findall(r'"([^"]+\.xsd)"', source)
if not todo:
    sys.exit("check-schemas: no root schema found in formats/xsd/schema_id.cpp")

needed, missing = set(), set()
reference = re.compile(
    r'<(?:\w+:)?(?:include|import|redefine)\b[^>]*?schemaLocation="([^"]+)"', re.S)
while todo:
    path = os.path.normpath(todo.pop())
    if path in needed or path in missing:
        continue
    full = os.path.join(schemas, path)
    if not os.path.isfile(full):
        missing.add(path)
        continue
    needed.add(path)
    text = open(full, encoding="utf-8").read()
    todo.extend(os.path.join(os.path.dirname(path), location)
                for location in reference.findall(text))

present = set()
for folder, _, files in os.walk(schemas):
    for name in files:
        path = os.path.relpath(os.path.join(folder, name), schemas)
        if path != "README.md":
            present.add(path)

extra = present - needed
for path in sorted(missing):
    print(f"check-schemas: missing schemas/{path} (needed at run time)")
for path in sorted(extra):
    print(f"check-schemas: schemas/{path} is never loaded; remove it")
if missing or extra:
    sys.exit(1)
print(f"check-schemas: schemas/ holds the {len(needed)} files einvoice loads")
