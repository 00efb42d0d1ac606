"""Holds recorded exchanges against the description with openapi-core, as a Python team's contract
tests do (its Werkzeug integration: Flask's request and response objects).

    python openapi-core-check.py DESCRIPTION_URL EXCHANGES.json

DESCRIPTION_URL is the description as the sandbox serves it (/openapi.json: its own apps are the
first servers, so the recorded URLs match one). EXCHANGES.json is a list of
{method, url, requestHeaders, requestBody, status, responseHeaders, responseBody}. Every answer is
validated; a request only when `validateRequest` is true (the contract suite also sends requests
the description refuses, on purpose, to see them refused). Prints one JSON object: counts, the
failures (operation, status, what openapi-core said), and what it made of two altered exchanges
that must fail, so that a validator that checks nothing cannot pass.
"""

import json
import sys
import urllib.request
from urllib.parse import urlsplit

from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response


def werkzeug_request(exchange):
    url = urlsplit(exchange["url"])
    builder = EnvironBuilder(
        method=exchange["method"],
        base_url=f"{url.scheme}://{url.netloc}",
        path=url.path,
        query_string=url.query,
        headers=exchange["requestHeaders"],
        data=exchange["requestBody"].encode(),
    )
    try:
        return WerkzeugOpenAPIRequest(builder.get_request())
    finally:
        builder.close()


def werkzeug_response(exchange):
    return WerkzeugOpenAPIResponse(Response(exchange["responseBody"].encode(), status=exchange["status"], headers=exchange["responseHeaders"]))


def reasons(error):
    """What openapi-core said, with the schema errors it wraps (their JSON path and message)."""
    said = [f"{type(error).__name__}: {error}"]
    cause = error.__cause__
    while cause is not None:
        for schema_error in getattr(cause, "schema_errors", []) or []:
            said.append(f"{'/'.join(str(p) for p in schema_error.absolute_path)}: {schema_error.message}")
        if not getattr(cause, "schema_errors", None):
            said.append(f"{type(cause).__name__}: {cause}")
        cause = cause.__cause__
    return said


def check(openapi, exchange):
    """The failures openapi-core reports for one exchange (empty when it holds)."""
    failures = []
    request = werkzeug_request(exchange)
    if exchange.get("validateRequest"):
        try:
            openapi.validate_request(request)
        except Exception as error:  # openapi-core raises one error class per kind of failure
            failures.append({"side": "request", "reasons": reasons(error)})
    try:
        openapi.validate_response(request, werkzeug_response(exchange))
    except Exception as error:
        failures.append({"side": "response", "reasons": reasons(error)})
    return failures


def main():
    description_url, exchanges_file = sys.argv[1:3]
    with urllib.request.urlopen(description_url) as answer:
        openapi = OpenAPI.from_dict(json.load(answer))
    with open(exchanges_file, encoding="utf-8") as file:
        exchanges = json.load(file)
    failures = []
    for index, exchange in enumerate(exchanges):
        for failure in check(openapi, exchange):
            failures.append({"index": index, "exchange": f"{exchange['method']} {urlsplit(exchange['url']).path} {exchange['status']}", **failure})
    print(json.dumps({"failures": failures}))

main()
