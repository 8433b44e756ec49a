#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates the samples and the malformed fixtures against docs/kehoach.schema.json with
# python3-jsonschema, an implementation independent of the app, and prints TAP.
#   check-schema.py SCHEMA SAMPLES_DIR TESTS_JSON_DIR
# Samples and valid fixtures must pass; fixtures marked "reject" in malformed/cases.txt must
# fail; "accept" ones break a rule the schema cannot express and must pass; "-" are not JSON.

import json
import os
import sys

import jsonschema

schema_path, samples_dir, tests_dir = sys.argv[1:4]

with open(schema_path, encoding='utf-8') as f:
    schema = json.load(f)

validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)

checks = []   # (description, path, must_be_valid)

for name in sorted(os.listdir(samples_dir)):
    if name.endswith('.kehoach.json'):
        checks.append(('sample ' + name, os.path.join(samples_dir, name), True))

for name in sorted(os.listdir(tests_dir)):
    if name.endswith('.kehoach.json'):
        checks.append(('fixture ' + name, os.path.join(tests_dir, name), True))

with open(os.path.join(tests_dir, 'malformed', 'cases.txt'), encoding='utf-8') as f:
    for line in f:
        if line.startswith('#') or not line.strip():
            continue
        name, code, verdict, message = line.rstrip('\n').split('\t')
        if verdict == '-':
            continue
        assert verdict in ('reject', 'accept'), line
        checks.append(('malformed %s (%s)' % (name, verdict),
                       os.path.join(tests_dir, 'malformed', name), verdict == 'accept'))

print('1..%d' % len(checks))
failed = 0
for number, (description, path, must_be_valid) in enumerate(checks, 1):
    with open(path, encoding='utf-8') as f:
        instance = json.load(f)
    errors = list(validator.iter_errors(instance))
    if bool(errors) != must_be_valid:
        print('ok %d - %s' % (number, description))
        if errors:
            print('# schema says: %s' % errors[0].message)
    else:
        failed += 1
        print('not ok %d - %s' % (number, description))
        if errors:
            for error in errors[:3]:
                print('# at %s: %s' % ('/'.join(str(p) for p in error.absolute_path), error.message))
        else:
            print('# the schema accepts it but must not')

sys.exit(1 if failed else 0)
