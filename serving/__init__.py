"""What the web server adds around the Streamlit app: the device cookie and start/stop hooks.

Plain ASGI and Starlette (no Streamlit elements): `app.py` hands these to `st.App`.
"""
