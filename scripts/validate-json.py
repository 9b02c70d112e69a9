#!/usr/bin/env python3
"""Validates the JSON the golden tests hold against the documented schemas.

Every Tests/EndToEndTests/Golden/*-json.expected holds a `--format json` run; its
stdout must be valid against the schema of its command: docs/schema/kor.schema.json
for `ramverk kör`, docs/schema/risk.schema.json for `ramverk risk` (whose riskAnalysis
kör shares), docs/schema/jamfor.schema.json for `ramverk jämför`,
docs/schema/kontrollera.schema.json for `ramverk kontrollera`. The
command is read from the transcript's first line ("$ ramverk kör …"). Exits 1 on the
first invalid document (with the reason), 0 when all are valid and each schema has
at least one document.
"""
import glob
import json
import sys

import jsonschema
from referencing import Registry, Resource

SCHEMAS = {
    "kör": "docs/schema/kor.schema.json",
    "risk": "docs/schema/risk.schema.json",
    "jämför": "docs/schema/jamfor.schema.json",
    "kontrollera": "docs/schema/kontrollera.schema.json",
}

schemas = {command: json.load(open(path, encoding="utf-8")) for command, path in SCHEMAS.items()}
umbrella = json.load(open("docs/schema/ramverk.schema.json", encoding="utf-8"))
# The schemas refer to each other by their $id (kör's riskAnalysis is risk's).
registry = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
counts = {command: 0 for command in SCHEMAS}
paths = sorted(glob.glob("Tests/EndToEndTests/Golden/*-json.expected"))
for path in paths:
    text = open(path, encoding="utf-8").read()
    words = text.split("\n", 1)[0].split()
    command = words[2] if len(words) > 2 and words[:2] == ["$", "ramverk"] else None
    if command not in schemas:
        sys.exit(f"{path}: no schema for the command {command!r}")
    body = text.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]
    try:
        document = json.loads(body)
        jsonschema.Draft202012Validator(schemas[command], registry=registry).validate(document)
        # Each document is also valid against the umbrella schema of all of them.
        jsonschema.Draft202012Validator(umbrella, registry=registry).validate(document)
    except jsonschema.ValidationError as error:
        sys.exit(f"{path}: {error.message} at {list(error.absolute_path)}")
    counts[command] += 1
for command, count in counts.items():
    if count == 0:
        sys.exit(f"validate-json: no golden JSON of `ramverk {command}` found")
print("validate-json: " + ", ".join(
    f"{counts[command]} documents valid against {path}" for command, path in SCHEMAS.items()))
