"""The never-factor guard as a table: each never-factor, in English and in Spanish, in each free-text field of
the assessment, raises a review item naming the field and the never-factor, which blocks submission until the
officer acknowledges it with a note; look-alikes raise nothing; an other factor naming one is refused.

Look-alikes decided (listed in the policy files as "not_when", so an office can extend them without code):
statutes cited by name (the Religious Freedom Restoration Act, the Immigration and Nationality Act), "good
faith" / "bad faith", "sex offense" and "sex offender", "political subdivision" and "political asylum" (a ground
of relief, not an association), "speech therapy", "court reporter", the Mexican oath formula "bajo protesta de
decir verdad", "manifestación jurada" (a sworn statement), "en marcha" (under way), an address on Church Street,
an arms race or a race car. Words that are only parts of other words never match ("embraces", "racetrack" is
not "race"… but "Religiously" is "religiously"). What the guard cannot tell apart — a surname Gay, a given name
— it asks about; the officer's note settles it.
"""

from __future__ import annotations

import pytest

from casework.assessment import OtherFactor
from casework.checks import ItemKind, blocking, review_items
from tests.casework.assessing import GUIDELINES, INTERIM, acknowledge, answer, set_factor, with_assessment
from tests.casework.test_checks import complete_case, set_category

WORDS = {  # one term per never-factor and language, as an officer might write it
    "race": ("His racial background was noted.", "Se anotó su raza."),
    "religion": ("He attends a church downtown.", "Asiste a una iglesia del centro."),
    "gender": ("Her gender was recorded.", "Se anotó su género."),
    "sexual_orientation_gender_identity": ("His sexual orientation is known to neighbours.",
                                           "Su orientación sexual es conocida."),
    "national_origin": ("His national origin was discussed.", "Se habló de su nacionalidad."),
    "political_associations": ("He belongs to a political party.", "Pertenece a un partido político."),
    "first_amendment": ("He joined a protest in May.", "Participó en una manifestación en mayo."),
}

FIELDS = {  # field path → how to put text there
    "assessment.records_note": lambda c, t: with_assessment(c, records_note=t),
    "assessment.categories.public_safety.basis": lambda c, t: set_category(c, "public_safety", "does_not_apply", t),
    "assessment.categories.national_security.evidence":
        lambda c, t: set_category(c, "national_security", "does_not_apply", "No indication.", t),
    "assessment.border_notes": lambda c, t: answer(c, "border_notes", t),
    "assessment.weighing": lambda c, t: answer(c, "weighing", t),
    "assessment.factors.M5.evidence": lambda c, t: set_factor(c, "M5", "absent", t),
    "assessment.factors.A2.source": lambda c, t: set_factor(c, "A2", "absent", "Police report", t),
    "assessment.other_factors[0].evidence":
        lambda c, t: with_assessment(c, other_factors=(OtherFactor("mitigating", "Cares for a parent", t, "Letter"),),
                                     rationale="He cares for a parent; declined.", weighing="Weighed."),
    "assessment.other_factors[0].source":
        lambda c, t: with_assessment(c, other_factors=(OtherFactor("mitigating", "Cares for a parent", "Letter", t),),
                                     rationale="He cares for a parent; declined.", weighing="Weighed."),
    "assessment.determination_detail": lambda c, t: with_assessment(c, determination_detail=t),
    "assessment.rationale": lambda c, t: with_assessment(c, rationale=t),
}

TABLE = [(nf, lang, text, field) for nf, texts in WORDS.items() for lang, text in zip(("en", "es"), texts, strict=True)
         for field in FIELDS]


def guard_items(case, policy=GUIDELINES):
    return [i for i in review_items(case, policy) if i.key.startswith("never-factor:")]


@pytest.mark.parametrize(("never_factor", "lang", "text", "field"), TABLE)
def test_each_never_factor_in_each_free_text_field_in_english_and_spanish(never_factor, lang, text, field):
    case = FIELDS[field](complete_case(), text)
    items = guard_items(case)
    assert [(i.field, i.kind, i.key.rsplit(":", 1)[1]) for i in items] == [(field, ItemKind.REVIEW, never_factor)]
    (item,) = items
    label = next(n.label for n in GUIDELINES.never_factor_rules if n.id == never_factor)
    assert label in item.message
    assert [i.field for i in blocking(review_items(case, GUIDELINES))] == [field]
    done = acknowledge(case, item.key, "Mentioned only as a fact of the record, not weighed.")
    assert blocking(review_items(done, GUIDELINES)) == []
    (kept,) = guard_items(done)  # still listed, with the note
    assert kept.acknowledged == "Mentioned only as a fact of the record, not weighed."


