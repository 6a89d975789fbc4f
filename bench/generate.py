"""Write a reproducible corpus of realistic guides for benchmarks and tests.

    python bench/generate.py N OUT [--shape simple|real] [--seed S] [--defects SHARE]
                                   [--today YYYY-MM-DD]

Guide ``i`` depends only on the seed and ``i``, so the first 1,000 guides of a
10,000-guide corpus are the 1,000-guide corpus.  Clean guides agree with
themselves: the table shows the frontmatter's figures, dates are current
relative to ``--today``, and every figure or superlative in the prose is cited,
backed by the frontmatter, or inside a quoted negotiation script.  A share of
the guides (``--defects``, default 0.3) carries one to three defects drawn from
every family: schema, consistency, table, freshness and claims.  The kinds
injected into each file are listed in ``OUT/MANIFEST.json``.

``--shape real`` writes guides the way content teams write them instead (see
``bench/realshape.py``): nulls, absolute and signing bonuses, dual-currency
and lakh cells, tables keyed by level or pivoted by city, about 8 KB each.
Those follow their authors' habits rather than the schema, so no defects are
injected and the manifest lists none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 20260301
DEFAULT_TODAY = dt.date(2026, 3, 1)
DEFAULT_DEFECTS = 0.3

# region, ISO currency, how the table writes the symbol, pay relative to San Francisco
REGIONS: tuple[tuple[str, str, str, float], ...] = (
    ("San Francisco", "USD", "$", 1.00),
    ("New York", "USD", "$", 0.97),
    ("Seattle", "USD", "$", 0.94),
    ("Austin", "USD", "$", 0.84),
    ("Boston", "USD", "$", 0.90),
    ("Remote (US)", "USD", "$", 0.82),
    ("London", "GBP", "£", 0.62),
    ("Manchester", "GBP", "£", 0.48),
    ("Dublin", "EUR", "€", 0.58),
    ("Berlin", "EUR", "€", 0.50),
    ("Amsterdam", "EUR", "€", 0.55),
    ("Paris", "EUR", "€", 0.50),
    ("Zurich", "CHF", "CHF ", 0.78),
    ("Toronto", "CAD", "C$", 0.70),
    ("Vancouver", "CAD", "C$", 0.68),
    ("Sydney", "AUD", "A$", 0.80),
    ("Singapore", "SGD", "S$", 0.85),
)

COMPANY_HEADS = (
    "North", "Blue", "Bright", "Cedar", "Copper", "Delta", "Ember", "Fern", "Granite", "Harbor",
    "Iron", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Onyx", "Pine", "Quartz", "River",
    "Slate", "Tidal", "Umber", "Vector", "Willow", "Zenith",
)  # fmt: skip
COMPANY_TAILS = (
    "wind", "stack", "forge", "grid", "loop", "field", "mark", "path", "scale", "works",
    "signal", "bridge", "shift", "point", "craft", "layer",
)  # fmt: skip
COMPANY_KINDS = ("Labs", "AI", "Systems", "Data", "Cloud", "Robotics", "Health", "Pay")

ROLES: tuple[tuple[str, str, str, int], ...] = (
    # slug, display, role_type, San Francisco base midpoint
    ("ml-ai-engineer", "ML/AI Engineer", "specialist", 225000),
    ("software-engineer", "Software Engineer", "standard", 190000),
    ("senior-software-engineer", "Senior Software Engineer", "standard", 215000),
    ("data-scientist", "Data Scientist", "standard", 180000),
    ("data-engineer", "Data Engineer", "standard", 178000),
    ("product-manager", "Product Manager", "standard", 200000),
    ("engineering-manager", "Engineering Manager", "leadership", 245000),
    ("research-scientist", "Research Scientist", "specialist", 260000),
    ("security-engineer", "Security Engineer", "specialist", 205000),
    ("site-reliability-engineer", "Site Reliability Engineer", "standard", 195000),
    ("product-designer", "Product Designer", "standard", 170000),
    ("director-of-engineering", "Director of Engineering", "executive", 300000),
)

FOCUS = (
    ("Inference Cost", "serving models cheaply at high volume"),
    ("Developer Platform", "the tools other teams build on"),
    ("Data Reliability", "pipelines that downstream teams trust"),
    ("Enterprise Expansion", "features that large customers pay for"),
    ("Security Posture", "controls that pass customer audits"),
    ("Agent Tooling", "automation that runs multi-step tasks"),
    ("Observability", "telemetry that shortens incidents"),
)

SOURCES = (
    "Levels.fyi",
    "Glassdoor",
    "Blind",
    "LinkedIn Salary",
    "Payscale",
    "Carta",
    "Pave",
    "Hired",
)

SOURCE_LINES = (
    "{src} offer submissions for {role} at comparable companies ({year_prev}-{year})",
    "{src} verified compensation threads for {company} and its direct competitors",
    "{src} equity benchmark for companies at {company}'s funding stage ({year})",
    "{company} careers page and published job postings for {role} ({year})",
    "Public filings and funding announcements for {company} ({year_prev}-{year})",
    "{src} regional pay survey covering {region} technology employers ({year})",
    "Recruiter interviews and offer letters shared with the editors ({year})",
)

OVERVIEW = (
    "{role}s at {company} own {area}. The team is small enough that one engineer "
    "can carry a feature from design review to production, and the interview loop "
    "reflects that: expect questions about trade-offs you have lived through rather "
    "than puzzles you could memorise.",
    "The role sits between product and infrastructure. On a normal week a {role} "
    "reviews designs from two or three neighbouring teams, writes the migration "
    "plan for whatever they are replacing, and joins the on-call rotation every "
    "few weeks. Candidates who show that they can do all three negotiate from a "
    "stronger position than candidates who only show one.",
    "{company} levels candidates mostly on scope, not on years of experience. "
    "A strong written design sample and a clear story about a system you ran in "
    "production will do more for your level than a long list of tools, and the "
    "level decides most of the band before any negotiation starts.",
    "Hiring managers here care about {area}, and they say so in the first call. "
    "Bring one concrete example of work in that area, with numbers you can "
    "defend, and ask early which level the team has budgeted for the opening.",
    "The interview loop usually has four rounds: a recruiter screen, a technical "
    "deep dive, a system design session and a values conversation with a senior "
    "leader. Offers are assembled by a compensation committee that meets weekly, "
    "so a request made on a Friday is often answered the following Wednesday.",
    "Equity is granted as RSUs vesting over four years with a one-year cliff. "
    "Refresh grants are reviewed once a year, and the recruiter can usually tell "
    "you what a typical refresh looked like for the level you are offered.",
)

LEVER_CITED = (
    "Demand for engineers who work on {area_short} grew {pct}% over the last year [{ref}].",
    "Offers for this role at companies of {company}'s size rose {pct}% between "
    "{year_prev} and {year} [{ref}].",
    "Candidates who brought a competing written offer received {pct}% more equity "
    "on average than those who did not [{ref}].",
    "Roughly {count:,} engineers changed employers within this specialism last year, "
    "which keeps the market liquid for experienced candidates [{ref}].",
    "Sign-on bonuses for the role now reach {sym}{signon}K at the upper end of the market [{ref}].",
    "Teams working on {area_short} report time-to-hire about {mult}x longer than for "
    "general engineering openings [{ref}].",
)

LEVER_PLAIN = (
    "{company}'s plan for {year} puts {area} at the centre of the roadmap, and the "
    "teams that own it are the ones with open headcount.",
    "That makes the role easier to argue for: the work is visible to leadership, "
    "and a candidate who has shipped something similar can point to it directly.",
    "Ask which of the roadmap items the team is accountable for this year; the "
    "answer tells you how much room the hiring manager has to push on your behalf.",
    "Most of the negotiation room is in equity and the sign-on bonus rather than "
    "in base salary, which tends to sit inside a narrow band for each level.",
)

LEVERS = (
    (
        "Scope Premium",
        '"I have owned {area} end to end at my current employer. '
        'For that scope I am looking for {sym}{ask}K base."',
    ),
    (
        "Competing Offer",
        '"I hold an offer at {sym}{comp_base}K base with {sym}{comp_stock}K '
        "in equity over four years. I would rather join {company}, and {sym}{ask}K base "
        'would settle it."',
    ),
    (
        "Equity Over Base",
        '"If the base band is fixed, I can be flexible there in exchange '
        'for {sym}{stock_ask}K in RSUs over four years."',
    ),
    (
        "Sign-On Bridge",
        '"Leaving now costs me an unvested grant. A {sym}{signon}K sign-on '
        'bonus would cover most of it."',
    ),
    (
        "Level Calibration",
        '"My last two projects match the scope of the next level up. '
        'Could the committee review the level before we discuss numbers?"',
    ),
)

PROCESS = (
    "Ask for the offer in writing before you respond to it, and ask which parts "
    "are negotiable: base, equity, sign-on and start date are usually all in play.",
    "Give one number per component when you counter, not a range. A range tells "
    "the recruiter where the floor is, and the floor is where offers land.",
    "Keep the conversation with one recruiter. Going around them to the hiring "
    "manager rarely speeds things up and often slows the committee down.",
    "If the written offer differs from what was said on the call, point out the "
    "difference politely and ask for a corrected letter before signing.",
)

# sentences that each defect of the claims family adds to the prose
UNCITED_FIGURE = (
    "Median offers for this role climbed {pct}% in the last two quarters.",
    "Candidates who negotiate collect about {sym}{signon}K more in the first year.",
)
SUPERLATIVE = (
    "{company} is widely seen as the market leader in {area_short}.",
    "This is one of the most demanding roles in the industry.",
)
VAGUE = (
    "Studies show that candidates who counter once earn more over four years.",
    "Experts say the best time to negotiate is before the final round.",
)
UNLISTED = (
    "According to Gartner, budgets for this work will double by {year_next}.",
    "Forrester reports that most teams plan to grow headcount this year.",
)


@dataclass
class Row:
    region: str
    currency: str
    symbol: str
    base: tuple[int, int]
    stock: tuple[int, int]
    bonus: tuple[int, int | None]
    total: tuple[int, int]
    # how the table shows each money column and the bonus (None: as the frontmatter)
    shown: dict[str, str] = field(default_factory=dict)


@dataclass
class Draft:
    """One guide being assembled; defects edit it before it is rendered."""

    fields: dict[str, str]  # top-level scalar lines, in order, already YAML-formatted
    rows: list[Row]
    level_raw: str
    sources: list[str]
    summary: str
    title: str
    body_top: list[str]
    body_rest: list[str]
    references: list[str]
    table_rows: list[Row] | None = None  # rows the table shows (default: rows)
    extra_yaml: list[str] = field(default_factory=list)  # raw lines appended to the frontmatter
    row_yaml_edits: dict[int, list[tuple[str, str | None]]] = field(default_factory=dict)
    yaml_tab: bool = False


def _k(value: int) -> int:
    return round(value / 1000)


def money(symbol: str, low: int, high: int | None = None) -> str:
    if high is None or high == low:
        return f"{symbol}{_k(low)}K"
    return f"{symbol}{_k(low)}K–{symbol}{_k(high)}K"


def bonus_cell(low: int, high: int | None) -> str:
    return f"{low}%" if high is None else f"{low}–{high}%"


def _round(value: float, step: int = 1000) -> int:
    return int(round(value / step) * step)


def make_row(rng: random.Random, region: tuple[str, str, str, float], mid: int) -> Row:
    name, currency, symbol, factor = region
    base_mid = mid * factor * rng.uniform(0.95, 1.05)
    base = (_round(base_mid * 0.87), _round(base_mid * 1.13))
    stock_mid = base_mid * rng.uniform(0.8, 1.7)
    stock = (_round(stock_mid * 0.7), _round(stock_mid * 1.3))
    bonus_low = rng.choice((0, 5, 8, 10, 10, 15))
    bonus_high = rng.choice((None, None, bonus_low + 5, bonus_low + 10)) if bonus_low else None
    yearly = lambda b, s, p: b + s / 4 + b * p / 100  # noqa: E731
    total = (
        _round(yearly(base[0], stock[0], bonus_low)),
        _round(yearly(base[1], stock[1], bonus_high if bonus_high is not None else bonus_low)),
    )
    return Row(name, currency, symbol, base, stock, (bonus_low, bonus_high), total)


def company_name(rng: random.Random, index: int) -> tuple[str, str]:
    head, tail = rng.choice(COMPANY_HEADS), rng.choice(COMPANY_TAILS)
    kind = rng.choice(COMPANY_KINDS)
    display = f"{head}{tail} {kind}"
    slug = f"{head}{tail}-{kind}".lower() + f"-{index:05d}"
    return slug, display


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(year: int, q: int) -> tuple[int, int]:
    return (year, q - 1) if q > 1 else (year - 1, 4)


def draft_guide(rng: random.Random, index: int, today: dt.date) -> Draft:
    slug, company = company_name(rng, index)
    role_slug, role, role_type, mid = rng.choice(ROLES)
    focus, area = rng.choice(FOCUS)
    area_short = focus.lower()
    regions = rng.sample(REGIONS, rng.randint(1, 6))
    rows = [make_row(rng, region, mid) for region in regions]

    last_updated = today - dt.timedelta(days=rng.randint(5, 75))
    next_review = last_updated + dt.timedelta(days=rng.choice((90, 120, 150)))
    year, q = previous_quarter(*quarter_of(last_updated))
    sources = rng.sample(SOURCES, rng.randint(2, 4))
    summary = (
        f"{rng.choice(('Strong Base', 'Equity-Heavy', 'Balanced Package', 'Bonus-Led'))}"
        f" + {focus} Premium | {today.year} Focus: {focus}"
    )
    level = rng.choice(("L4", "L5", "IC3", "IC4", "Senior", "Staff"))
    level_raw = (
        f"{company} {role} {level} = Google L{rng.randint(4, 6)} = Meta E{rng.randint(4, 6)}"
        f" = Microsoft {rng.randint(61, 66)}"
    )
    fields = {
        "company": slug,
        "company_display": company,
        "role": role_slug,
        "role_display": role,
        "role_type": role_type,
        "last_updated": last_updated.isoformat(),
        "data_quality": rng.choice(("high", "high", "medium", "low")),
        "salary_data_quarter": f"{year}-Q{q}",
        "next_review_due": next_review.isoformat(),
    }

    lead = rows[0]
    sym = lead.symbol
    words = {
        "company": company,
        "role": role,
        "area": area,
        "area_short": area_short,
        "year": today.year,
        "year_prev": today.year - 1,
        "year_next": today.year + 1,
        "sym": sym,
        "region": lead.region,
        "ask": _k(lead.base[1]) - rng.choice((0, 5, 10)),
        "comp_base": _k(lead.base[1]) - 5,
        "comp_stock": _k(lead.stock[1]) - 10,
        "stock_ask": _k(lead.stock[1]),
        "signon": rng.choice((20, 25, 30, 40, 50)),
    }

    # references first, so cited sentences can point at real entries
    references = []
    for line in rng.sample(SOURCE_LINES, rng.randint(3, 5)):
        references.append(line.format(src=rng.choice(sources), **words))
    n_refs = len(references)

    def fill(text: str) -> str:
        return text.format(
            pct=rng.randint(6, 45),
            count=rng.randint(2, 40) * 1000,
            mult=rng.choice(("1.5", "2", "2.5", "3")),
            ref=rng.randint(1, n_refs),
            **words,
        )

    body_top = [
        f"**Negotiation DNA:** {summary}",
    ]
    body_rest: list[str] = []
    body_rest.append("**Negotiation DNA**")
    for text in rng.sample(OVERVIEW, rng.randint(2, 3)):
        body_rest.append(fill(text))
    body_rest.append(f"**Level Mapping:** {level_raw}")
    body_rest.append(f"### {focus} Lever")
    cited = rng.sample(LEVER_CITED, rng.randint(2, 3))
    plain = rng.sample(LEVER_PLAIN, 3)
    body_rest.append(fill(plain[0] + " " + cited[0]))
    body_rest.append(fill(" ".join([plain[1], *cited[1:], plain[2]])))
    body_rest.append("**Global Levers**")
    items = []
    for number, (name, script) in enumerate(rng.sample(LEVERS, rng.randint(3, 4)), 1):
        items.append(f"{number}. **{name}:** {fill(script)}")
    body_rest.append("\n".join(items))
    body_rest.append("**Regional Notes**")
    notes = []
    for row in rows:
        notes.append(
            f"- **{row.region}:** base offers run from {money(row.symbol, row.base[0])} to "
            f"{money(row.symbol, row.base[1])}, and total compensation reaches "
            f"{money(row.symbol, row.total[1])} at the top of the band."
        )
    body_rest.append("\n".join(notes))
    body_rest.append("### Process")
    for text in rng.sample(PROCESS, 2):
        body_rest.append(fill(text))
    body_rest.append(
        f'> **Negotiate Up Strategy:** "I am excited about {area} at {company}. With the '
        f"offer I already hold, {sym}{words['ask']}K base, {sym}{words['stock_ask']}K in "
        f'equity and a {sym}{words["signon"]}K sign-on would let me accept this week."'
    )
    # every reference must be cited at least once: mention any that were not
    cited_refs = {int(n) for n in re.findall(r"\[(\d+)\]", "\n".join(body_rest))}
    for ref in range(1, n_refs + 1):
        if ref not in cited_refs:
            body_rest.append(
                f"Figures in the regional notes were cross-checked against entry {ref} "
                f"of the list below [{ref}]."
            )
    return Draft(
        fields=fields,
        rows=rows,
        level_raw=level_raw,
        sources=sources,
        summary=summary,
        title=f"### {role} | {company} Global Negotiation Guide",
        body_top=body_top,
        body_rest=body_rest,
        references=references,
    )


# ---------------------------------------------------------------- defects


def _schema_defect(rng: random.Random, d: Draft) -> str:
    kind = rng.choice(
        ("missing", "wrong-type", "enum", "unknown", "date-format", "yaml-syntax", "duplicate")
    )
    if kind == "missing":
        del d.fields[rng.choice(("role_type", "data_quality", "salary_data_quarter"))]
    elif kind == "wrong-type":
        row = rng.randrange(len(d.rows))
        d.row_yaml_edits.setdefault(row, []).append(("base_low", f"{_k(d.rows[row].base[0])}K"))
    elif kind == "enum":
        d.fields["data_quality"] = "excellent"
    elif kind == "unknown":
        row = rng.randrange(len(d.rows))
        d.row_yaml_edits.setdefault(row, []).append(("stock_high", None))
        d.row_yaml_edits[row].append(("stock_hgih", str(d.rows[row].stock[1])))
    elif kind == "date-format":
        due = dt.date.fromisoformat(d.fields["next_review_due"])
        d.fields["next_review_due"] = f'"{due.day} {due.strftime("%b")} {due.year}"'
    elif kind == "yaml-syntax":
        d.yaml_tab = True
    else:
        d.extra_yaml.append(f"data_quality: {d.fields.get('data_quality', 'high')}")
    return f"schema:{kind}"


def _consistency_defect(rng: random.Random, d: Draft) -> str:
    kind = rng.choice(("inverted-range", "total-below-base", "region-currency"))
    row = d.rows[rng.randrange(len(d.rows))]
    if kind == "inverted-range":
        row.base = (row.base[1], row.base[0])
        row.shown["base"] = money(row.symbol, row.base[0], row.base[1])
    elif kind == "total-below-base":
        row.total = (row.base[0] - 10000, row.total[1])
    else:
        row.currency = "USD" if row.currency != "USD" else "GBP"
    return f"consistency:{kind}"


def _table_defect(rng: random.Random, d: Draft) -> str:
    kind = rng.choice(
        (
            "value",
            "value",
            "missing-row",
            "extra-row",
            "currency",
            "unbacked-bonus",
            "tbd",
            "no-table",
        )
    )
    row = d.rows[rng.randrange(len(d.rows))]
    if kind == "value":
        column = rng.choice(("base", "stock", "total"))
        low, high = getattr(row, column)
        row.shown[column] = money(row.symbol, low, high + rng.choice((5000, 10000, 20000)))
    elif kind == "missing-row":
        if len(d.rows) < 2:
            return _table_defect(rng, d)
        d.table_rows = [r for r in d.rows if r is not row]
    elif kind == "extra-row":
        name = rng.choice([r[0] for r in REGIONS if r[0] not in {x.region for x in d.rows}])
        extra = make_row(rng, next(r for r in REGIONS if r[0] == name), 150000)
        d.table_rows = [*d.rows, extra]
    elif kind == "currency":
        other = "€" if row.symbol != "€" else "£"
        row.shown["base"] = money(other, *row.base)
    elif kind == "unbacked-bonus":
        low = row.bonus[0] or 5
        row.bonus = (low, None)
        row.shown["bonus"] = bonus_cell(low, low + 10)
    elif kind == "tbd":
        row.shown["stock"] = "TBD"
    else:
        d.table_rows = []
    return f"table:{kind}"


def _freshness_defect(rng: random.Random, d: Draft, today: dt.date) -> str:
    kind = rng.choice(
        ("overdue", "stale-quarter", "future-date", "date-order", "body-date", "stale-year")
    )
    if kind == "overdue":
        last = today - dt.timedelta(days=rng.randint(200, 400))
        d.fields["last_updated"] = last.isoformat()
        d.fields["next_review_due"] = (last + dt.timedelta(days=90)).isoformat()
        year, q = previous_quarter(*quarter_of(last))
        d.fields["salary_data_quarter"] = f"{year}-Q{q}"
    elif kind == "stale-quarter":
        d.fields["salary_data_quarter"] = f"{today.year - 2}-Q{rng.randint(1, 4)}"
    elif kind == "future-date":
        d.fields["last_updated"] = (today + dt.timedelta(days=rng.randint(3, 40))).isoformat()
        d.fields["next_review_due"] = (today + dt.timedelta(days=150)).isoformat()
    elif kind == "date-order":
        d.fields["next_review_due"] = (
            dt.date.fromisoformat(d.fields["last_updated"]) - dt.timedelta(days=10)
        ).isoformat()
    elif kind == "body-date":
        wrong = dt.date.fromisoformat(d.fields["last_updated"]) - dt.timedelta(days=100)
        d.body_top.append(f"*Last updated: {wrong.strftime('%B')} {wrong.day}, {wrong.year}*")
    else:
        d.title = d.title + f" {today.year - 2}"
    return f"freshness:{kind}"


def _claims_defect(rng: random.Random, d: Draft) -> str:
    kind = rng.choice(
        ("uncited-figure", "superlative", "vague", "unlisted", "unresolved", "unused-reference")
    )
    lead = d.rows[0]
    words = {
        "company": d.fields.get("company_display", "the company"),
        "area_short": "this work",
        "year_next": DEFAULT_TODAY.year + 1,
        "sym": lead.symbol,
        "pct": rng.randint(11, 39),
        "signon": rng.choice((15, 35, 45)),
    }
    pools = {
        "uncited-figure": UNCITED_FIGURE,
        "superlative": SUPERLATIVE,
        "vague": VAGUE,
        "unlisted": UNLISTED,
    }
    at = rng.randrange(2, len(d.body_rest))
    if kind in pools:
        sentence = rng.choice(pools[kind]).format(**words)
        d.body_rest.insert(at, sentence)
    elif kind == "unresolved":
        d.body_rest.insert(
            at,
            f"Recruiters at {words['company']} confirmed the band in writing "
            f"[{len(d.references) + 3}].",
        )
    else:
        d.references.append("Internal notes from a compensation round table (unpublished)")
    return f"claims:{kind}"


def inject(rng: random.Random, d: Draft, today: dt.date) -> list[str]:
    families = ["schema", "consistency", "table", "freshness", "claims"]
    chosen = rng.sample(families, rng.choice((1, 1, 1, 2, 3)))
    made = []
    for family in chosen:
        if family == "schema":
            made.append(_schema_defect(rng, d))
        elif family == "consistency":
            made.append(_consistency_defect(rng, d))
        elif family == "table":
            made.append(_table_defect(rng, d))
        elif family == "freshness":
            made.append(_freshness_defect(rng, d, today))
        else:
            made.append(_claims_defect(rng, d))
    return made


# ---------------------------------------------------------------- rendering


def _yaml_text(value: str) -> str:
    """Quote a scalar when YAML would read it as something other than text."""
    if any(ch in value for ch in ":#|{}[]&*!%@`\"'") or value.strip() != value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def render(d: Draft) -> str:
    out = ["---"]
    for key, value in d.fields.items():
        if key in ("company_display", "role_display"):
            value = _yaml_text(value)
        out.append(f"{key}: {value}")
    out.append("compensation:")
    indent = "\t" if d.yaml_tab else "  "
    for number, row in enumerate(d.rows):
        items: list[tuple[str, str | None]] = [
            ("region", _yaml_text(row.region)),
            ("base_low", str(row.base[0])),
            ("base_high", str(row.base[1])),
            ("stock_low", str(row.stock[0])),
            ("stock_high", str(row.stock[1])),
            ("bonus_pct", str(row.bonus[0])),
        ]
        if row.bonus[1] is not None:
            items.append(("bonus_pct_high", str(row.bonus[1])))
        items += [
            ("total_comp_low", str(row.total[0])),
            ("total_comp_high", str(row.total[1])),
            ("currency", row.currency),
        ]
        for key, value in d.row_yaml_edits.get(number, []):
            items = [(k, v) for k, v in items if k != key]
            if value is not None:
                items.append((key, value))
        first = True
        for key, value in items:
            prefix = f"{indent}- " if first else f"{indent}  "
            out.append(f"{prefix}{key}: {value}")
            first = False
    out.append("level_mapping:")
    out.append("  internal: null")
    out.append(f"  raw: {_yaml_text(d.level_raw)}")
    out.append("data_sources:")
    out.extend(f"  - {_yaml_text(s)}" for s in d.sources)
    out.append(f"negotiation_dna_summary: {_yaml_text(d.summary)}")
    out.extend(d.extra_yaml)
    out.append("---")
    blocks = [d.title, *d.body_top]
    table_rows = d.rows if d.table_rows is None else d.table_rows
    if table_rows:
        lines = [
            "| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |",
            "|--------|-------------|-----------------|-------|------------|",
        ]
        for row in table_rows:
            shown = row.shown
            lines.append(
                f"| {row.region} "
                f"| {shown.get('base') or money(row.symbol, *row.base)} "
                f"| {shown.get('stock') or money(row.symbol, *row.stock)} "
                f"| {shown.get('bonus') or bonus_cell(*row.bonus)} "
                f"| {shown.get('total') or money(row.symbol, *row.total)} |"
            )
        blocks.append("\n".join(lines))
    blocks.extend(d.body_rest)
    blocks.append("#### Sources")
    blocks.append("\n".join(f"{n}. {text}" for n, text in enumerate(d.references, 1)))
    return "\n".join(out) + "\n" + "\n\n".join(blocks) + "\n"


def guide(index: int, seed: int = DEFAULT_SEED, defects: float = DEFAULT_DEFECTS,
          today: dt.date = DEFAULT_TODAY) -> tuple[str, str, list[str]]:  # fmt: skip
    """Guide number ``index``: (relative path, text, injected defect kinds)."""
    rng = random.Random(f"{seed}:{index}")
    d = draft_guide(rng, index, today)
    made = inject(rng, d, today) if rng.random() < defects else []
    company = d.fields.get("company", f"company-{index:05d}")
    path = f"{company[:1]}/{company}/{d.fields['role']}.md"
    return path, render(d), made


SHAPES = ("simple", "real")


def real_guide(
    index: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY
) -> tuple[str, str]:
    """Guide number ``index`` in the real format: (relative path, text)."""
    folder = str(Path(__file__).resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import realshape

    return realshape.real_guide(index, seed, today)


def generate(
    count: int,
    out: str | Path,
    seed: int = DEFAULT_SEED,
    defects: float = DEFAULT_DEFECTS,
    today: dt.date = DEFAULT_TODAY,
    shape: str = "simple",
) -> dict[str, list[str]]:
    """Write ``count`` guides under ``out``; returns {path: defect kinds}."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}: expected one of {', '.join(SHAPES)}")
    root = Path(out)
    manifest: dict[str, list[str]] = {}
    for index in range(count):
        if shape == "real":
            rel, text = real_guide(index, seed, today)
            made: list[str] = []
        else:
            rel, text, made = guide(index, seed, defects, today)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        manifest[rel] = made
    (root / "MANIFEST.json").write_text(
        json.dumps(
            {"count": count, "shape": shape, "seed": seed,
             "defects": defects if shape == "simple" else 0, "today": today.isoformat(),
             "guides": manifest},
            indent=1,
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of guides")
    parser.add_argument("out", help="folder to write them to")
    parser.add_argument(
        "--shape", choices=SHAPES, default="simple",
        help="simple: the seed format, with injected defects; real: as content teams write guides",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--defects", type=float, default=DEFAULT_DEFECTS, help="share of guides with defects"
    )
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=DEFAULT_TODAY,
        help="the date guides are fresh relative to (lint them with the same --today)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not 0 <= args.defects <= 1:
        parser.error("--defects must be between 0 and 1")
    manifest = generate(args.count, args.out, args.seed, args.defects, args.today, args.shape)
    broken = sum(1 for kinds in manifest.values() if kinds)
    print(f"wrote {len(manifest)} guides ({broken} with defects) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
