"""Facts the tests hold the product to, in one place."""

# The lecture's six roles, in the 2021 chart's order; ids are part of the CLI's JSON contract.
ROLE_IDS_2021 = [
    "ml_devops",
    "data_engineer",
    "ml_engineer",
    "ml_researcher",
    "data_scientist",
    "ml_product_manager",
]

# The lecture's charts (shared/lecture/README.md): bubble centre (x = ML, y = software
# engineering, 0-1) and radius in pixels (larger = higher communication bar).
LECTURE_CHART = {
    "2021": {
        "ml_devops": (0.12, 0.93, 19),
        "data_engineer": (0.28, 0.77, 19),
        "ml_engineer": (0.70, 0.56, 19),
        "ml_researcher": (0.94, 0.28, 33),
        "data_scientist": (0.52, 0.23, 52),
        "ml_product_manager": (0.31, 0.11, 67),
    },
    "2022": {
        "ml_devops": (0.13, 0.93, 19),
        "ml_engineer": (0.65, 0.71, 19),
        "ml_researcher": (0.94, 0.37, 34),
        "data_scientist": (0.52, 0.32, 53),
        "ml_product_manager": (0.35, 0.10, 68),
    },
}


def lecture_profile(edition: str, role: str) -> dict[str, float]:
    """The lecture's own description of a role as scores: its chart position, scaled to 0-10,
    and its bubble as a communication level (19 px -> 4, 67 px -> 8.5, linear)."""
    x, y, r = LECTURE_CHART[edition][role]
    return {"ml": 10 * x, "swe": 10 * y, "comm": 4 + (r - 19) * 4.5 / 48}
