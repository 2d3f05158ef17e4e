"""Deaths the parse gives no event of its own: killings in accidents dropped
(``drop_accidents``), deaths told without a doer added as an unidentified group's assault
(``untold_deaths``); see ``sitmap.conflict``."""

from __future__ import annotations

from sitmap import actors, fatalities
from sitmap.conflict.tables import Table, sentence
from sitmap.model import Document, Event


def unnamed(event: Event) -> bool:
    """An assault whose doer the text does not name: no source, or the unidentified group
    sitmap puts for gunmen, assailants, an instrument or a passive."""
    return event.source is None or event.source.sector == "unidentified"


def drop_accidents(doc: Document, table: Table) -> None:
    """Drop a killing with no doer in the text ("five people were killed in a road accident",
    "three were killed in floods") when its sentence tells an accident or disaster (``not_violent``)
    and holds no other event: a death is not an assault by an unidentified group because the
    passive names no killer. A named doer ("gunmen killed ...") keeps the event."""
    by_sentence: dict[int, int] = {}
    for event in doc.events:
        by_sentence[event.sentence] = by_sentence.get(event.sentence, 0) + 1
    doc.events = [
        e
        for e in doc.events
        if not (
            e.plover == "ASSAULT"
            and table.violent_deaths.search(e.trigger or "")
            and by_sentence[e.sentence] == 1
            and (e.source is None or e.source.text in (None, "", e.trigger))
            and unnamed(e)
            and table.not_violent.search(sentence(doc, e))
        )
    ]


def untold_deaths(doc: Document, table: Table) -> None:
    """Add an assault by an unidentified armed group for each sentence that states violent
    deaths and holds no violent event, with no violent event in the sentence before it (which
    would take the count): the deaths are not dropped for want of a parsed doer. A death is
    violent by its verb (``violent_deaths``: "killed", "shot dead") or by the weapon or wound
    its sentence tells (``weapon_deaths``: "ten officers died as their vehicle ran over an
    explosive device", "died of gunshot wounds"); the count is read from the words or the
    parse (``fatalities.told``)."""
    violent = {e.sentence for e in doc.events if e.plover == "ASSAULT"}
    added: list[Event] = []
    for sent in doc.sentences:
        if sent.index in violent or sent.index - 1 in violent:
            continue
        words = table.violent_deaths.search(sent.text) or table.weapon_deaths.search(sent.text)
        before = doc.sentences[sent.index - 1].text if sent.index > 0 else ""
        if words is None or table.not_violent.search(f"{before} {sent.text}"):
            continue  # "the roof collapsed. Two pupils were killed": no violence
        n = fatalities.told(doc, sent)
        if not n:
            continue
        start = sent.start + words.start()
        mode = next((m for pattern, m in table.modes if pattern.search(sent.text)), None)
        added.append(
            Event(
                doc_id=doc.id,
                sentence=sent.index,
                start=sent.start,
                end=sent.end,
                evidence=sent.text,
                trigger=words.group(0),
                trigger_start=start,
                trigger_end=start + len(words.group(0)),
                plover="ASSAULT",
                cameo="18",
                source=actors.group("unidentified", None, words.group(0), start),
                mode=mode,
                confidence=0.4,
                fatalities=n,
            )
        )
        violent.add(sent.index)
    if added:
        doc.events = sorted([*doc.events, *added], key=lambda e: (e.sentence, e.start))


__all__ = ["drop_accidents", "unnamed", "untold_deaths"]
