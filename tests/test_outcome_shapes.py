"""Outcomes and actions in the shapes real minutes print them (issue 15), on invented text.

No text here comes from a real council: the councils, people and business are made up.
"""

from __future__ import annotations

import scrutinykit
from scrutinykit import Agreement, Resolution

from .test_lossless import assert_lossless


def _outcomes(text: str) -> tuple[scrutinykit.Document, list[object]]:
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    return doc, list(doc.outcomes())


def test_a_resolution_wrapped_onto_the_next_lines_runs_on_to_its_sentence_end() -> None:
    """A PDF's hard-wrapped resolution: lines that stop mid-sentence take the next line's words."""
    doc, found = _outcomes(
        "Minutes of the Ashcombe Cabinet\n\n"
        "4. Leisure Centre Contract\n\n"
        "2. RESOLVED that Cabinet note the tender evaluation including the\n"
        "quality scores and the social value offers; and agree to award the\n"
        "contract to the preferred bidder.\n\n"
        "5. Parking Review\n"
    )
    (res,) = found
    assert isinstance(res, Resolution)
    assert res.text == (
        "Cabinet note the tender evaluation including the quality scores and the social value offers;"
        " and agree to award the contract to the preferred bidder."
    )
    assert doc.text_of(res).endswith("preferred bidder.")


def test_a_resolution_ending_its_sentence_does_not_take_the_next_line() -> None:
    """A line that closes its sentence ends the resolution, blank line or not."""
    doc, found = _outcomes(
        "Minutes of the Ashcombe Cabinet\n\n"
        "4. Leisure Centre Contract\n\n"
        "RESOLVED that the report be noted.\n"
        "The Leader thanked the officers for their work.\n"
    )
    (res,) = found
    assert doc.text_of(res) == "RESOLVED that the report be noted."


def test_a_resolution_does_not_run_on_across_a_blank_line() -> None:
    """A blank line after the label line parts two paragraphs, even mid-sentence."""
    doc, found = _outcomes(
        "Minutes of the Ashcombe Cabinet\n\n"
        "4. Leisure Centre Contract\n\n"
        "RESOLVED that the report be noted\n\n"
        "The Leader thanked the officers for their work.\n"
    )
    (res,) = found
    assert doc.text_of(res) == "RESOLVED that the report be noted"


def test_an_agreement_inside_prose_starts_at_its_verb_and_ends_with_its_sentence() -> None:
    """ "It was proposed by …, seconded by … and unanimously agreed to …": the agreement is its own."""
    doc, found = _outcomes(
        "Minutes of Brackenfold Parish Council\n\n"
        "6. Correspondence\n\n"
        "Letter from the Brackenfold Youth Club asking for help. It was proposed by Cllr. T. Orme, seconded\n"
        "by Cllr. B. Lisle and unanimously agreed to donate £75.00. Further letters were noted.\n"
    )
    (agreed,) = found
    assert isinstance(agreed, Agreement)
    assert doc.text_of(agreed) == "unanimously agreed to donate £75.00."
    assert agreed.text == "to donate £75.00."


def test_it_was_agreed_inside_a_paragraph_is_an_agreement() -> None:
    """A sentence "Following a discussion it was agreed that …" in the middle of a paragraph."""
    doc, found = _outcomes(
        "Minutes of Brackenfold Parish Council\n\n"
        "9. Footpaths\n\n"
        "A resident asked for a stile to be mended. Following a discussion it was agreed that the Clerk"
        " would report it to the county council. Members thanked the resident.\n"
    )
    (agreed,) = found
    assert doc.text_of(agreed).startswith("Following a discussion it was agreed that the Clerk")
    assert doc.text_of(agreed).endswith("county council.")


def test_narration_of_agreeing_is_not_an_agreement() -> None:
    """ "had agreed to those conditions" narrates what someone else agreed: prose."""
    _, found = _outcomes(
        "Minutes of Brackenfold Parish Council\n\n"
        "5. Matters Arising\n\n"
        "The licensing authority said the applicant had agreed to those conditions. Noted by members.\n"
    )
    assert found == []


def test_a_motion_then_agreed_unanimously_is_one_agreement() -> None:
    """The motion's paragraph and the bare "Agreed unanimously." below it make one agreement."""
    doc, found = _outcomes(
        "Minutes of the Ashcombe County Council\n\n"
        "12. Tributes\n\n"
        "Mrs Orme proposed, and Mr Lisle seconded, that the Council record its thanks to\n"
        "the retiring warden for twenty years of service and\n"
        "send its good wishes to her family.\n"
        "Agreed unanimously.\n"
    )
    (agreed,) = found
    assert isinstance(agreed, Agreement)
    assert agreed.text.startswith("the Council record its thanks")
    assert doc.text_of(agreed).endswith("Agreed unanimously.")


def test_a_motion_holding_its_own_words_is_not_a_lost_label() -> None:
    """ "… seconded, that the Council … and" / "sends …": the line after is not a resolution."""
    _, found = _outcomes(
        "Minutes of the Ashcombe County Council\n\n"
        "12. Tributes\n\n"
        "Mrs Orme proposed, and Mr Lisle seconded, that the Council record its thanks to the warden and\n"
        "sends its good wishes to her family.\n\n"
        "The Chairman closed the item.\n"
    )
    assert not any(isinstance(o, Resolution) for o in found)


def _actions(text: str) -> list[tuple[str, str]]:
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    return [(doc.text_of(c), c.owner.text if c.owner else "") for c in doc.actions() if not c.in_outcome]


_PARISH = "Minutes of Brackenfold Parish Council\n\n6. Correspondence\n\n"


def test_an_owner_then_to_after_a_comma_is_an_action() -> None:
    """ "…, Clerk to arrange payment.": the action starts at its owner."""
    found = _actions(_PARISH + "Invoice from the county council for lighting, Clerk to arrange payment.\n")
    assert found == [("Clerk to arrange payment.", "Clerk")]


def test_the_clerk_to_the_council_is_a_title_not_an_action() -> None:
    found = _actions(_PARISH + "A letter was read, the Clerk to the Council having written it in May.\n")
    assert found == []


def test_a_named_member_who_would_do_something_is_an_action() -> None:
    """ "Cllr. T. Orme would follow up": an initial before the name, and "would" as the action's verb."""
    found = _actions(_PARISH + "The Youth Club asked about the lease. Cllr. T. Orme would follow up.\n")
    assert found == [("Cllr. T. Orme would follow up.", "Cllr. T. Orme")]


def test_an_officer_asked_to_do_something_is_an_action() -> None:
    found = _actions(_PARISH + "The Clerk was asked to write to the landowner about the hedge.\n")
    assert found == [("The Clerk was asked to write to the landowner about the hedge.", "The Clerk")]


def test_two_owners_then_to_is_an_action() -> None:
    found = _actions(_PARISH + "Cllr. T. Orme and the Clerk to review the standing orders.\n")
    assert [text for text, _ in found] == ["Cllr. T. Orme and the Clerk to review the standing orders."]


def test_what_a_pronoun_would_do_is_narration() -> None:
    """ "She would remain in the room …" tells how a member took part, not an action."""
    found = _actions(
        "Minutes of Brackenfold Parish Council\n\n3. Declarations of Interest\n\n"
        "Cllr. B. Lisle declared an interest. She would remain in the room and take part.\n"
    )
    assert found == []


def test_would_be_is_not_an_action() -> None:
    found = _actions(_PARISH + "The Clerk would be on leave in August.\n")
    assert found == []
