"""Outcomes and actions in the shapes real minutes print them (issue 15), on invented text.

No text here comes from a real council: the councils, people and business are made up.
"""

from __future__ import annotations

import scrutinykit
from scrutinykit import Resolution

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
