"""Write N synthetic but realistic news articles for scale benchmarks.

    python bench/gen_corpus.py --n 1000 --out DIR --seed 1

Each article recombines hand-written sentence templates (news on security
relations between states) with invented people from several naming cultures,
organisations, places, and dates written in the ways reporters write them:
absolute ("On 14 March 2018"), partial ("in May 2016"), relative ("two days
later", "last week") and ranges ("from 3 to 9 June"). The first lines carry a
title and a dateline with the publication date.

Article i depends only on (seed, i): the first k articles of a run with
--n 10000 are the articles of a run with --n k, so scale runs nest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve")
DAY_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}

# (country, adjective, people-naming culture)
COUNTRIES = (
    ("Poland", "Polish", "slavic"),
    ("Ukraine", "Ukrainian", "slavic"),
    ("Serbia", "Serbian", "slavic"),
    ("Kazakhstan", "Kazakh", "turkic"),
    ("Turkey", "Turkish", "turkic"),
    ("Uzbekistan", "Uzbek", "turkic"),
    ("Vietnam", "Vietnamese", "east_asian"),
    ("Mongolia", "Mongolian", "east_asian"),
    ("South Korea", "South Korean", "east_asian"),
    ("Egypt", "Egyptian", "arabic"),
    ("Jordan", "Jordanian", "arabic"),
    ("Oman", "Omani", "arabic"),
    ("India", "Indian", "south_asian"),
    ("Sri Lanka", "Sri Lankan", "south_asian"),
    ("Nigeria", "Nigerian", "west_african"),
    ("Ghana", "Ghanaian", "west_african"),
    ("Brazil", "Brazilian", "iberian"),
    ("Chile", "Chilean", "iberian"),
    ("Norway", "Norwegian", "nordic"),
    ("Finland", "Finnish", "nordic"),
    ("Canada", "Canadian", "anglo"),
    ("Ireland", "Irish", "anglo"),
    ("Georgia", "Georgian", "caucasian"),
    ("Armenia", "Armenian", "caucasian"),
)

# Given names and surnames recombined freely: the people are invented.
NAMES = {
    "slavic": (
        ("Dmitri", "Oksana", "Yaroslav", "Milena", "Bogdan", "Zoran", "Irena", "Taras", "Vesna", "Lev"),
        (
            "Kovalchuk",
            "Petrovic",
            "Zhuravel",
            "Sadowski",
            "Hrytsenko",
            "Lisowska",
            "Dragovic",
            "Maltsava",
            "Orlik",
            "Berezin",
        ),
    ),
    "turkic": (
        ("Nurlan", "Aigerim", "Emre", "Selin", "Bakhyt", "Dilnoza", "Timur", "Kerem"),
        ("Seitkali", "Yildirim", "Abdrakhmanov", "Karimova", "Ozturkmen", "Tokayuly", "Aksoylu"),
    ),
    "east_asian": (
        ("Minh", "Batbayar", "Ji-woo", "Thanh", "Oyun", "Seo-yeon", "Hoang", "Tuvshin"),
        ("Nguyen", "Ganbold", "Park", "Tran", "Erdenebat", "Hwang", "Pham", "Dorj"),
    ),
    "arabic": (
        ("Khalid", "Layla", "Tariq", "Samira", "Yousef", "Rania", "Faisal", "Hana"),
        ("Al-Mansouri", "Haddad", "Nasser", "El-Sayed", "Qasim", "Barakat", "Al-Hinai"),
    ),
    "south_asian": (
        ("Arjun", "Priya", "Rohan", "Nimali", "Vikram", "Ananya", "Chaminda"),
        ("Raghunathan", "Mehta", "Perera", "Iyer", "Wickramasinghe", "Chaudhary"),
    ),
    "west_african": (
        ("Chinedu", "Ama", "Kwabena", "Ngozi", "Emeka", "Efua", "Tunde"),
        ("Okonkwo", "Mensah", "Adeyemi", "Asante", "Eze", "Boateng", "Oyelaran"),
    ),
    "iberian": (
        ("Joaquim", "Mariana", "Rodrigo", "Catalina", "Thiago", "Valentina"),
        ("Albuquerque", "Fuentes", "Carvalho", "Ibarra", "Moreira", "Saavedra"),
    ),
    "nordic": (
        ("Eirik", "Ingrid", "Aleksi", "Sanna", "Torvald", "Liisa"),
        ("Haugland", "Virtanen", "Solberg", "Lehtonen", "Brekke", "Koskinen"),
    ),
    "anglo": (
        ("Fiona", "Gareth", "Siobhan", "Malcolm", "Deirdre", "Colin"),
        ("Pemberton", "Gallagher", "Whitcombe", "Doyle", "Ashworth", "Kinsella"),
    ),
    "caucasian": (
        ("Levan", "Nino", "Aram", "Tamar", "Davit", "Anahit"),
        ("Beridze", "Sargsyan", "Kvaratskhelia", "Hovhannisyan", "Lomidze", "Petrosyan"),
    ),
}

TITLES = (
    "Defence Minister",
    "Deputy Defence Minister",
    "Interior Minister",
    "Foreign Minister",
    "Major-General",
    "Lieutenant-General",
    "Colonel",
    "Rear Admiral",
    "Ambassador",
    "Chief of the General Staff",
    "Deputy Prime Minister",
    "Border Guard commander",
)

ORG_PATTERNS = (
    "Ministry of Defence of {country}",
    "{adj} Ministry of Internal Affairs",
    "{adj} Border Guard Service",
    "State Security Council of {country}",
    "{adj} National Guard",
    "{adj} Armed Forces",
    "{adj} Institute for Strategic Studies",
    "Ministry of Emergency Situations of {country}",
)
COMPANIES = (
    "Halvorsen Precision Systems",
    "Orinda Aerospace",
    "Vastrel Defence Group",
    "Kestrel Optronics",
    "Meridian Shipyards",
    "Tamsin Logistics",
    "Solvik Radio Works",
    "Altara Heavy Machinery",
)
BLOCS = (
    "the Collective Defence Forum",
    "the Northern Maritime Council",
    "the Eurasian Border Initiative",
    "the Regional Counter-Terrorism Centre",
    "the Continental Security Dialogue",
)
EXERCISE_WORDS = ("Steel", "Northern", "Silent", "Granite", "Frontier", "Amber", "Iron", "Coastal")
EXERCISE_NOUNS = ("Sentinel", "Bridge", "Resolve", "Harbour", "Vanguard", "Compass", "Horizon")
TOWN_A = ("Vel", "Kras", "Dor", "Mir", "Tal", "Bren", "Os", "Lud", "Sar", "Vol", "Ket", "Zar")
TOWN_B = ("mora", "ovets", "grad", "ansk", "evo", "ino", "ava", "itsa", "holm", "port", "ara")
TOPICS = (
    "border security",
    "air defence",
    "cyber security",
    "counter-terrorism",
    "military education",
    "arms procurement",
    "peacekeeping",
    "maritime patrols",
    "intelligence sharing",
    "military medicine",
)


@dataclass
class Person:
    given: str
    family: str
    title: str
    country: str
    introduced: bool = False

    def mention(self) -> str:
        """Full name with title the first time, the bare surname afterwards (as reporters do)."""
        if self.introduced:
            return self.family
        self.introduced = True
        return f"{self.country} {self.title} {self.given} {self.family}"


@dataclass
class Cast:
    """The people, organisations and places one article is about."""

    a: tuple[str, str, str]
    b: tuple[str, str, str]
    people: list[Person]
    orgs: list[str]
    towns: list[str]
    exercise: str
    company: str
    bloc: str
    topic: str
    deck: list[str] = field(default_factory=list)

    def next_comment(self, rng: random.Random) -> str:
        """Comment templates without repeats until every one has been used."""
        if not self.deck:
            self.deck = list(COMMENT_TEMPLATES)
            rng.shuffle(self.deck)
        return self.deck.pop()


# ------------------------------------------------------------------ dates


def long_date(d: dt.date, rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 2:
        return f"{MONTHS[d.month - 1]} {d.day}{_ordinal(d.day)}, {d.year}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def date_phrase(d: dt.date, prev: dt.date | None, pub: dt.date, rng: random.Random) -> str:
    """How a reporter might write the day d, given the previous event and the publication date."""
    gap = (d - prev).days if prev else None
    delta_pub = (pub - d).days
    choices = ["abs", "abs", "abs", "month_day"]
    if gap is not None and 0 < gap <= 9:
        choices += ["later", "later"]
    if gap == 0:
        choices += ["same", "same", "same"]
    if delta_pub == 1:
        choices += ["yesterday"]
    if 2 <= delta_pub <= 6:
        choices += ["weekday"]
    if 7 <= delta_pub <= 13:
        choices += ["last_week"]
    kind = rng.choice(choices)
    if kind == "later":
        word = "the next day" if gap == 1 else f"{DAY_WORDS[gap]} days later"
        return word.capitalize() if rng.random() < 0.5 else f"{word.capitalize()}, on {MONTHS[d.month - 1]} {d.day}"
    if kind == "same":
        return "On the same day"
    if kind == "yesterday":
        return "Yesterday"
    if kind == "weekday":
        return f"On {d.strftime('%A')}"
    if kind == "last_week":
        return "Last week"
    if kind == "month_day" and d.year == pub.year:
        return f"On {MONTHS[d.month - 1]} {d.day}"
    return f"On {long_date(d, rng)}"


def range_phrase(d: dt.date, days: int, pub: dt.date, rng: random.Random) -> str:
    e = d + dt.timedelta(days=days)
    if e.month == d.month:
        if rng.random() < 0.5 or d.year != pub.year:
            return f"from {d.day} to {e.day} {MONTHS[d.month - 1]} {d.year}"
        return f"on {MONTHS[d.month - 1]} {d.day}-{e.day}"
    return f"from {MONTHS[d.month - 1]} {d.day} to {MONTHS[e.month - 1]} {e.day}, {e.year}"


# ------------------------------------------------------------------ sentences

# Event sentences: {when} is a date phrase that starts the sentence.
EVENT_TEMPLATES = (
    "{when}, {p1} met {p2} in {town} to discuss {topic}.",
    "{when}, the {org1} and the {org2} signed a protocol on {topic}, including joint training and the exchange of information.",
    "{when}, {p1} announced that {b_name} would hand over {num} patrol vehicles to the {org1}.",
    "{when}, a delegation of the {org2} led by {p2} arrived in {town} for talks with the {org1}.",
    "{when}, {p1} appointed {p2} as head of the new department for {topic}.",
    "{when}, officers of the {org1} completed a course at the {org2}, according to the ministry's press service.",
    "{when}, {company} delivered the first batch of radar stations ordered by the {org1}.",
    '{when}, {p1} told reporters in {town} that cooperation with {b_name} in {topic} was "moving to a new level".',
    "{when}, the {org1} dismissed {p2}, who had been in charge of {topic} since {since_year}.",
    "{when}, representatives of {bloc} gathered in {town} to review the state of {topic} in the region.",
    "{when}, {p1} and {p2} held a telephone conversation, the {org2} reported.",
    "{when}, the {org1} received {num} armoured personnel carriers built by {company}.",
    "{when}, {p2} resigned after a scandal over procurement contracts for {topic}.",
)
RANGE_TEMPLATES = (
    'The joint exercise "{exercise}" took place {range} near {town}, with units of the {org1} and the {org2}.',
    "Staff consultations between the {org1} and the {org2} were held {range} in {town}.",
    "{hundreds} hundred servicemen of the {org1} took part in drills {range} at a range outside {town}.",
)
PARTIAL_TEMPLATES = (
    "In {month_year}, {p1} visited {town}, where the two sides agreed to expand {topic}.",
    "As early as {year}, the {org1} had begun buying equipment from {company}.",
    "Between {year} and {year2}, {a_name} and {b_name} held {num} rounds of talks on {topic}.",
    "Earlier this year, {p1} said that {a_name} did not need foreign help with {topic}.",
    "Last month, the {org2} opened a liaison office in {town}.",
    "Since {year}, cadets from {b_name} have studied at military academies in {a_name}.",
)
COMMENT_TEMPLATES = (
    "Observers note that {a_name} is trying to balance its ties with larger partners.",
    "The {b_adj} side has traditionally been cautious about public statements on {topic}.",
    "It is not clear how the agreements will be financed.",
    "Such contacts are usually presented as routine, but their frequency has grown.",
    "Officials in {town} declined to comment on the details.",
    "Analysts expect the next steps to depend on the budget and on the situation on the border.",
    "The {a_adj} authorities prefer not to discuss the price of this cooperation.",
    "The agenda of {bloc} has shifted noticeably towards {topic}.",
    "This is hardly a coincidence: {topic} has been a weak point for years.",
    "For {b_name}, the arrangement offers a foothold in a region where it has had little presence.",
    "Neither ministry published the text of the document.",
    "The {a_adj} opposition called the deal a step towards dependence on {b_name}.",
    "According to local media, the talks lasted longer than planned.",
    "The figures could not be independently verified.",
    "Diplomats in {town} say the initiative came from the {b_adj} side.",
    "The move was welcomed by {bloc}, which has long urged closer coordination.",
)
TITLE_TEMPLATES = (
    "{a_name} and {b_name} expand cooperation in {topic}",
    "Security: {b_adj} influence in {a_name} is growing",
    "What does {b_name} want from {a_name}?",
    "{a_adj} army reshuffle: new faces in the {org1}",
    "{exercise}: what the joint drills reveal",
    "{a_name} between {b_name} and its neighbours",
)
CLOSERS = ("Related articles", "Read also", "See also")


def make_cast(rng: random.Random, year: int) -> Cast:
    a, b = rng.sample(COUNTRIES, 2)
    people = []
    for country in (a, a, a, b, b, rng.choice(COUNTRIES)):
        givens, families = NAMES[country[2]]
        people.append(Person(rng.choice(givens), rng.choice(families), rng.choice(TITLES), country[1]))
    orgs = [rng.choice(ORG_PATTERNS).format(country=c[0], adj=c[1]) for c in (a, b)]
    orgs = list(dict.fromkeys(orgs)) + [rng.choice(ORG_PATTERNS).format(country=a[0], adj=a[1])]
    towns = list(dict.fromkeys(rng.choice(TOWN_A) + rng.choice(TOWN_B) for _ in range(3)))
    exercise = f"{rng.choice(EXERCISE_WORDS)} {rng.choice(EXERCISE_NOUNS)}-{year}"
    return Cast(a, b, people, orgs, towns, exercise, rng.choice(COMPANIES), rng.choice(BLOCS), rng.choice(TOPICS))


def fill(template: str, cast: Cast, rng: random.Random, **extra: str) -> str:
    p1, p2 = rng.sample(cast.people, 2)
    slots = {
        "a_name": cast.a[0],
        "a_adj": cast.a[1],
        "b_name": cast.b[0],
        "b_adj": cast.b[1],
        "org1": cast.orgs[0],
        "org2": cast.orgs[1 % len(cast.orgs)],
        "town": rng.choice(cast.towns),
        "topic": cast.topic,
        "exercise": cast.exercise,
        "company": cast.company,
        "bloc": cast.bloc,
        "num": rng.choice(NUMBERS),
        "hundreds": rng.choice(NUMBERS[:7]).capitalize(),
    }
    if "{p1}" in template:
        slots["p1"] = p1.mention()
    if "{p2}" in template:
        slots["p2"] = p2.mention()
    slots.update(extra)
    if template == "{comment}":
        template = cast.next_comment(rng)
    text = template.format(**slots)
    return text.replace("the the ", "the ")


def dateline(pub: dt.date, town: str, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        return f"{town.upper()}, {MONTHS[pub.month - 1]} {pub.day}, {pub.year}"
    if style == 1:
        return (
            f"Published: {pub.day} {MONTHS[pub.month - 1]} {pub.year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
        )
    return f"{MONTHS[pub.month - 1]} {pub.day}, {pub.year} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"


def article(seed: int, index: int) -> str:
    """The text of article `index` for `seed` (independent of how many articles are written)."""
    rng = random.Random(f"{seed}:{index}")
    pub = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(19 * 365))
    cast = make_cast(rng, pub.year)
    title = fill(rng.choice(TITLE_TEMPLATES), cast, rng)
    lines = [title, "", dateline(pub, cast.towns[0], rng), ""]
    # Event days, oldest first, all before publication.
    n_events = rng.randint(5, 11)
    first = pub - dt.timedelta(days=rng.randint(20, 400))
    days = sorted({first + dt.timedelta(days=rng.randint(0, (pub - first).days - 1)) for _ in range(n_events)})
    lines += [fill("{comment}", cast, rng) + " " + fill("{comment}", cast, rng), ""]
    prev = None
    for d in days:
        para = []
        if rng.random() < 0.25:
            span = rng.randint(2, 8)
            when = range_phrase(d, span, pub, rng)
            para.append(fill(rng.choice(RANGE_TEMPLATES), cast, rng, range=when))
        else:
            when = date_phrase(d, prev, pub, rng)
            para.append(
                fill(rng.choice(EVENT_TEMPLATES), cast, rng, when=when, since_year=str(d.year - rng.randint(1, 6)))
            )
        if rng.random() < 0.4:
            year = rng.randint(d.year - 8, d.year - 1)
            para.append(
                fill(
                    rng.choice(PARTIAL_TEMPLATES),
                    cast,
                    rng,
                    year=str(year),
                    year2=str(year + rng.randint(1, 3)),
                    month_year=f"{MONTHS[rng.randrange(12)]} {year}",
                    since_year=str(year),
                )
            )
        for _ in range(rng.randint(1, 3)):
            para.append(fill("{comment}", cast, rng))
        lines += [" ".join(para), ""]
        prev = d
    lines.append(fill("{comment}", cast, rng))
    if rng.random() < 0.15:  # a page footer listing other headlines, as news sites do
        lines += ["", rng.choice(CLOSERS), ""]
        lines += [fill(rng.choice(TITLE_TEMPLATES), make_cast(rng, pub.year), rng) for _ in range(3)]
    return "\n".join(lines) + "\n"


def articles(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """(relative file name, text) for articles 0..n-1; 1,000 files per sub-folder."""
    for i in range(n):
        yield f"{i // 1000:03d}/{i:06d}.txt", article(seed, i)


def write_corpus(out: Path, n: int, seed: int) -> int:
    """Write n articles under out; return the number of words written."""
    words = 0
    for name, text in articles(n, seed):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="folder to write into (created)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("--n must be zero or more")
    words = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles ({words} words) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
