"""ML Skills Map: which ML role fits this person, and what should they learn next?"""

import streamlit as st


def main() -> None:
    st.set_page_config(page_title="ML Skills Map", page_icon="🧭", layout="wide")
    pages = {
        "Me": [st.Page("views/me.py", title="My skills map", icon="🧭", default=True)],
        "Team": [st.Page("views/team.py", title="Team map", icon="👥")],
        "Workshop": [
            st.Page("views/host.py", title="Host a room", icon="🎤"),
            st.Page("views/join.py", title="Join a room", icon="📱"),
            st.Page("views/present.py", title="Present", icon="📽️"),
        ],
        "About": [st.Page("views/about.py", title="About the map", icon="ℹ️")],
    }
    st.navigation(pages).run()


if __name__ == "__main__":
    main()
