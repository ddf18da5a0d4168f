"""Answers in a link: compact codes keyed by item and option ids, parsed like any untrusted value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roles.answer_link import (
    ITEM_CODE,
    NOT_YET_CODE,
    VALUE_CODE,
    code,
    decode_answers,
    encode_answers,
)
from roles.catalog import load_questionnaire
from roles.questionnaire import answer_options
from roles.questionnaire_models import ManyChoiceItem, Questionnaire, ShiftItem

Q = load_questionnaire()


def test_every_item_and_every_answer_has_its_own_code() -> None:
    items = [code(i.id, ITEM_CODE) for i in Q.items]
    assert len(set(items)) == len(items)
    for item in Q.items:
        if isinstance(item, ManyChoiceItem | ShiftItem):
            values = [code(o.id, VALUE_CODE) for o in item.options]
        else:
            values = [code(k, VALUE_CODE) for k in answer_options(Q, item.id)]
        assert len(set(values)) == len(values), item.id
        assert NOT_YET_CODE not in values  # base-32 has no 0


def _answers(q: Questionnaire) -> st.SearchStrategy[dict[str, object]]:
    parts = {}
    for item in q.items:
        if isinstance(item, ManyChoiceItem) or (isinstance(item, ShiftItem) and item.multiple):
            ids = [o.id for o in item.options if not o.exclusive]
            parts[item.id] = st.one_of(
                st.none(), st.lists(st.sampled_from(ids), min_size=1, unique=True)
            )
        elif isinstance(item, ShiftItem):  # education: one option id
            parts[item.id] = st.one_of(st.none(), st.sampled_from([o.id for o in item.options]))
        else:
            parts[item.id] = st.one_of(st.none(), st.sampled_from(answer_options(q, item.id)))
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v})


@given(_answers(Q))
def test_decoding_an_encoded_link_gives_the_answers_back(answers: dict[str, object]) -> None:
    decoded, warnings = decode_answers(Q, encode_answers(Q, answers))  # type: ignore[arg-type]
    assert warnings == [] and decoded == answers


def test_the_survey_chips_and_education_travel_in_the_link() -> None:
    answers = {
        "years_code": "10-20 years",
        "languages": ["python", "cpp", "matlab"],
        "education": "doctoral",
        "ml_frameworks": ["pytorch"],
        "cv_methods": ["none"],
        "ides": ["jupyter", "vscode"],
    }
    token = encode_answers(Q, answers)
    assert len(token) < 60
    decoded, warnings = decode_answers(Q, token)
    assert warnings == [] and decoded == answers


def test_education_given_by_its_english_label_travels_as_its_option_id() -> None:
    token = encode_answers(Q, {"education": "Doctoral degree"})
    assert decode_answers(Q, token) == ({"education": "doctoral"}, [])


def test_a_question_added_later_leaves_old_links_valid() -> None:
    old = encode_answers(Q, {"years_ml": "5-10 years", "comm_decisions": "Yes"})
    newer = Q.model_copy(update={"items": [*Q.items[:5], *Q.items[5:]]})  # same ids, new order
    assert decode_answers(newer, old)[0] == {"years_ml": "5-10 years", "comm_decisions": "Yes"}


def test_unknown_codes_are_left_out_with_a_warning() -> None:
    good = encode_answers(Q, {"years_ml": "5-10 years"})
    decoded, warnings = decode_answers(Q, good + ".zzzzabc." + code("years_code", 4) + "qqq")
    assert decoded == {"years_ml": "5-10 years"}
    assert [str(w) for w in warnings] == [
        "2 answers in the link belong to questions or options this version does not have; "
        "they were left out."
    ]


def test_answers_that_do_not_fit_together_are_all_left_out() -> None:
    token = code("work_activities", ITEM_CODE) + code("none", 3) + code("ml_service", 3)
    decoded, warnings = decode_answers(Q, token)
    assert decoded == {} and "cannot be combined" in str(warnings[0])


def test_an_overlong_link_is_refused_in_the_readers_language() -> None:
    decoded, warnings = decode_answers(Q, "a" * 5000)
    assert decoded == {} and "链接" in warnings[0].text("zh")


@given(st.text(max_size=200))
def test_any_text_in_the_link_is_parsed_without_an_error(text: str) -> None:
    decoded, _ = decode_answers(Q, text)
    assert isinstance(decoded, dict)
