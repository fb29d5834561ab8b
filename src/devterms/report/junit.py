"""JUnit XML, for CI systems that show test reports: one test suite per file, one failing test
case per finding (and per file that could not be analysed), or one passing case for a clean run.

Text from the analysed tree is escaped by the XML writer; characters XML 1.0 cannot hold at all
(control characters in a file name) are replaced by ``\\xNN`` escapes first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from devterms.report import Report, location

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(report: Report) -> str:
    cases = [(f.path, f"{f.code} at {location(f)}", f.code, f.message, f.severity) for f in report.findings]
    cases += [(d.path, f"{d.code} at {location(d)}", d.code, d.message, "error") for d in report.diagnostics]
    suites = ET.Element("testsuites", name="devterms", tests=str(max(len(cases), 1)), failures=str(len(cases)))
    if not cases:
        suite = ET.SubElement(suites, "testsuite", name="devterms", tests="1", failures="0")
        ET.SubElement(suite, "testcase", name="no findings", classname="devterms")
    for path, group in groupby(sorted(cases, key=lambda c: c[0]), key=lambda c: c[0]):
        items = list(group)
        suite = ET.SubElement(suites, "testsuite", name=_text(path), tests=str(len(items)), failures=str(len(items)))
        for _, name, code, message, severity in items:
            case = ET.SubElement(suite, "testcase", name=_text(name), classname=_text(path), file=_text(path))
            failure = ET.SubElement(case, "failure", message=_text(f"{code} {message}"), type=severity)
            failure.text = _text(f"{name}: {message}")
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _text(value: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()) & 0xFF:02x}", value)
