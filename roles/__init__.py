"""ML Skills Map domain: the role catalog, the fit of a profile to each role and the gaps.

Plain Python (no Streamlit), usable from the app, the command line (`skills-map`, in `cli/`) or
a notebook::

    from roles import Profile, load_catalog, match, gaps
    catalog = load_catalog()
    match(Profile(ml=2, swe=9, comm=4), catalog)[0].name
"""

from roles.catalog import load_catalog, load_levels, load_questionnaire
from roles.errors import CatalogError, ProfileError, SkillsMapError, UnknownRoleError
from roles.gaps import Gaps, gaps
from roles.match import RoleFit, fit_matrix, match, match_many
from roles.models import AXES, AXIS_LABELS, Catalog, Profile, Region, Role

__all__ = [
    "AXES",
    "AXIS_LABELS",
    "Catalog",
    "CatalogError",
    "Gaps",
    "Profile",
    "ProfileError",
    "Region",
    "Role",
    "RoleFit",
    "SkillsMapError",
    "UnknownRoleError",
    "fit_matrix",
    "gaps",
    "load_catalog",
    "load_levels",
    "load_questionnaire",
    "match",
    "match_many",
]
