"""Open a kg.html page in headless Chromium (no network) and save a screenshot.

.venv/bin/python scripts/screenshot.py build/kg.html docs/kg-seed.png [--click 郑州市]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.visualise import CHROMIUM, CHROMIUM_ARGS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--click", help="select the node with this label first")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        page.goto(args.page.resolve().as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=30_000)
        if args.click:
            page.fill("input[type=search]", args.click)
            page.keyboard.press("Enter")
            page.wait_for_timeout(800)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
