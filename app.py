"""ML Skills Map: which ML role fits this person, and what should they learn next?"""

import streamlit as st

from components.errors import render_error
from components.style import apply_style
from roles.errors import SkillsMapError


def main() -> None:
    st.set_page_config(page_title="ML Skills Map", page_icon=":material/explore:", layout="wide")
    apply_style()  # focus rings and layout rules for every page, workshop pages included
    pages = {
        "Me": [
            st.Page("views/me.py", title="My skills map", icon=":material/explore:", default=True)
        ],
        "Team": [
            st.Page("views/team.py", title="Team map", icon=":material/groups:"),
            st.Page("views/my_team.py", title="Answer for my team", icon=":material/how_to_reg:"),
        ],
        "Workshop": [
            st.Page("views/host.py", title="Host a room", icon=":material/co_present:"),
            st.Page("views/join.py", title="Join a room", icon=":material/smartphone:"),
            st.Page("views/present.py", title="Present", icon=":material/tv:"),
        ],
        "About": [st.Page("views/about.py", title="About the map", icon=":material/info:")],
    }
    try:
        st.navigation(pages).run()
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
    from serving.lifespan import lifespan

    middleware = [Middleware(DeviceCookieMiddleware), Middleware(SessionElsewhereMiddleware)]
    app = st.App("app.py", middleware=middleware, lifespan=lifespan)
