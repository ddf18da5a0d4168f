"""ML Skills Map: which ML role fits this person, and what should they learn next?"""

import streamlit as st

from components.choices import render_refusal
from components.errors import render_error
from components.lang import _, render_lang_switch, resolve_lang, set_document_lang
from components.style import apply_style
from roles.errors import SkillsMapError


def _pages(lang: str) -> dict[str, list[st.Page]]:
    """The navigation, made once per session and language: each st.Page resolves its file's
    path, about 0.5 ms a run for the seven, and they never change within a session. (Not shared
    between sessions: navigation marks the page it is about to run on the object.)"""
    key = f"_pages_{lang}"
    if key not in st.session_state:
        st.session_state[key] = {
            _("Me"): [
                st.Page(
                    "views/me.py", title=_("My skills map"), icon=":material/explore:", default=True
                )
            ],
            _("Team"): [
                st.Page("views/team.py", title=_("Team map"), icon=":material/groups:"),
                st.Page(
                    "views/my_team.py", title=_("Answer for my team"), icon=":material/how_to_reg:"
                ),
            ],
            _("Workshop"): [
                st.Page("views/host.py", title=_("Host a room"), icon=":material/co_present:"),
                st.Page("views/join.py", title=_("Join a room"), icon=":material/smartphone:"),
                st.Page("views/present.py", title=_("Present"), icon=":material/tv:"),
            ],
            _("About"): [
                st.Page("views/about.py", title=_("About the map"), icon=":material/info:")
            ],
        }
    return st.session_state[key]  # type: ignore[no-any-return]


def main() -> None:
    lang = resolve_lang()  # ?lang=, the sidebar switch or the browser: every page speaks it
    st.set_page_config(page_title=_("ML Skills Map"), page_icon=":material/explore:", layout="wide")
    apply_style(lang)  # focus rings and layout rules for every page, workshop pages included
    set_document_lang()
    pages = _pages(lang)
    try:
        page = st.navigation(pages)
        render_lang_switch()
        render_refusal()  # a forged choice that a callback refused, said once
        page.run()
    except SkillsMapError as exc:
        # Last line of defence: a broken catalog or bad input becomes advice, not a traceback.
        render_error(exc)


if __name__ == "__main__":
    main()  # each script run (streamlit runs this file as __main__, and so does AppTest)
else:
    # `streamlit run app.py` imports this module once to find the server app: the device
    # cookie on every page load, uploads that belong to another replica sent on to it, and
    # the store's start/stop hooks.
    from starlette.middleware import Middleware

    from serving.affinity import SessionElsewhereMiddleware
    from serving.device_cookie import DeviceCookieMiddleware
    from serving.join_page import routes
    from serving.lifespan import lifespan_with, require_settings
    from serving.precompressed import PrecompressedStaticMiddleware

    def _warm_up() -> None:
        # What the pages import, imported once as the server starts instead of by the first
        # visitor (the projector's map is the heaviest).
        import plotly.graph_objects  # noqa: F401

        import components.room.map
        import components.room.present  # noqa: F401

    require_settings()  # a bad SKILLS_MAP_* setting stops the server here, with its name
    middleware = [
        Middleware(DeviceCookieMiddleware),
        Middleware(SessionElsewhereMiddleware),
        Middleware(PrecompressedStaticMiddleware),  # Streamlit's files, compressed once
    ]
    # The light join page (/j): the form as plain HTML for phones on a hall's Wi-Fi.
    app = st.App("app.py", routes=routes(), middleware=middleware, lifespan=lifespan_with(_warm_up))
