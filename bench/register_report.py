"""Read a person register as an analyst would: how much of the main person one entity holds, and how
many person entities are made of page furniture.

    timeline actors --type person --json > people.json
    python bench/register_report.py people.json [more.json ...] [--top 15]

For the most-mentioned person entity, "share" is its mentions over the mentions, across the whole
register, of every alias naming that person in any spelling: aliases whose surname has the same
romanisation key (resolve/names.romanised_key) and whose given name, if any, agrees with the entity's
(a bare surname of a relative counts against the share: the figure errs low). "Furniture" counts
person entities whose name holds a news outlet or page-furniture word, or opens with a verb before a
full name (lexicon lists news_outlets, page_furniture, name_verbs).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bbc_timeline import lexicon  # noqa: E402
from bbc_timeline.resolve import names  # noqa: E402


def _words(alias: str) -> list[str]:
    return names.clean_text(alias).split()


def names_person(alias: str, surname_key: str, given: str | None) -> bool:
    words = [w for w in _words(alias) if not names.is_title_word(w)]
    if not words or names.romanised_key(words[-1]) != surname_key:
        return False
    return len(words) == 1 or given is None or names.same_given(words[0], given) is not None


def furniture(name: str) -> bool:
    """Page furniture in a person's name: a furniture word, an outlet opening it or written in capitals
    ("CNN Obama", "X Y BBC"; "Michael Bloomberg" is a name), a verb opening a full name."""
    raw = name.split()
    words = [w.lower().strip(",.:") for w in raw]
    outlets = names.outlet_words()
    return (any(w in lexicon.words("page_furniture") for w in words) or bool(words) and words[0] in outlets
            or any(w in outlets and r.isupper() for w, r in zip(words, raw, strict=True))
            or (len(words) >= 3 and words[0] in lexicon.words("name_verbs")))


def report(people: list[dict], top: int) -> dict:
    people = sorted(people, key=lambda e: -e["mentions"])
    main = people[0]
    parsed = names.parse_person(main["name"])[0]
    key = names.romanised_key(parsed.surname)
    given = parsed.given[0] if parsed.given else None
    total = sum(n for e in people for a, n in e["alias_counts"].items() if names_person(a, key, given))
    held = sum(n for a, n in main["alias_counts"].items() if names_person(a, key, given))
    holders = sorted(((sum(n for a, n in e["alias_counts"].items() if names_person(a, key, given)), e["name"])
                      for e in people), reverse=True)
    junk = [e["name"] for e in people if furniture(e["name"])]
    return {"person": main["name"], "entity_mentions": main["mentions"], "share": round(held / total, 3) if total else None,
            "spelled_mentions": total, "other_holders": [h for h in holders if h[0] and h[1] != main["name"]][:5],
            "person_entities": len(people), "furniture_entities": len(junk), "furniture_examples": junk[:10],
            "top": [(e["mentions"], e["name"]) for e in people[:top]]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    for f in args.files:
        out = report(json.loads(Path(f).read_text(encoding="utf-8")), args.top)
        print(f"== {f}")
        print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
