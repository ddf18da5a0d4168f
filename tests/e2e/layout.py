"""What a page looks like in a real browser: chart label boxes, focus rings, overflow, Tab stops."""

from __future__ import annotations

from typing import Any

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
VIEWPORTS = {"1440x900": DESKTOP, "390x844": PHONE}

MAP_DRAWN = """(key) => { const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
    return !!gd && !!gd._fullLayout && !!gd.querySelector('.scatterlayer .point'); }"""

# How far, as a share of its font size, a label may stray before a test calls it out of place.
# Label placement works from estimated glyph widths (components/labels.py); the fonts a machine
# has (their versions, their hinting, a fallback font where one is missing) draw a label a few
# pixels wider or narrower, which no person notices and no test should fail on.
SLACK_EM = 0.25

# Each label's box (annotation or label shape, with its font size) and the plot area, in page
# pixels.
_LABEL_BOXES = """(key) => {
  const gd = document.querySelector(`.st-key-${key} .js-plotly-plot`);
  const area = gd.querySelector('.bglayer .bg, .nsewdrag').getBoundingClientRect();
  const annotations = [...gd.querySelectorAll('g.annotation')]
    .filter(g => g.textContent.trim())
    .map(g => { const t = g.querySelector('.annotation-text-g');
                const r = t.getBoundingClientRect();
                const text = g.querySelector('text');
                const size = text ? parseFloat(getComputedStyle(text).fontSize) : 12;
                return {text: g.textContent.trim(), l: r.left, t: r.top, r: r.right, b: r.bottom,
                        size}; });
  // Labels drawn as boxes under the markers (components/label_shapes.py): a shape's text.
  const shapes = [...gd.querySelectorAll('text.shape-label-text, text.shape-label')]
    .filter(t => t.textContent.trim())
    .map(t => { const r = t.getBoundingClientRect();
                const size = parseFloat(t.style.fontSize || getComputedStyle(t).fontSize);
                return {text: t.textContent.trim(), l: r.left, t: r.top, r: r.right, b: r.bottom,
                        size}; });
  const boxes = [...annotations, ...shapes];
  return {area: {l: area.left, t: area.top, r: area.right, b: area.bottom}, boxes};
}"""


def overlap(a: dict[str, float], b: dict[str, float], slack: float) -> bool:
    """Two boxes (l, t, r, b) overlap by more than `slack` pixels both ways."""
    return (
        a["l"] < b["r"] - slack
        and b["l"] < a["r"] - slack
        and a["t"] < b["b"] - slack
        and b["t"] < a["b"] - slack
    )


def label_problems(page: Any, key: str, tolerance: float = 1.0) -> list[str]:
    """Labels of the chart in `.st-key-{key}` that leave its plot area or overlap another by
    more than `tolerance` pixels or a quarter of their font size (`SLACK_EM`)."""
    found = page.evaluate(_LABEL_BOXES, key)
    area, boxes = found["area"], found["boxes"]

    def slack(*labels: dict[str, float]) -> float:
        return max(tolerance, SLACK_EM * max(b["size"] for b in labels))

    problems = [
        f"{b['text']} leaves the plot"
        for b in boxes
        if b["l"] < area["l"] - slack(b)
        or b["r"] > area["r"] + slack(b)
        or b["t"] < area["t"] - slack(b)
        or b["b"] > area["b"] + slack(b)
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if overlap(a, b, slack(a, b)):
                problems.append(f"{a['text']} overlaps {b['text']}")
    return problems if boxes else ["no labels found"]


# The visible ring of what has focus: react-aria widgets hide their input and mark the drawn
# element with data-focus-visible; other controls carry the outline themselves.
_FOCUS_RING = """() => {
  const e = document.activeElement;
  const drawn = e.closest('[data-focus-visible="true"]') || e;
  const s = getComputedStyle(drawn);
  return {tag: e.tagName, label: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor};
}"""


def focus_ring(page: Any) -> dict[str, Any]:
    """The focused control and the outline drawn around it."""
    result: dict[str, Any] = page.evaluate(_FOCUS_RING)
    return result


def tab_stops_between(page: Any, first: Any, last_label: str, limit: int = 40) -> list[str]:
    """Labels of the controls Tab visits after focusing `first`, up to the one named `last_label`."""
    first.focus()
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        seen.append(ring["label"])
        if last_label in ring["label"]:
            return seen
    raise AssertionError(f"{last_label!r} not reached by Tab; visited {seen}")


def horizontal_overflow(page: Any) -> int:
    """How many pixels the page is wider than the window (0 when nothing sticks out)."""
    return int(
        page.evaluate(
            "() => Math.max(document.documentElement.scrollWidth, "
            "document.querySelector('[data-testid=stMain]')?.scrollWidth || 0) - window.innerWidth"
        )
    )


def choose_option(page: Any, label: str, option: str) -> None:
    """Pick `option` in the select box labelled `label`, as a person does with a keyboard."""
    box = page.get_by_role("combobox", name=label)
    box.click()
    # Typing narrows the list, so the option is drawn even where the window is short.
    box.press_sequentially(option)
    page.get_by_role("option", name=option, exact=True).click()


# Streamlit marks its root with the script's state (its own browser tests read the same mark).
_SETTLED_JS = """() => document.querySelector('[data-testid="stApp"]')
  ?.getAttribute('data-test-script-state') === 'notRunning'"""


def wait_settled(page: Any, timeout: float = 30_000) -> None:
    """Wait until the app's script has finished its run: a button found before then may be
    replaced by the run, and a key pressed on it lost."""
    page.wait_for_function(_SETTLED_JS, timeout=timeout)
