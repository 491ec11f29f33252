"""Parses every reference feed under a folder with Python's feedparser; fails unless bozo is 0."""
import pathlib
import sys

import feedparser

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "feeds")
feeds = sorted(p for p in root.rglob("*.xml"))
failed = 0
for path in feeds:
    parsed = feedparser.parse(path.read_bytes())
    problems = []
    if parsed.bozo:
        problems.append(f"bozo: {parsed.bozo_exception!r}")
    for entry in parsed.entries:
        if not entry.get("link"):
            problems.append(f"entry without link: {entry.get('id')}")
        if not (entry.get("published_parsed") or entry.get("updated_parsed")):
            problems.append(f"entry without a date: {entry.get('id')}")
    status = "FAIL" if problems else "ok"
    print(f"{status} {path} ({len(parsed.entries)} entries)" + "".join(f"\n    {p}" for p in problems))
    failed += bool(problems)
if not feeds:
    print(f"no feeds under {root}")
    sys.exit(1)
print(f"{len(feeds) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
