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
