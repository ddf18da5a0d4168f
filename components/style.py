"""The app's small shared stylesheet: focus rings, phone layout of the maps, the copy-link field.

`app.py` calls `apply_style()` on every run (a style-only `st.html` takes no space on the page).
"""

from __future__ import annotations

import streamlit as st

FOCUS = "#1f57c3"  # 6.4:1 on white, 5.9:1 on the sidebar's grey
_CSS = f"""
<style>
/* A visible focus ring on everything reachable by keyboard (WCAG 2.4.7, 2.4.13). */
.stApp :focus-visible {{ outline: 3px solid {FOCUS} !important; outline-offset: 2px; }}
/* Sliders, radios and toggles hide their input and mark what is drawn (react-aria's
   data-focus-visible): ring that instead. */
.stApp [data-rac][data-focus-visible="true"] {{
  outline: 3px solid {FOCUS}; outline-offset: 3px; border-radius: 0.5rem;
}}
/* Maps are square: their height follows their width, up to a comfortable size (the team map
   leaves room for its legend underneath). */
.st-key-me_map, .st-key-about_map {{
  aspect-ratio: 1 / 1; height: auto !important; max-height: 620px;
}}
.st-key-team_map {{ aspect-ratio: 0.78; height: auto !important; max-height: 800px; }}
/* Tables of names and reasons wrap instead of cutting text at a column edge. */
.sm-table {{ border-collapse: collapse; width: 100%; }}
.sm-table th, .sm-table td {{
  text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #c9ced6;
}}
.sm-table .missing {{ color: #b00020; font-weight: 600; }}
.sm-table .single {{ color: #8a4b00; font-weight: 600; }}
/* On a phone the result sits below the sliders: keep the best fit in view while they move.
   The element's wrapper sticks: the text alone is exactly as tall as its box, so it could not
   move. */
[data-testid="stElementContainer"]:has(.sm-fit-line) {{
  position: sticky; top: 3.75rem; z-index: 5; background: #ffffff;
  border-bottom: 1px solid #c9ced6; padding: 0.35rem 0;
}}
.sm-fit-line {{ margin: 0; }}
@media (min-width: 640px) {{
  [data-testid="stElementContainer"]:has(.sm-fit-line) {{ display: none; }}
}}
/* Nothing scrolls inside the page where a keyboard cannot follow (WCAG 2.1.1; axe:
   scrollable-region-focusable). Streamlit gives a table, each of its cells, a formula, a code
   block and a chart of a set height a scroll box of their own, which scrolls as soon as the
   content is a pixel too wide: on a machine with other fonts a phone's table cell did. They
   wrap instead, and so does any long word (a 40-letter name, a link) rather than stick out of
   the page. The formulas are written to fit a phone. */
.stApp [data-testid="stMarkdownContainer"] {{ overflow-wrap: break-word; }}
.stApp [data-testid="stTable"] > div,
.stApp [data-testid="stTable"] [data-testid="stMarkdownContainer"],
.stApp [data-testid="stMarkdownContainer"]:has(.katex-display),
.stApp .katex-display, .stApp .stCode pre,
.stApp [data-testid="stElementContainer"]:has(.js-plotly-plot) {{
  overflow: visible !important;
}}
.stApp [data-testid="stTable"] th, .stApp [data-testid="stTable"] td,
.stApp [data-testid="stMarkdownContainer"] td, .sm-table td {{
  overflow-wrap: anywhere;
}}
/* Markdown headings get a "link to heading" anchor, one more Tab stop each; the pages' own
   headings never need one. */
.stApp [data-testid="stMarkdownContainer"] [data-testid="stHeaderActionElements"] {{
  display: none;
}}
/* The share link: a read-only field and a Copy button big enough to tap. */
.sm-share {{ border-top: 1px solid #c9ced6; padding-top: 1rem; margin-top: 0.5rem; }}
.sm-share label {{ font-weight: 600; display: block; margin-bottom: 0.25rem; }}
.sm-share-row {{ display: flex; gap: 0.5rem; flex-wrap: wrap; }}
.sm-share input {{
  flex: 1 1 16rem; min-width: 0; min-height: 2.75rem; padding: 0 0.6rem; font: inherit;
  color: inherit; border: 1px solid #8a919c; border-radius: 0.5rem; background: #f3f6fa;
}}
.sm-share button {{
  min-height: 2.75rem; padding: 0 1rem; font: inherit; font-weight: 600; color: #ffffff;
  background: #1f57c3; border: 0; border-radius: 0.5rem; cursor: pointer;
}}
.sm-share-status {{ min-height: 1.5rem; margin: 0.25rem 0 0; }}
/* The link to the other language on pages read on a phone (Join), where the sidebar is hidden:
   a 44 px tall target at the right. */
.sm-lang {{
  float: right; display: inline-block; min-height: 2.75rem; line-height: 2.75rem;
  padding: 0 0.5rem; margin-top: -0.9rem; color: {FOCUS}; font-weight: 600;
}}
.sm-lang-row {{ margin: 0; overflow: hidden; }}
/* A ticked chip (st.pills) writes the theme's blue on its light blue tint: 4.3:1, under WCAG's
   4.5:1. The focus ring's darker blue reads at 5.8:1 there. */
.stApp button[data-variant="pills"][aria-pressed="true"] {{ color: {FOCUS}; }}
/* Chips keep the survey's whole wording: a long choice wraps onto a second line instead of
   ending in "…" (Streamlit cuts a chip's text at one line). */
.stApp button[data-variant="pills"] {{
  height: auto; max-width: 100%; text-align: left; border-radius: 1rem;
}}
.stApp button[data-variant="pills"], .stApp button[data-variant="pills"] * {{
  white-space: normal; overflow: visible; text-overflow: clip;
}}
.stApp button[data-variant="pills"] > div, .stApp button[data-variant="pills"] p {{
  height: auto;
}}
/* A questionnaire's choices on a phone: one under the other, not wrapped two lines apart. */
@media (max-width: 640px) {{
  [class*="questions_box"] [role="radiogroup"] {{
    flex-direction: column; align-items: flex-start; gap: 0.25rem;
  }}
}}
/* Code blocks hold links and keys (Host, team rooms): wrapped, on a phone too (see above). */
.stApp .stCode pre, .stApp .stCode code {{
  white-space: pre-wrap !important; word-break: break-all;
}}
</style>
"""

