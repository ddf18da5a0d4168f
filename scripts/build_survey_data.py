"""Derive the shipped survey tables from the 2021 Kaggle survey extract in ../shared/survey/.

    python scripts/build_survey_data.py [SURVEY_FOLDER]

Writes, from `rich/kaggle2021_rich.csv` (one row per employed, titled respondent) and its usage
tables:
- `data/survey_2021.csv`: one row per respondent with one of the five ML-team titles, their
  answers to the questionnaire's nine survey questions as the questionnaire's own ids (empty =
  not shown to them or skipped, never "no"), and `half`, the split made once here:
  `calibration` (everything is fitted on it) and `validation` (only ever checked on).
- `data/survey_2021_usage.csv`: per title and option of the survey questions we ask, the share of
  the title who use it and how much more often than the other four titles (the learning steps
  from evidence).
- `tests/data/survey/kaggle2021_dictionary.csv`: the data dictionary's rows for those questions,
  so the tests can check our wording against the survey's own.

The split is stratified by title with a fixed seed, and it is drawn from the validation half of
the earlier split (SHA-256 of the row number in `kaggle2021_respondents.csv`), on which the map's
role placements were searched: nobody anything was fitted on lands in the validation half. Each
title gives the same share to validation, the largest that every title's earlier validation
half can supply (about 0.495). It also prints each option's share among all respondents shown
the question, the order `data/questionnaire.yaml` lists them in.

Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roles.survey_model import QUESTIONS  # noqa: E402

SOURCE = ROOT.parent / "shared" / "survey"
TABLE = ROOT / "data" / "survey_2021.csv"
USAGE = ROOT / "data" / "survey_2021_usage.csv"
DICTIONARY = ROOT / "tests" / "data" / "survey" / "kaggle2021_dictionary.csv"
SEED = 2021
ATTRIBUTION = "# Source: Kaggle Machine Learning & Data Science Survey 2021, CC BY 2.0"
TITLES = {
    "data_scientist": "Data Scientist",
    "research_scientist": "Research Scientist",
    "ml_engineer": "Machine Learning Engineer",
    "data_engineer": "Data Engineer",
    "product_manager": "Product Manager",
}
# Survey column -> option id of the `work_activities` question (act_other has no option).
ACTIVITIES = {
    "act_analyze_data_for_decisions": "analyze_data",
    "act_build_run_data_infrastructure": "data_infrastructure",
    "act_build_ml_prototypes": "ml_prototypes",
    "act_build_run_ml_service": "ml_service",
    "act_improve_existing_ml_models": "improve_models",
    "act_ml_research_sota": "ml_research",
    "act_none": "none",
}
# Question id -> the prefix of its 0/1 columns; an option id is the column's suffix.
MULTI = {
    "languages": "lang_",
    "ml_frameworks": "fw_",
    "cv_methods": "cv_",
    "nlp_methods": "nlp_",
    "ides": "ide_",
}
COLUMNS = ["title", "half", *QUESTIONS]


def earlier_validation(row_number: int) -> bool:
    """The earlier split: odd SHA-256 of the row number in kaggle2021_respondents.csv."""
    return int(hashlib.sha256(str(row_number).encode()).hexdigest(), 16) % 2 == 1


def _earlier_halves(source: Path, rich: pd.DataFrame) -> np.ndarray:
    """Each rich row's earlier half: the rich rows are the employed respondents, in order."""
    everyone = pd.read_csv(source / "kaggle2021_respondents.csv", dtype=str, keep_default_na=False)
    employed = np.flatnonzero(~everyone["role"].isin(["Student", "Currently not employed"]))
    same = everyone["role"].to_numpy()[employed] == rich["title"].to_numpy()
    if len(employed) != len(rich) or not same.all():
        raise SystemExit("the rich table's rows no longer follow kaggle2021_respondents.csv")
    return np.array([earlier_validation(int(i)) for i in employed])


def split(titles: pd.Series, earlier: np.ndarray) -> np.ndarray:
    """True for the validation half: the same share of every title, drawn with a fixed seed
    from that title's earlier validation half."""
    share = min(earlier[titles == t].mean() for t in TITLES)
    rng = np.random.default_rng(SEED)
    validation = np.zeros(len(titles), dtype=bool)
    for title in TITLES:
        pool = np.flatnonzero((titles == title).to_numpy() & earlier)
        k = round(share * int((titles == title).sum()))
        validation[rng.permutation(pool)[:k]] = True
    return validation


