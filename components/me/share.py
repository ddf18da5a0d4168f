"""The link that restores a result exactly, with a copy button that works by tap."""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode

import streamlit as st

from components.catalogs import cached_questionnaire
from components.lang import _, with_lang
from roles.share import ShareState, encode_share

# A code block's copy icon appears only on hover, which a phone never has; this is a real button.
# The script is ours and the link is escaped, so running it is safe. It copies with the clipboard
# API and falls back to selecting the field, then says what happened in a live region.
_COPY = """
<div class="sm-share">
  <label for="{field_id}">{label}</label>
  <div class="sm-share-row">
    <input id="{field_id}" type="text" readonly value="{url}">
    <button type="button">{button}</button>
  </div>
  <p class="sm-share-status" role="status" aria-live="polite"></p>
</div>
<script>
(() => {{
  const root = document.currentScript.parentElement.querySelector('.sm-share');
  const field = root.querySelector('input'), status = root.querySelector('[role=status]');
  root.querySelector('button').addEventListener('click', async () => {{
    try {{ await navigator.clipboard.writeText(field.value); status.textContent = {copied}; }}
    catch (err) {{
      field.focus(); field.select();
      status.textContent = document.execCommand('copy') ? {copied} : {select};
    }}
  }});
}})();
</script>
"""


def share_url(state: ShareState, base: str | None) -> str:
    """Absolute link when the app's address is known, else the query string alone; it keeps
    the page's language when one was chosen."""
    query = urlencode(with_lang(encode_share(state, cached_questionnaire())))
    return f"{base}?{query}" if base else f"?{query}"


def copy_link_html(url: str, *, label: str | None = None, field_id: str = "sm-share-url") -> str:
    """The link in a read-only field and a Copy button (HTML with its script), in the page's
    language (the script's messages are JSON strings, so any text is safe in it)."""
    return _COPY.format(
        url=html.escape(url, quote=True),
        field_id=field_id,
        label=html.escape(label or _("Share or bookmark this result")),
        button=html.escape(_("Copy link")),
        copied=_js(_("Link copied.")),
        select=_js(_("Select the link and copy it.")),
    )


def _js(text: str) -> str:
    """A JavaScript string literal that cannot end the script it sits in."""
    return json.dumps(text).replace("<", "\\u003c")


def render_share_link(state: ShareState) -> None:
    """Show the link with a Copy button."""
    st.html(copy_link_html(share_url(state, st.context.url)), unsafe_allow_javascript=True)
