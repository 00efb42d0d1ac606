"""Reads a JUnit XML report the way CI systems' readers do (junitparser, on Python's XML parser,
which refuses a document that is not well-formed XML 1.0) and prints what it found as JSON."""
import json
import sys

from junitparser import Failure, JUnitXml

xml = JUnitXml.fromfile(sys.argv[1])
suites = []
for suite in xml:
    cases = []
    for case in suite:
        failure = next((r for r in case.result if isinstance(r, Failure)), None)
        cases.append({
            "classname": case.classname,
            "name": case.name,
            "time": case.time,
            "passed": case.is_passed,
            "message": failure.message if failure is not None else None,
            "text": failure.text if failure is not None else None,
        })
    suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures, "cases": cases})
json.dump({"tests": xml.tests, "failures": xml.failures, "suites": suites}, sys.stdout)
