"""The light join page's stylesheet and its one script (both inline: no extra request).

Phone first: one column up to 36rem, tap targets of at least 44 px, text at 4.5:1 or more,
the same focus ring as the Streamlit pages. Each rating is a row of eleven choices (0-10); the
description of the chosen level is shown under it where the browser has `:has()` (every
current one), else the six anchor levels are listed, so the page reads well without it too.
"""

from __future__ import annotations

import base64
import hashlib

LEVELS = range(11)
FOCUS = "#1f57c3"  # 6.4:1 on white, as components.style

_BASE = f"""
*{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%}}
body{{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Noto Sans CJK SC","PingFang SC",sans-serif;color:#111418;background:#fff}}
main{{max-width:36rem;margin:0 auto;padding:.75rem 1rem 2rem}}
h1{{font-size:1.35rem;line-height:1.25;margin:.25rem 0 0}}
h2{{font-size:1.15rem;margin:1.25rem 0 .25rem}}
p{{margin:.4rem 0}}
a{{color:{FOCUS}}}
.top{{display:flex;justify-content:space-between;gap:1rem;align-items:baseline;margin:0}}
.code{{color:#3d4451;margin:0}}
.note{{border-radius:.5rem;padding:.6rem .8rem;margin:.75rem 0;border:1px solid}}
.ok{{background:#e8f5ec;border-color:#1e7b3a;color:#0f4d22}}
.err{{background:#fdecec;border-color:#b00020;color:#7a0016}}
.warn{{background:#fff6e0;border-color:#8a5a00;color:#5c3b00}}
label.f{{display:block;font-weight:600;margin:.9rem 0 .2rem}}
input[type=text]{{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #6b7280;
border-radius:.45rem;min-height:44px}}
.hint{{font-size:.875rem;color:#3d4451;margin:.2rem 0 0}}
fieldset{{border:0;margin:1rem 0 0;padding:0;min-width:0}}
legend{{font-weight:600;padding:0;margin-bottom:.3rem}}
.scale{{display:grid;grid-template-columns:repeat(11,1fr);gap:3px}}
.scale label{{position:relative;display:block}}
.scale input{{position:absolute;opacity:0;inset:0;margin:0;width:100%;height:100%;cursor:pointer}}
.scale span.n{{display:flex;align-items:center;justify-content:center;min-height:44px;
border:1px solid #6b7280;border-radius:.4rem;font-weight:600;font-variant-numeric:tabular-nums}}
.scale input:checked+span.n{{background:{FOCUS};border-color:{FOCUS};color:#fff}}
.scale input:focus-visible+span.n{{outline:3px solid {FOCUS};outline-offset:2px}}
.ends{{display:flex;justify-content:space-between;font-size:.8rem;color:#3d4451;margin:.15rem 0}}
.lv{{font-size:.9rem;margin:.3rem 0 0}}
.lv.odd{{display:none}}
@supports selector(:has(*)){{.lv{{display:none}}}}
.sr{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
button{{display:block;width:100%;margin:1.25rem 0 .5rem;min-height:48px;font:inherit;
font-weight:700;color:#fff;background:{FOCUS};border:0;border-radius:.5rem;cursor:pointer}}
:focus-visible{{outline:3px solid {FOCUS};outline-offset:2px}}
ol{{padding-left:1.4rem;margin:.3rem 0}}
.foot{{font-size:.875rem;margin-top:1.5rem}}
"""


def _chosen_level_rules() -> str:
    # One rule per level and measure: `:has()` shows the description of the checked choice.
    rules = [
        f'@supports selector(:has(*)){{fieldset:has(input[value="{n}"]:checked) .lv{n}'
        "{display:block}}"
        for n in LEVELS
    ]
    return "\n".join(rules)


CSS = _BASE + _chosen_level_rules()

# After a Submit, the address becomes the page's own (`<link rel=canonical>`): a reload then
# asks for the page again instead of sending the form a second time.
SCRIPT = (
    'var c=document.querySelector("link[rel=canonical]");'
    'if(c&&history.replaceState)history.replaceState(null,"",c.href);'
)
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
# Only this page's own inline style and script run, forms go only to this server, and no other
# site may frame it (a form in a frame could be clicked through).
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{SCRIPT_HASH}'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
