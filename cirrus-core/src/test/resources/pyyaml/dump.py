# Dumps JSON documents (one per line of the file named by the first argument) the way cirrus v0.15.4 writes YAML: PyYAML's
# SafeDumper with cfn-flip's clean-up (block sequences indented under their key, multi-line strings
# as literal blocks, strings like 0123 single-quoted), key order kept. Output: each dump followed by
# a NUL character.
import json
import re
import sys

import yaml


class Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def represent_str(dumper, value):
    style = None
    if "\n" in value or "\r" in value:
        style = "|"
    elif re.match(r"^0[0-9]+$", value):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, represent_str)

with open(sys.argv[1], encoding="utf-8") as documents:
    lines = documents.read().splitlines()
for line in lines:
    tree = json.loads(line)
    sys.stdout.write(yaml.dump(tree, Dumper=Dumper, default_flow_style=False, sort_keys=False))
    sys.stdout.write("\0")
