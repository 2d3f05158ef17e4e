"""Generate src/sitmap/data/people_nouns.yaml: nouns for kinds of people, by the actor sector
(codes.yaml) CAMEO and eval/GUIDE.md give them, from WordNet 3.0 hyponym trees of seed senses.

Run at development time only (CI reads the committed YAML):

    apt-get install -y wordnet-base      # WordNet 3.0 database in /usr/share/wordnet
    python tools/wordnet_people.py > src/sitmap/data/people_nouns.yaml

The reader below parses WordNet's own ``index.noun`` and ``data.noun`` (the 3.0 format), so
no Python package is needed. A noun is kept only when its FIRST (most frequent) sense lies in a
seed's hyponym tree and outside every excluded tree (e.g. "veteran" is kept as a civilian only
because its first sense, an ex-serviceman, is seeded; a soldier is not), the noun is lower
case (no names of individuals) and no verb, adjective or adverb ("forward", "drunk", "vet")
unless it is a seed's own noun ("veteran").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# sector -> seed senses (WordNet 3.0 name.pos.nn, looked up by lemma and sense number)
SEEDS: dict[str, list[str]] = {
    # (private persons, CAMEO CVL, were tried from victim/athlete/accuser/veteran/voter/...
    # seeds: the coded sides brought back non-events on two tuning splits, so they are left out)
    # universities and research (eval/GUIDE.md: university projects, scientists -> EDU)
    "education": [
        "scientist.n.01",
        "research_worker.n.01",
        "scholar.n.01",
        "academician.n.01",
        "educator.n.01",
        "student.n.01",
    ],
    # news people (MED)
    "media": ["journalist.n.01", "newsman.n.01", "broadcaster.n.01", "editor.n.01"],
    # firms' people (BUS)
    "business": [
        "businessman.n.01",
        "businesswoman.n.01",
        "capitalist.n.02",
        "merchant.n.01",
        "banker.n.01",
        "entrepreneur.n.01",
        "industrialist.n.01",
    ],
    # medical people (HLH)
    "health": ["health_professional.n.01"],
}
# trees whose people have another sector or none of their own: never listed under a seed
EXCLUDE = [
    "serviceman.n.01",
    "official.n.01",
    "lawyer.n.01",
    "politician.n.01",
    "legislator.n.01",
    "criminal.n.01",
    "soldier.n.01",
    "police_officer.n.01",
    "spy.n.01",
    "leader.n.01",
    "head_of_state.n.01",
]


# nouns news uses in another sense than WordNet's first: "investigators" are police or
# prosecutors, "demonstrators" protesters, a "graduate" a degree
NEVER = {"investigator", "demonstrator", "graduate", "missionary", "provider", "controller"}


class WordNet:
    """Noun synsets of a WordNet 3.0 database directory (index.noun, data.noun)."""

    def __init__(self, root: Path) -> None:
        self.senses: dict[str, list[str]] = {}  # lemma -> synset offsets, most frequent first
        for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            p_cnt = int(f[3])
            self.senses[f[0]] = f[6 + p_cnt :]
        self.other_pos: set[str] = set()  # lemmas that are also verbs, adjectives or adverbs
        for pos in ("verb", "adj", "adv"):
            text = (root / f"index.{pos}").read_text(encoding="latin-1")
            self.other_pos.update(ln.split()[0] for ln in text.splitlines() if ln[:1] != " ")
        self.words: dict[str, list[str]] = {}
        self.hyponyms: dict[str, list[str]] = {}
        for line in (root / "data.noun").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            f = line.split(" | ")[0].split()
            off, w_cnt = f[0], int(f[3], 16)
            self.words[off] = [f[4 + 2 * k] for k in range(w_cnt)]
            at = 4 + 2 * w_cnt
            p_cnt = int(f[at])
            ptrs = f[at + 1 : at + 1 + 4 * p_cnt]
            self.hyponyms[off] = [
                ptrs[4 * k + 1]
                for k in range(p_cnt)
                if ptrs[4 * k] == "~" and ptrs[4 * k + 2] == "n"
            ]

    def synset(self, name: str) -> str:
        lemma, _, num = name.rsplit(".", 2)
        return self.senses[lemma][int(num) - 1]

    def tree(self, off: str) -> set[str]:
        out, todo = set(), [off]
        while todo:
            o = todo.pop()
            if o not in out:
                out.add(o)
                todo.extend(self.hyponyms.get(o, []))
        return out


def generate(root: Path) -> dict[str, list[str]]:
    wn = WordNet(root)
    excluded = set().union(*(wn.tree(wn.synset(n)) for n in EXCLUDE))
    out: dict[str, list[str]] = {}
    for sector, seeds in SEEDS.items():
        tree = set().union(*(wn.tree(wn.synset(n)) for n in seeds)) - excluded
        words = {n.split(".")[0].replace("_", " ") for n in seeds}  # a seed's own noun stays
        for off in tree:
            for w in wn.words[off]:
                lemma = w.split("(")[0]
                if not lemma.islower() or not lemma.replace("_", "").replace("-", "").isalpha():
                    continue
                if lemma.count("_") > 1 or lemma in NEVER or lemma.lower() in wn.other_pos:
                    continue  # a noun only ("drunk", "forward", "vet" are other words too)
                first = wn.senses.get(lemma.lower(), [None])[0]
                if first in tree:
                    words.add(lemma.replace("_", " "))
        out[sector] = sorted(words)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = ap.parse_args(argv)
    found = generate(args.wordnet)
    w = sys.stdout.write
    w("# GENERATED by tools/wordnet_people.py from WordNet 3.0 (Debian wordnet-base): nouns for\n")
    w("# kinds of people by actor sector, from hyponym trees of seed senses (see the tool).\n")
    w("# Do not edit by hand; change the seeds and rerun. Read by sitmap.actors.lexicon as group\n")
    w("# words after sectors.yaml, which wins where both list a word.\n")
    w("sectors:\n")
    for sector, words in found.items():
        w(f"  {sector}:\n")
        for word in words:
            w(f"    - {word}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