def test_the_wording_is_a_guard_not_an_accusation():
    case = with_assessment(complete_case(), rationale="His religion and his national origin were also considered.")
    items = guard_items(case)
    assert [i.key for i in items] == ["never-factor:assessment.rationale:religion",
                                      "never-factor:assessment.rationale:national_origin"]
    for item in items:
        assert "the rationale mentions" in item.message
        assert "This is a check for you, not a finding" in item.message and "mentioned only as" in item.message


@pytest.mark.parametrize("text", [
    "His religion and his national origin were also considered.",
    "He spoke at a protest outside city hall, which weighs against him.",
    "Su religión y su origen nacional también se consideraron.",
    "Habló en una protesta frente al ayuntamiento, lo que pesa en su contra.",
])
def test_the_issues_sentences_are_flagged(text):
    assert guard_items(with_assessment(complete_case(), rationale=text))


@pytest.mark.parametrize("text", [
    "Cited: Religious Freedom Restoration Act, 42 U.S.C. 2000bb; INA (Immigration and Nationality Act) 237(a)(2).",
    "He acted in good faith; the bad faith claim fails. Full faith and credit applies.",
    "A 2012 sex offense conviction; he is not a registered sex offender.",
    "A political subdivision of the State filed the detainer. He applied for political asylum in 2019.",
    "His son receives speech therapy; the court reporter's transcript is on file.",
    "He lives at 14 Church Street. The arms race; a race car; the horse race.",
    "He embraces rehabilitation; the racetrack job ended.",
    "Declara bajo protesta de decir verdad que vive aquí desde 2010.",
    "Según la manifestación jurada del empleador, el proyecto está en marcha.",
    "Solicitó asilo político en 2019. El documento reza que fue liberado.",
    "No priority category applies on the totality of the facts.",
])
@pytest.mark.parametrize("field", ["assessment.rationale", "assessment.weighing",
                                   "assessment.categories.public_safety.basis"])
def test_look_alikes_do_not_trigger(text, field):
    assert guard_items(FIELDS[field](complete_case(), text)) == []


@pytest.mark.parametrize("text", ["Religiously observant.", "RELIGIÓN", "religion", "Religion.", "religión"])
def test_case_and_accents_do_not_matter(text):
    assert [i.key for i in guard_items(with_assessment(complete_case(), rationale=text))] == [
        "never-factor:assessment.rationale:religion"]


def test_an_acknowledgement_holds_for_its_field_and_never_factor_only():
    case = with_assessment(complete_case(), rationale="A letter from his church supports him.")
    (item,) = guard_items(case)
    case = acknowledge(case, item.key, "Mentioned only as the author of a character letter.")
    more = with_assessment(case, rationale=case.assessment.rationale + " The letter's church is on Main St.")
    assert blocking(review_items(more, GUIDELINES)) == []  # the same never-factor, still acknowledged
    other = with_assessment(case, rationale=case.assessment.rationale + " His nationality was noted.")
    assert [i.key for i in blocking(review_items(other, GUIDELINES))] == [
        "never-factor:assessment.rationale:national_origin"]
    moved = with_assessment(case, rationale="Declined.", weighing="A letter from his church supports him.")
    assert [i.field for i in blocking(review_items(moved, GUIDELINES))] == ["assessment.weighing"]


@pytest.mark.parametrize(("description", "never_factor"), [
    ("Member of a mosque under surveillance", "religion"),
    ("Organised a protest", "the exercise of First Amendment rights"),
    ("Miembro de un partido político opositor", "political associations"),
    ("Racial profile", "race"),
])
def test_an_other_factor_naming_a_never_factor_is_refused_and_not_asked_for_in_the_rationale(description, never_factor):
    case = with_assessment(complete_case(), other_factors=(OtherFactor("aggravating", description, "Report"),),
                           weighing="Weighed.")
    items = review_items(case, GUIDELINES)
    (refused,) = [i for i in items if i.field == "assessment.other_factors[0].description"]
    assert refused.kind is ItemKind.CONTRADICTION and never_factor in refused.message
    assert "can never be a factor" in refused.message
    assert not [i for i in items if i.field == "assessment.rationale"]


def test_an_acknowledgement_note_may_name_the_never_factor_itself():
    case = with_assessment(complete_case(), rationale="The pastor of his church wrote a letter.")
    (item,) = guard_items(case)
    case = acknowledge(case, item.key, "Mentioned only as the church whose pastor wrote the character letter.")
    assert blocking(review_items(case, GUIDELINES)) == []


def test_the_guard_runs_under_the_interim_guidance_too():
    from tests.casework.test_checks_interim import complete_interim_case

    case = answer(complete_interim_case(), "border_presence_notes", "Attended a rally against the mayor.")
    assert [i.key for i in guard_items(case, INTERIM)] == [
        "never-factor:assessment.border_presence_notes:first_amendment"]