_FOCUS_FIRST_SLIDER = """
<script>
(() => {
  // After "Use these answers" the form is gone; put focus on the first slider, not the body.
  let tries = 0;
  const go = () => {
    const el = document.querySelector('[data-testid="stSlider"] input[type="range"]');
    if (el) el.focus(); else if (tries++ < 50) setTimeout(go, 100);
  };
  go();
})();
</script>
"""


# What Chinese pages add. Streamlit writes its file uploader's own words in English only (no
# parameter for them yet: streamlit/streamlit#13500), so Chinese is drawn in their place; the
# upload limit and file types are this app's (maxUploadSize = 5 in .streamlit/config.toml, the
# Team upload). The button keeps its English accessible name.
_ZH_CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "上传文件"; font-size: 0.875rem;
}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "每个文件不超过 5 MB · CSV、XLSX、TXT"; font-size: 0.875rem;
}
/* A browser may break Chinese between any two characters: in a phone's narrow table column
   that cut "匹配度" and "数据工程师" in the middle. The Me page's short headers and the role
   names (first column of the Team tables, second of the Me table) break at punctuation only. */
[data-testid="stMarkdownContainer"] th,
[data-testid="stMarkdownContainer"] td:nth-child(2), .sm-table td:first-child,
.sm-table th:nth-child(2), .sm-table .missing, .sm-table .single, .sm-table .covered {
  word-break: keep-all;
}
/* ... which leaves a phone's tables little room: smaller type and padding there. */
@media (max-width: 640px) {
  .sm-table, [data-testid="stMarkdownContainer"] table { font-size: 0.85rem; }
  .sm-table th, .sm-table td,
  [data-testid="stMarkdownContainer"] th, [data-testid="stMarkdownContainer"] td {
    padding: 0.35rem 0.3rem;
  }
}
</style>
"""


def apply_style(lang: str = "en") -> None:
    """Add the stylesheet to this page run (with the Chinese words Streamlit cannot say)."""
    st.html(_CSS + (_ZH_CSS if lang == "zh" else ""))


def focus_first_slider() -> None:
    """Move keyboard focus to the page's first slider once it is drawn."""
    st.html(_FOCUS_FIRST_SLIDER, unsafe_allow_javascript=True)
