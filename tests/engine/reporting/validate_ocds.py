#!/usr/bin/python3
"""Validates an OCDS release package against the OCDS 1.1.5 release package schema, with
the bids extension merged into the release schema (JSON Merge Patch, RFC 7386), and
jsonschema's format checks (uri, date-time) on. The schemas are the copies in
tests/data/ocds/ (see PROVENANCE.md there); nothing is fetched.

  validate_ocds.py PACKAGE.json

Prints one line per problem, or "valid", and exits 1 on any problem.
"""
import json
import os
import sys

import jsonschema

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "ocds")


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    release = merge_patch(load("release-schema.json"), load("bid-extension-release-schema.json"))
    package = load("release-package-schema.json")
    store = {release["id"]: release, package["id"]: package}
    resolver = jsonschema.RefResolver.from_schema(package, store=store)
    checker = jsonschema.FormatChecker()
    if "uri" not in checker.checkers:
        print("the uri format cannot be checked: install python3-rfc3987")
        return 2
    validator = jsonschema.Draft4Validator(package, resolver=resolver, format_checker=checker)
    with open(argv[1], encoding="utf-8") as f:
        document = json.load(f)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path)
        print("%s: %s" % (path or "(package)", error.message))
    if errors:
        print("%d problems" % len(errors))
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
