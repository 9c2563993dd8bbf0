from casework.model import CaseStatus, CaseSummary
from casework.search import fold, haystack, matches


def summary(**kw):
    base = dict(id="1", case_number="CF-2026-DO1138-0042", family_name="Núñez", given_names="José María",
                aliases=("O’Neil",), a_number="A123456789", status=CaseStatus.DRAFT, updated_at=None, revision=1)
    return CaseSummary(**{**base, **kw})


def test_search_ignores_case_accents_and_punctuation():
    hay = haystack(summary())
    for query in ["nunez", "JOSE", "jose maria", "oneil", "A123456789", "0042", "cf-2026", "do1138"]:
        assert matches(fold(query), hay), query
    assert not matches(fold("garcia"), hay)


def test_non_latin_scripts_match():
    hay = haystack(summary(family_name="Образцова", given_names="Анна"))
    assert matches(fold("образцова"), hay)
    assert matches(fold("مثال"), haystack(summary(family_name="مثال")))
