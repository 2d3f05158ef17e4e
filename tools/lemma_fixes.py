"""Print the ``lemma_fixes`` of ``data/predicates.yaml``: inflected forms of the lexicon's verbs
that spaCy's lemmatizer maps to another word ("raged" → "rag", "fined" → "fin").

Each verb lemma of the lexicon is inflected by the regular English rules (-s/-es, -ed/-d,
-ing, a doubled final consonant), every form is lemmatised by the pipeline's own lemmatizer as a
VERB (and, for -s forms, as a NOUN), and the forms whose lemma is not the verb are printed as a
YAML mapping, to paste over ``lemma_fixes`` (hand-kept irregular entries stay).

Usage: python tools/lemma_fixes.py
"""

from __future__ import annotations

import re

from sitmap import lexicons, nlp

VOWELS = set("aeiou")


def forms(verb: str) -> set[str]:
    """Regular inflections of a verb (over-generating is harmless: only wrong lemmas count)."""
    out = set()
    if verb.endswith("e"):
        out |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in VOWELS:
        out |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        out |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        out |= {verb + "s", verb + "ed", verb + "ing"}
        one_syllable = len(re.findall(r"[aeiou]+", verb)) == 1
        closed = len(verb) >= 3 and verb[-3] not in VOWELS and verb[-2] in VOWELS
        if one_syllable and closed and verb[-1] not in VOWELS | {"w", "x", "y"}:
            out |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # "stab" → "stabbed"
    return out


def main() -> None:
    pipeline = nlp.load()
    lemmatizer = pipeline.get_pipe("lemmatizer")
    verbs = sorted(lexicons.yaml_file("predicates.yaml")["verbs"])
    fixes: dict[str, str] = {}
    for verb in verbs:
        for form in sorted(forms(verb)):
            doc = pipeline.make_doc(form)
            tok = doc[0]
            tok.pos_ = "VERB"
            lemmas = lemmatizer.rule_lemmatize(tok)
            if lemmas and lemmas[0].lower() != verb:
                fixes[form] = verb
    print("lemma_fixes: {" + ", ".join(f"{k}: {v}" for k, v in sorted(fixes.items())) + "}")


if __name__ == "__main__":
    main()
