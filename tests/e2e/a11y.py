"""WCAG 2.2 AA checks with axe-core (bundled by axe-playwright-python, no download needed).

`serious_violations(page)` runs axe on what the page shows now and returns the serious and
critical violations as readable lines, so a failing test names the rule, the count and an element.
"""

from __future__ import annotations

from typing import Any

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
# Streamlit's own page navigation puts <li> inside a <div> inside the <ul> (axe: `list`,
# `listitem`). It is framework markup we cannot change from the app; everything else is checked.
STREAMLIT_NAV = "[data-testid='stSidebarNav']"


def axe_results(page: Any, *, exclude: tuple[str, ...] = (STREAMLIT_NAV,)) -> dict[str, Any]:
    """Run axe-core with the WCAG 2.2 A/AA rules on the current page; the raw result."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [["body"]], "exclude": [[s] for s in exclude]}
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    axe = Axe()
    page.evaluate(axe.axe_script)
    result: dict[str, Any] = page.evaluate(
        "([context, options]) => axe.run(context, options)", [context, options]
    )
    return result


def serious_violations(page: Any, *, exclude: tuple[str, ...] = (STREAMLIT_NAV,)) -> list[str]:
    """Serious or critical violations, one line each: rule, impact, count, first element."""
    return [
        f"{v['id']} ({v['impact']}) x{len(v['nodes'])}: {v['help']} at {v['nodes'][0]['target']}"
        f" ({v['nodes'][0].get('failureSummary', '').splitlines()[-1:]})"
        for v in axe_results(page, exclude=exclude)["violations"]
        if v["impact"] in BLOCKING
    ]
