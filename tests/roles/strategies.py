"""Hypothesis strategies for profiles."""

from hypothesis import strategies as st

from roles.models import Profile

scores = st.floats(min_value=0, max_value=10, allow_nan=False, allow_infinity=False)
profiles = st.builds(Profile, ml=scores, swe=scores, comm=scores)
