"""The scenario every generated Python client runs against the sandbox (issue 12), the same steps
as test/generators/typescript/scenario.ts. Each generator's program.py supplies the five calls."""

import os
from dataclasses import dataclass
from typing import Callable, Optional, Protocol


@dataclass
class Page:
    usernames: list[str]
    cursor: Optional[str]


@dataclass
class ErrorAnswer:
    status: int
    error: str
    error_description: str


class GeneratedClient(Protocol):
    def get_token(self, client_id: str, client_secret: str) -> str: ...
    def register(self, token: str, username: str, password: str) -> str: ...
    def get_user(self, token: str, username: str) -> str: ...
    def list_users(self, token: str, limit: int, cursor: Optional[str]) -> Page: ...
    def get_missing_user(self, token: str, username: str) -> ErrorAnswer: ...


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"scenario failed: {message}")


def base_url() -> str:
    return os.environ["EASEMOB_BASE_URL"]


def run_scenario(make_client: Callable[[], GeneratedClient]) -> None:
    client = make_client()
    prefix = os.environ.get("SCENARIO_PREFIX", "gen")
    token = client.get_token(os.environ["EASEMOB_CLIENT_ID"], os.environ["EASEMOB_CLIENT_SECRET"])
    check(len(token) > 0, "an access token")

    names = [f"{prefix}_user{n}" for n in (1, 2, 3)]
    for name in names:
        check(client.register(token, name, "secret-123") == name, f"registered {name}")
    check(client.get_user(token, names[0].upper()) == names[0], "read back")

    seen: list[str] = []
    cursor: Optional[str] = None
    pages = 0
    while True:
        page = client.list_users(token, 2, cursor)
        seen.extend(page.usernames)
        cursor = page.cursor
        pages += 1
        check(pages <= 50, "the cursor ends")
        if not cursor:
            break
    for name in names:
        check(name in seen, f"listed {name} across {pages} pages")
    check(pages >= 2, "more than one page followed")

    missing = client.get_missing_user(token, f"{prefix}_nobody")
    check(missing.status == 404, f"404 for a missing user, got {missing.status}")
    check(missing.error == "service_resource_not_found", f"error code, got {missing.error}")
    check(len(missing.error_description) > 0, "error_description")
    print(f"scenario passed: token, 3 registered, read back, {len(seen)} listed over {pages} pages, 404 decoded")
