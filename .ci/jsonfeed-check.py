"""Checks every reference JSON Feed under a folder against JSON Feed 1.1's required fields.

Debian's feedparser (6.0.x) reads no JSON Feed, so this reads the JSON itself.
"""
import datetime
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "feeds")
feeds = sorted(p for p in root.rglob("*.json") if "sample" not in p.parts)
failed = 0
for path in feeds:
    problems = []
    try:
        feed = json.loads(path.read_bytes())
    except ValueError as e:
        feed, problems = {}, [f"not JSON: {e}"]
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append(f"version: {feed.get('version')!r}")
    if not isinstance(feed.get("title"), str) or not feed.get("title"):
        problems.append("no title")
    for item in feed.get("items", None) or []:
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"item without id: {item}")
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"item without content: {item.get('id')}")
        for key in ("date_published", "date_modified"):
            if key in item and not item[key].endswith("Z"):
                problems.append(f"{key} not UTC: {item[key]}")
            elif key in item:
                datetime.datetime.fromisoformat(item[key].replace("Z", "+00:00"))
    if not isinstance(feed.get("items"), list):
        problems.append("no items")
    status = "FAIL" if problems else "ok"
    print(f"{status} {path} ({len(feed.get('items') or [])} items)" + "".join(f"\n    {p}" for p in problems))
    failed += bool(problems)
print(f"{len(feeds) - failed} passed, {failed} failed")
sys.exit(1 if failed or not feeds else 0)
