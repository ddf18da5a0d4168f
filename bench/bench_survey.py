"""How long "People like you" and the survey's learning steps take for one person. Prints figures.

    python bench/bench_survey.py [--runs N]

Times `roles.survey.people_like_you_detail` (checking the answers, encoding them, the logistic
regression's probabilities) and `roles.evidence.evidence` for one person who answered all nine
survey questions, after one warm-up call (which loads the model and the tables: timed apart).
Target: People like you within 20 ms per person on this machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roles.evidence import evidence
from roles.survey import people_like_you_detail

PERSON = {
    "years_code": "3-5 years",
    "years_ml": "2-3 years",
    "work_activities": ["ml_service", "improve_models"],
    "languages": ["python", "sql", "cpp"],
    "education": "master",
    "ml_frameworks": ["pytorch", "sklearn"],
    "cv_methods": ["detection"],
    "nlp_methods": ["transformer_lms"],
    "ides": ["vscode", "jupyter"],
}


def _median_ms(call, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    start = time.perf_counter()
    people_like_you_detail(PERSON)
    evidence(PERSON, "ml_engineer")
    print(
        f"first call (loads the model and tables)  {(time.perf_counter() - start) * 1000:8.1f} ms"
    )
    likes = _median_ms(lambda: people_like_you_detail(PERSON), args.runs)
    steps = _median_ms(lambda: evidence(PERSON, "ml_engineer"), args.runs)
    print(
        f"People like you, one person     median {likes:8.3f} ms (n={args.runs}; target <= 20 ms)"
    )
    print(f"learning steps from evidence    median {steps:8.3f} ms (n={args.runs})")


if __name__ == "__main__":
    main()