def _ticked(frame: pd.DataFrame, columns: dict[str, str]) -> pd.Series:
    """Space-separated option ids of the ticked columns; empty when none was (not shown/skipped)."""
    flags = frame[list(columns)].fillna(0).astype(int).to_numpy()
    ids = np.array(list(columns.values()))
    return pd.Series([" ".join(ids[row == 1]) for row in flags], index=frame.index)


def respondents(rich: pd.DataFrame, validation: np.ndarray) -> pd.DataFrame:
    """One row per titled respondent with the questionnaire's ids as answers."""
    out = pd.DataFrame(index=rich.index)
    out["title"] = rich["title5"].map(TITLES)
    out["half"] = np.where(validation, "validation", "calibration")
    out["years_code"] = rich["years_coding"].fillna("")
    out["years_ml"] = rich["years_ml"].fillna("")
    out["work_activities"] = _ticked(rich, ACTIVITIES)
    out["education"] = rich["education"].fillna("")
    for question, prefix in MULTI.items():
        columns = [c for c in rich.columns if c.startswith(prefix) and rich[c].notna().any()]
        out[question] = _ticked(rich, {c: c.removeprefix(prefix) for c in columns})
    keep = out["title"].notna()
    return out.loc[keep, COLUMNS]


def option_shares(rich: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Per multi-select question, each option's share of all respondents shown it, most first."""
    shares = {}
    for question, prefix in MULTI.items():
        columns = [c for c in rich.columns if c.startswith(prefix) and rich[c].notna().any()]
        mean = rich[columns].mean().sort_values(ascending=False)
        shares[question] = {c.removeprefix(prefix): round(float(v), 3) for c, v in mean.items()}
    return shares


def usage(source: Path) -> pd.DataFrame:
    """What each title uses among the options we ask about, with the lift over the others."""
    frame = pd.read_csv(source / "rich" / "kaggle2021_title_item_usage.csv")
    frame = frame[frame["title5"].isin(list(TITLES))]
    prefixes = {prefix: q for q, prefix in MULTI.items()}
    rows = []
    for r in frame.itertuples():
        item = str(r.item)
        if item in ACTIVITIES:
            question, option = "work_activities", ACTIVITIES[item]
        else:
            prefix = item.split("_")[0] + "_"
            if prefix not in prefixes:
                continue
            question, option = prefixes[prefix], item.removeprefix(prefix)
        if option in ("none", "other"):
            continue
        rows.append(
            {
                "title": TITLES[str(r.title5)],
                "question": question,
                "option": option,
                "share": round(float(r.pct_of_title) / 100, 3),
                "others": round(float(r.others_pct_of_title) / 100, 3),
                "lift": round(float(r.lift_title), 2),
                "n_title": int(r.n_title),
            }
        )
    return pd.DataFrame(rows).sort_values(["title", "question", "option"])


def dictionary(source: Path) -> pd.DataFrame:
    """The dictionary's rows for the survey questions the questionnaire asks."""
    frame = pd.read_csv(source / "rich" / "kaggle_rich_data_dictionary.csv", dtype=str)
    frame = frame.fillna("")
    prefixes = tuple(MULTI.values())
    keep = frame["column"].str.startswith(prefixes) | frame["column"].isin(
        ["years_coding", "years_ml", "education", *ACTIVITIES]
    )
    keep &= frame["in_2021"] == "1"
    columns = ["column", "q2021", "question_2021", "choice_2021", "coding"]
    return frame.loc[keep, columns]


def _write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        f.write(ATTRIBUTION + "\n")
        frame.to_csv(f, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def main(source: Path = SOURCE) -> None:
    rich = pd.read_csv(source / "rich" / "kaggle2021_rich.csv", low_memory=False)
    validation = split(rich["title5"], _earlier_halves(source, rich))
    table = respondents(rich, validation)
    _write(table, TABLE)
    _write(usage(source), USAGE)
    _write(dictionary(source), DICTIONARY)
    counts = table.groupby(["title", "half"]).size().unstack()
    print(f"{TABLE}: {len(table)} respondents\n{counts}")
    for question, shares in option_shares(rich).items():
        print(question, shares)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
