"""UI pieces: plotly figure builders (pure functions) and Streamlit renderers (`render_*`)."""
