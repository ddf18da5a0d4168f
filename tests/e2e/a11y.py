"""WCAG 2.2 AA checks with axe-core (bundled by axe-playwright-python, no download needed).

`serious_violations(page)` runs axe on what the page shows now and returns the serious and
critical violations as readable lines, so a failing test names the rule, the count and an element.

axe's `scrollable-region-focusable` only fires where content overflows *now*, which depends on
the fonts and the browser's version: a table cell that fits here scrolled on another machine. So
`serious_violations` also lists every element that *can* scroll (overflow auto or scroll) and
that a keyboard cannot reach, whether it overflows here or not; and `wide_text_violations`
runs that axe rule again with the text unwrapped and drawn far wider than any font would.
"""

from __future__ import annotations

from typing import Any

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
# Streamlit's own page navigation puts <li> inside a <div> inside the <ul> (axe: `list`,
# `listitem`). It is framework markup we cannot change from the app; everything else is checked.
STREAMLIT_NAV = "[data-testid='stSidebarNav']"

# Elements of the page's content that would scroll if their content were wider or taller than
# they are, with nothing in them that takes keyboard focus.
_UNREACHABLE_SCROLLERS = """() => {
  const focusable = 'a[href], button, input, select, textarea, summary, iframe, '
    + '[tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  const scrolls = (v) => v === 'auto' || v === 'scroll';
  const found = [];
  const content = '[data-testid="stMainBlockContainer"] *, [data-testid="stSidebarUserContent"] *';
  for (const el of document.querySelectorAll(content)) {
    // A data grid scrolls from its canvas, which takes focus and moves with the arrow keys.
    if (el.matches('.dvn-scroller')) continue;
    const style = getComputedStyle(el);
    if (!scrolls(style.overflowX) && !scrolls(style.overflowY)) continue;
    if (el.getClientRects().length === 0) continue;  // not drawn
    if (el.matches(focusable) || el.querySelector(focusable)) continue;
    const named = el.closest('[data-testid]');
    found.push(`${el.tagName.toLowerCase()} in ${named ? named.dataset.testid : 'page'}`
      + ` (overflow ${style.overflowX}/${style.overflowY}): "${el.textContent.trim().slice(0, 40)}"`);
  }
  return found;
}"""

_WIDE_TEXT = """(on) => {
  const id = 'sm-test-wide-text';
  document.getElementById(id)?.remove();
  if (!on) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = 'html body [data-testid="stMainBlockContainer"] * { letter-spacing: 0.35em '
    + '!important; word-spacing: 0.5em !important; white-space: nowrap !important; }';
  document.head.appendChild(style);
}"""


def axe_results(
    page: Any, *, exclude: tuple[str, ...] = (STREAMLIT_NAV,), rules: list[str] | None = None
) -> dict[str, Any]:
    """Run axe-core with the WCAG 2.2 A/AA rules (or only `rules`) on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [["body"]], "exclude": [[s] for s in exclude]}
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    axe = Axe()
    page.evaluate(axe.axe_script)
    result: dict[str, Any] = page.evaluate(
        "([context, options]) => axe.run(context, options)", [context, options]
    )
    return result


def _lines(result: dict[str, Any]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}) x{len(v['nodes'])}: {v['help']} at {v['nodes'][0]['target']}"
        f" ({v['nodes'][0].get('failureSummary', '').splitlines()[-1:]})"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def unreachable_scrollers(page: Any) -> list[str]:
    """Elements of the page's content that can scroll and that no keyboard reaches."""
    found: list[str] = page.evaluate(_UNREACHABLE_SCROLLERS)
    return [f"scroll region no keyboard reaches: {f}" for f in found]


def serious_violations(page: Any, *, exclude: tuple[str, ...] = (STREAMLIT_NAV,)) -> list[str]:
    """Serious or critical violations, one line each (rule, impact, count, first element), and
    the scroll regions a keyboard cannot reach, overflowing now or not."""
    return _lines(axe_results(page, exclude=exclude)) + unreachable_scrollers(page)


def wide_text_violations(page: Any) -> list[str]:
    """axe's scroll-region rule with the content's text unwrapped and every letter and word
    spaced far apart (wider than any machine's font draws it), then the page as it was."""
    page.evaluate(_WIDE_TEXT, True)
    try:
        page.wait_for_timeout(300)
        return _lines(axe_results(page, rules=["scrollable-region-focusable"]))
    finally:
        page.evaluate(_WIDE_TEXT, False)
