"""events: "a visit with X" is a meeting with X (CONSULT, X the other side); "a visit to X"
stays a visit to the place. Sentences written for these tests."""

from __future__ import annotations

import pytest
from _event_samples import coded_events

pytestmark = pytest.mark.model


def test_a_visit_with_a_person_is_a_meeting_with_them(analysed):
    found = coded_events(
        analysed, "The Kenyan president's visit with the Ugandan president lasted an hour."
    )
    assert ("CONSULT", "KENGOV", "UGAGOV") in found, found


def test_a_visit_to_a_country_is_still_a_visit(analysed):
    found = coded_events(analysed, "The Kenyan president's visit to Uganda ended on Friday.")
    assert ("CONSULT", "KENGOV", "UGA") in found, found
