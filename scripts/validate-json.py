#!/usr/bin/env python3
"""Validates the JSON the golden tests hold against docs/schema/kor.schema.json.

Every Tests/EndToEndTests/Golden/*-json.expected holds a `ramverk kör --format json`
run; its stdout must be valid against the documented schema. Exits 1 on the first
invalid document (with the reason), 0 when all are valid.
"""
import glob
import json
import sys

import jsonschema

schema = json.load(open("docs/schema/kor.schema.json", encoding="utf-8"))
paths = sorted(glob.glob("Tests/EndToEndTests/Golden/*-json.expected"))
if not paths:
    sys.exit("validate-json: no golden JSON found")
for path in paths:
    text = open(path, encoding="utf-8").read()
    body = text.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]
    try:
        jsonschema.validate(json.loads(body), schema)
    except jsonschema.ValidationError as error:
        sys.exit(f"{path}: {error.message} at {list(error.absolute_path)}")
print(f"validate-json: {len(paths)} documents valid against docs/schema/kor.schema.json")
