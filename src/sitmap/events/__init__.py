"""Events from the dependency parse: predicate lexicon → PLOVER type, CAMEO root, mode, actors.

One verb: ``extract(doc)`` fills ``doc.events``. Each event comes from a trigger token in a
parsed sentence (``doc._parses``):

* verbs (``bombed``, ``were beginning to encircle``): source = subject (the ``by`` agent in
  passives, the governing verb's subject for ``xcomp``/``conj``), target = direct object or
  the object of a target preposition ("fire on", "clash with"); passives swap the roles;
* nouns (``the bombing of X``, ``Russian airstrikes``, ``a U.S.-Russian proxy war``, light
  verbs such as "launched an attack on"): source = possessive / actor modifier / ``by`` agent /
  the light verb's subject, target = object of ``of``/``on``/``against``; two actor modifiers
  ("U.S.-Russian") give source and target;
* coordination ("Russia and Iran bombed ...") gives one event per actor pair.

Ambiguous predicates (``weak`` in ``data/predicates.yaml``) need a coded actor. Actors come
from ``doc.actors`` (the actors stage) by character span; a first-person pronoun is kept as a
placeholder for the attribution stage to replace with the speaker. Status, place and date are
set by the later stages.

The package splits this by concern: ``lexicon`` (predicate entries and trigger look-up),
``syntax`` (parse helpers), ``finder`` (actors by token), ``arguments`` (sources and targets),
``sides`` (implicit and paired sides) and ``extraction`` (``extract`` itself);
``restatements`` (``merge_restatements``) is the document-level step that runs later, once
places and dates are known: one act told twice in the article becomes one event.
"""

from __future__ import annotations

from sitmap.events.extraction import extract
from sitmap.events.lexicon import may_hold_event
from sitmap.events.restatements import merge as merge_restatements

__all__ = ["extract", "may_hold_event", "merge_restatements"]
