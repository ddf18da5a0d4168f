"""Typing into a cell of a Streamlit data editor (a glide grid drawn on a canvas) like a person:
click a row's first cell, move the selection with the arrow keys, type, press Enter."""

from __future__ import annotations

import contextlib

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

_SELECTED_COLUMN = """([grid, row]) => {
  const cell = grid.querySelector(`tr[aria-rowindex='${row + 1}'] td[aria-selected='true']`);
  return cell ? Number(cell.getAttribute('aria-colindex')) : 0;
}"""
_ROW_HEIGHT = 35  # px: the grid's header and each of its rows


def type_in_cell(
    page: Page, grid: Locator, row: int, header: str, value: str, *, x: int = 30
) -> None:
    """Type `value` into the cell of data row `row` (1 = the first under the header) in the
    column headed `header`, and press Enter. `x`: where the row's first cell is clicked (past
    the row markers of a table that can add and delete rows).

    Arrow keys move the grid's selection; a press that lands while a rerun redraws the grid is
    lost. The grid's accessible table marks the selected cell, so each press waits for the
    selection to arrive and a lost press is repeated."""
    expect(grid).to_be_visible()
    head = grid.locator("th[role='columnheader']", has_text=header)
    target = int(head.get_attribute("aria-colindex") or 0)
    first_cell = {"x": x, "y": _ROW_HEIGHT * row + _ROW_HEIGHT // 2}
    editor = page.locator("[data-testid='glide-cell-editor'] input, .gdg-input").first
    handle = grid.element_handle()
    for _ in range(40):
        column = page.evaluate(_SELECTED_COLUMN, [handle, row])
        if column == target:
            break
        if column == 0:  # nothing selected (yet, or since a redraw): select the row's first cell
            # The grid places cells from the pointer's last move: hover before the click.
            grid.hover(position=first_cell)
            grid.click(position=first_cell)
        else:
            page.keyboard.press("ArrowRight" if column < target else "ArrowLeft")
        # Wait for the selection to move; if it does not, the press was lost: press again.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                f"(args) => ({_SELECTED_COLUMN})(args) !== {column}",
                arg=[handle, row],
                timeout=2_000,
            )
    assert page.evaluate(_SELECTED_COLUMN, [handle, row]) == target
    page.keyboard.type(value)
    expect(editor).to_be_visible()
    expect(editor).to_have_value(value)
    editor.press("Enter")
