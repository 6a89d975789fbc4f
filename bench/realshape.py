"""The real-format corpus shape: guides written the way content teams write them.

Used by ``bench/generate.py --shape real``.  Guide ``i`` depends only on the
seed and ``i``.  The shape follows what real guides do, not what the schema
asks for: ``null`` for figures nobody could find, absolute bonuses
(``bonus_low``/``bonus_high``) and signing bonuses, ``role_type: specialty``,
``data_sources`` written as objects, region names with a currency in
parentheses or an emoji shortcode, dual-currency cells, ``/4yr`` suffixes,
lakhs, and tables keyed by level or pivoted by city.  Every sentence comes from
the templates below; about 8 KB of prose per guide.
"""

from __future__ import annotations

import datetime as dt
import random

from generate import _round, _yaml_text, previous_quarter, quarter_of

# name, ISO currency, symbol, pay relative to San Francisco, emoji shortcode
REGIONS: tuple[tuple[str, str, str, float, str], ...] = (
    ("San Francisco", "USD", "$", 1.00, "us"),
    ("New York", "USD", "$", 0.97, "us"),
    ("Seattle", "USD", "$", 0.94, "us"),
    ("Austin", "USD", "$", 0.84, "us"),
    ("Remote US", "USD", "$", 0.82, "us"),
    ("London", "GBP", "£", 0.62, "gb"),
    ("Dublin", "EUR", "€", 0.58, "ireland"),
    ("Berlin", "EUR", "€", 0.50, "de"),
    ("Amsterdam", "EUR", "€", 0.55, "netherlands"),
    ("Zurich", "CHF", "CHF ", 0.78, "switzerland"),
    ("Toronto", "CAD", "C$", 0.70, "canada"),
    ("Singapore", "SGD", "S$", 0.85, "singapore"),
    ("Sydney", "AUD", "A$", 0.80, "australia"),
    ("Bangalore", "INR", "₹", 0.30, "india"),
)
USD_RATE = {"USD": 1.0, "GBP": 1.27, "EUR": 1.09, "CHF": 1.13, "CAD": 0.74,
            "SGD": 0.75, "AUD": 0.66, "INR": 0.012}  # fmt: skip
LOCAL_PER_USD = {"INR": 83.0}  # Bangalore bands are written in rupees

COMPANY_PARTS = (
    ("Aster", "Brook", "Corvid", "Dune", "Evergreen", "Falcon", "Glacier", "Helix", "Indigo",
     "Jasper", "Keystone", "Lattice", "Meridian", "Nova", "Orbit", "Prism", "Quill", "Radiant",
     "Summit", "Tessellate", "Umbra", "Vantage", "Wavelength", "Xylo", "Yardline", "Zephyr"),
    ("", "", " Labs", " AI", " Systems", " Pay", " Health", " Cloud", " Robotics", " Bio"),
)  # fmt: skip

ROLES: tuple[tuple[str, str, str, int], ...] = (
    ("software-engineer", "Software Engineer", "standard", 185000),
    ("senior-software-engineer", "Senior Software Engineer", "standard", 215000),
    ("staff-software-engineer", "Staff Software Engineer", "standard", 265000),
    ("ml-ai-engineer", "ML/AI Engineer", "specialty", 230000),
    ("data-engineer", "Data Engineer", "standard", 175000),
    ("data-scientist", "Data Scientist", "standard", 180000),
    ("security-engineer", "Security Engineer", "specialty", 205000),
    ("devops-engineer", "DevOps Engineer", "standard", 170000),
    ("product-manager", "Product Manager", "standard", 200000),
    ("technical-program-manager", "Technical Program Manager", "standard", 190000),
    ("engineering-manager", "Engineering Manager", "leadership", 250000),
    ("research-scientist", "Research Scientist", "specialist", 255000),
    ("solutions-architect", "Solutions Architect", "specialty", 185000),
    ("director-of-engineering", "Director of Engineering", "executive", 310000),
)

LEVELS = (
    ("Mid (L3-L4)", "Software Engineer II", 0.82, "2-5"),
    ("Senior (L5)", "Senior Engineer", 1.00, "5-8"),
    ("Staff (L6)", "Staff Engineer", 1.28, "8-12"),
    ("Principal (L7)", "Principal Engineer", 1.60, "12+"),
)

THEMES = (
    ("Inference Economics", "the cost of serving models at scale", "inference"),
    ("Platform Consolidation", "folding a dozen internal tools into one platform", "platform"),
    ("Regulated Expansion", "launching in markets with strict licensing", "compliance"),
    ("Payments Rails", "the systems that move money between banks", "payments"),
    ("Agentic Workflows", "software that plans and runs multi-step tasks", "agents"),
    ("Edge Reliability", "keeping devices in the field online", "reliability"),
    ("Data Sovereignty", "keeping customer data inside its home region", "data residency"),
    ("Enterprise Upmarket", "winning contracts with the largest customers", "enterprise"),
)

TAGS = ("Private", "Pre-IPO", "Public", "Series C", "Series D", "RSU/4yr", "Options/4yr", "IC Track",
        "Remote-Friendly", "Hybrid", "Hypergrowth", "Profitable", "Enterprise", "Developer Tools")  # fmt: skip

SOURCES = (
    ("Levels.fyi", "https://www.levels.fyi/companies/{slug}/salaries"),
    ("Glassdoor", "https://www.glassdoor.com/Salary/{slug}-salaries"),
    ("Blind", "https://www.teamblind.com/company/{slug}"),
    ("LinkedIn Salary", "https://www.linkedin.com/salary/{slug}"),
    ("Carta Total Compensation", "https://carta.com/total-comp/{slug}"),
    ("Company careers page", "https://careers.example.com/{slug}"),
)

# -- prose templates (one paragraph each) ------------------------------------------

DNA = (
    "{company} hires {role}s into small teams that own {theme_long} from the first design "
    "document to the on-call rotation. The interview loop is built around that ownership: "
    "interviewers ask how a system behaved under load, what broke first, and what the "
    "candidate changed afterwards. Candidates who can describe one such incident in detail, "
    "with the numbers they watched, are levelled higher than candidates with a longer resume "
    "and fewer specifics.",
    "The company's {year} plan puts {theme_short} at the centre of its roadmap. Leadership "
    "has said so on every public call this year, and the headcount follows the message: most "
    "of the open {role} requisitions sit in the two groups responsible for it. That matters "
    "for negotiation, because a hiring manager with a funded, visible mandate has more room "
    "to argue for an exception than one filling a backfill.",
    "Compensation at {company} is set by a committee that meets weekly and works from bands "
    "published internally for each level and location. Recruiters can move within a band "
    "without approval; anything above the band needs a written case from the hiring manager. "
    "The practical consequence is that the level decides most of the outcome, and the "
    "conversation about level should happen before the conversation about numbers.",
    "Equity is granted as {equity} vesting over four years with a one-year cliff, and refresh "
    "grants are reviewed once a year alongside performance ratings. A candidate who joins "
    "late in the review cycle waits almost two years for a first refresh, which is a fair "
    "argument for a larger initial grant or a sign-on bonus that bridges the gap.",
    "Teams here write things down. Design reviews are documents, not slide decks, and "
    "promotion cases are judged on written evidence of scope. Candidates who send a short "
    "written summary of their most relevant project after the final round give the "
    "committee something concrete to quote, and committees quote what they are given.",
    "The {role} loop usually has five rounds: a recruiter screen, a technical deep dive, a "
    "design session on a problem close to {theme_short}, a collaboration interview with a "
    "partner team, and a values conversation with a director. Feedback is collected within "
    "two working days, and offers go out within a week of the last round when the loop is "
    "positive.",
)

THEME = (
    "The {theme} premium exists because few people have done this work in production. "
    "{company} competes for them with larger companies that can outbid it on base salary, so "
    "it leans on equity and scope instead. A candidate with direct experience of "
    "{theme_long} should say so early and often, and should expect the first offer to "
    "understate what the team is prepared to pay.",
    "Public reporting this year describes {company} moving a large share of its engineering "
    "budget toward {theme_short}. The teams doing that work have the newest headcount and "
    "the most visible deadlines. Ask in every round which milestone the team is accountable "
    "for in the next two quarters; the answer tells you how urgent the hire is, and urgency "
    "is leverage.",
    "Competitors hiring for the same skills include the large cloud providers and two or "
    "three well-funded start-ups. Their offers tend to be richer in base and poorer in scope. "
    "Framing a competing offer in those terms, rather than as a bidding war, gives the "
    "recruiter an argument the committee accepts: the candidate is choosing scope and "
    "needs the package to make that choice sensible.",
    "Engineers who have shipped {theme_short} work elsewhere report that the hardest part is "
    "not the algorithms but the operations: capacity planning, cost reporting and the "
    "incident reviews that follow a bad week. Interviewers at {company} probe exactly those "
    "areas. Preparing two or three stories about operating such a system pays off in both "
    "the level decision and the final number.",
)

LEVEL_TEXT = (
    "{company}'s ladder runs from entry level through principal, with the senior level as "
    "the usual hiring target for experienced candidates. Titles are shared across product "
    "and infrastructure teams, so a level here compares cleanly with the same level at "
    "peer companies. The mapping below is the one recruiters use when they read competing "
    "offers.",
    "Levels are calibrated on scope: the number of teams a person's work affects and the "
    "length of time their decisions stay in force. Years of experience are a weak signal "
    "and recruiters say so openly. If the first offer comes in a level lower than expected, "
    "ask for the calibration notes and answer them point by point in writing.",
)

LEVERS = (
    ("Scope Premium", "I have owned {theme_short} end to end for the last two years, including "
     "the on-call rotation and the budget. For that scope I am looking for {ask} base."),
    ("Competing Offer", "I hold a written offer at {competing} base with a larger equity grant. "
     "I would rather join {company}, and {ask} base would let me accept this week."),
    ("Equity Over Base", "If the base band is fixed, I can be flexible there in exchange for "
     "{stock_ask} in {equity} over four years, which keeps my first-year total whole."),
    ("Sign-On Bridge", "Leaving now forfeits an unvested grant worth {signon}. A sign-on bonus "
     "of that size would cover it and let me start on the date the team wants."),
    ("Level Calibration", "My last two projects match the scope the ladder describes for the "
     "next level up. Could the committee review the level before we discuss numbers?"),
    ("Start-Date Flexibility", "I can start two weeks earlier than planned if that helps the "
     "team's milestone. In return I would like the offer to reach {ask} base."),
)  # fmt: skip

STRATEGY = (
    "Open at {ask} base and {stock_ask} in {equity} for {lead}, and hold that anchor through "
    "the first counter. Your accept-at floor should be {floor} base. If base is capped, ask "
    'for a {signon} signing bonus instead: "The role is the one I want, and the equity is '
    'close. A sign-on bonus that covers what I leave behind would let me sign today."'
)

EVIDENCE = (
    "{source} — {role} compensation reports for {company} and direct competitors ({year_prev}-{year})",
    "{source} — verified offer letters for {role} at companies of similar stage ({year})",
    "{company} careers page — open {role} requisitions and team descriptions ({month} {year})",
    "{company} public filings and funding announcements ({year_prev}-{year})",
    "{source} — regional pay survey covering {lead} technology employers ({year})",
    "Recruiter conversations and offer letters shared with the editors ({month} {year})",
)  # fmt: skip

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


# -- figures ----------------------------------------------------------------------


class Band:
    """One row of compensation: low and high per component, None where unknown."""

    def __init__(self, rng: random.Random, name: str, currency: str, symbol: str, mid: float):
        self.name, self.currency, self.symbol = name, currency, symbol
        scale = LOCAL_PER_USD.get(currency, 1.0)
        base_mid = mid * rng.uniform(0.94, 1.06) * scale
        step = 100000 if currency == "INR" else 1000
        self.base = (_round(base_mid * 0.86, step), _round(base_mid * 1.14, step))
        stock_mid = base_mid * rng.uniform(0.6, 1.6)
        self.stock: tuple[int, int] | None = (
            _round(stock_mid * 0.7, step),
            _round(stock_mid * 1.3, step),
        )
        self.bonus_pct: tuple[int, int | None] | None = (rng.choice((10, 10, 15, 20)), None)
        if rng.random() < 0.4:
            self.bonus_pct = (self.bonus_pct[0], self.bonus_pct[0] + 5)
        self.bonus_abs: tuple[int, int] | None = None
        self.signing: tuple[int, int] | None = None
        self.pivot: list[tuple[int, int]] = []
        yearly_low = self.base[0] + self.stock[0] / 4 + self.base[0] * 0.1
        yearly_high = self.base[1] + self.stock[1] / 4 + self.base[1] * 0.15
        self.total: tuple[int, int] | None = (_round(yearly_low, step), _round(yearly_high, step))


def _k(value: int) -> str:
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g}M"
    return f"{round(value / 1000)}K"


def _grouped(value: int) -> str:
    return f"{value:,}"


def _lakhs(value: int) -> str:
    return f"{round(value / 100_000)}L"


def _indian(value: int) -> str:
    text = str(value)
    head, tail = text[:-3], text[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join([*groups, tail])


class Cells:
    """How one guide writes money: the same habits in every cell, as real authors do."""

    def __init__(self, rng: random.Random) -> None:
        self.style = rng.choice(("k", "k", "k", "full", "spaced"))
        self.dash = rng.choice(("–", "–", "-"))
        self.dual = rng.random() < 0.35  # non-USD cells also show USD
        self.suffix = rng.choice(("", "", "", " RSU/4yr", "/4yr"))
        self.lakhs = rng.random() < 0.7
        self.unknown = rng.choice(("—", "N/A", "Not disclosed", "TBD"))

    def amount(self, symbol: str, currency: str, value: int) -> str:
        if currency == "INR":
            return f"₹{_lakhs(value)}" if self.lakhs else f"₹{_indian(value)}"
        text = _grouped(value) if self.style == "full" else _k(value)
        return f"{symbol}{text}"

    def money(self, band: Band, pair: tuple[int, int] | None, suffix: str = "") -> str:
        if pair is None:
            return self.unknown
        sym, cur = band.symbol, band.currency
        dash = f" {self.dash} " if self.style == "spaced" else self.dash
        local = f"{self.amount(sym, cur, pair[0])}{dash}{self.amount(sym, cur, pair[1])}"
        if not self.dual or cur == "USD":
            return local + suffix
        usd = [_round(v * USD_RATE[cur]) for v in pair]
        if self.style == "full":  # `£75,000-£110,000 / $95,000-$139,000`
            return f"{local} / ${_grouped(usd[0])}{dash}${_grouped(usd[1])}{suffix}"
        # `£75K / $95K – £135K / $170K`
        low = f"{self.amount(sym, cur, pair[0])} / ${_k(usd[0])}"
        high = f"{self.amount(sym, cur, pair[1])} / ${_k(usd[1])}"
        return f"{low} – {high}{suffix}"

    def bonus(self, band: Band) -> str:
        if band.bonus_abs is not None:
            return self.money(band, band.bonus_abs)
        if band.bonus_pct is None:
            return self.unknown
        low, high = band.bonus_pct
        return f"{low}%" if high is None else f"{low}{self.dash}{high}%"


# -- the guide --------------------------------------------------------------------


def _region_label(rng: random.Random, style: str, region: tuple[str, str, str, float, str]) -> str:
    name, currency, _, _, emoji = region
    if style == "currency":
        return f"{name} ({currency})"
    if style == "emoji":
        return f":{emoji}: {name} ({currency})"
    return name


def _figure(value: int | None) -> str:
    return "null" if value is None else str(value)


def real_guide(index: int, seed: int, today: dt.date) -> tuple[str, str]:
    """Guide number ``index`` in the real format: (relative path, text)."""
    rng = random.Random(f"{seed}:real:{index}")
    head = rng.choice(COMPANY_PARTS[0])
    tail = rng.choice(COMPANY_PARTS[1])
    company = f"{head}{tail}"
    slug = f"{company.lower().replace(' ', '-')}-{index:05d}"
    role_slug, role, role_type, mid = rng.choice(ROLES)
    theme, theme_long, theme_short = rng.choice(THEMES)
    cells = Cells(rng)
    label_style = rng.choice(("plain", "plain", "currency", "emoji"))
    layout = rng.choices(("region", "level", "pivot"), (70, 15, 15))[0]
    equity = rng.choice(("RSUs", "RSUs", "options"))

    regions = rng.sample(REGIONS, rng.randint(2, 5))
    regions.sort(key=lambda r: r[1] != "USD")  # the lead region pays in dollars when any does
    if layout == "level":
        lead = regions[0]
        levels = rng.sample(LEVELS, rng.randint(3, 4))
        levels.sort(key=lambda lv: lv[2])
        bands = [Band(rng, lv[0], lead[1], lead[2], mid * lv[2] * lead[3]) for lv in levels]
    else:
        levels = []
        bands = [
            Band(rng, _region_label(rng, label_style, r), r[1], r[2], mid * r[3]) for r in regions
        ]
    absolute_bonus = rng.random() < 0.3
    signing = rng.random() < 0.35
    for band in bands:
        if absolute_bonus:
            band.bonus_pct = None
            low = _round(band.base[0] * rng.uniform(0.08, 0.12), 1000)
            band.bonus_abs = (low, _round(low * rng.uniform(1.4, 1.9), 1000))
        if signing:
            low = _round(band.base[0] * rng.uniform(0.06, 0.1), 1000)
            band.signing = (low, _round(low * 2, 1000))
        unknown = rng.random()
        if unknown < 0.2:
            band.stock = None
        elif unknown < 0.3:
            band.bonus_pct = None
        elif unknown < 0.35:
            band.total = None
    if layout == "pivot":
        # A table pivoted by city shows total compensation per level; the frontmatter
        # keeps the span the column covers, as the real guides in this shape do.
        steps = [lv[2] for lv in LEVELS[: rng.randint(3, 4)]]
        for band in bands:
            if band.total is None:
                band.pivot = [(_round(band.base[0] * m), _round(band.base[1] * m)) for m in steps]
                continue
            low, high = band.total
            band.pivot = [(_round(low * m / steps[0]), _round(high * m / steps[-1])) for m in steps]
            band.total = (band.pivot[0][0], band.pivot[-1][1])

    last_updated = today - dt.timedelta(days=rng.randint(3, 80))
    quarter = "{}-Q{}".format(*previous_quarter(*quarter_of(last_updated)))
    next_review = last_updated + dt.timedelta(days=rng.choice((90, 90, 120)))
    tags = rng.sample(TAGS, rng.randint(5, 8))
    summary = (
        " ".join(f"`{t}`" for t in [theme, *tags])
        if rng.random() < 0.5
        else f"{theme} premium + {rng.choice(TAGS)} + {theme_short} roadmap | **{theme.upper()}**"
    )
    level_raw = (
        f"{role} at {company} (L4-L6) = L4-L6 at Google, E4-E6 at Meta, SDE II-Principal at Amazon"
    )

    lead_band = bands[0]
    words = {
        "company": company,
        "role": role,
        "theme": theme,
        "theme_long": theme_long,
        "theme_short": theme_short,
        "year": today.year,
        "year_prev": today.year - 1,
        "equity": equity,
        "lead": regions[0][0],
        "month": MONTHS[last_updated.month - 1],
        "ask": cells.amount(lead_band.symbol, lead_band.currency, lead_band.base[1]),
        "floor": cells.amount(lead_band.symbol, lead_band.currency, lead_band.base[0]),
        "competing": cells.amount(
            lead_band.symbol, lead_band.currency, _round(lead_band.base[1] * 0.96)
        ),
        "stock_ask": cells.amount(
            lead_band.symbol, lead_band.currency, (lead_band.stock or lead_band.base)[1]
        ),
        "signon": cells.amount(
            lead_band.symbol, lead_band.currency, _round(lead_band.base[0] * 0.12)
        ),
    }

    # -- frontmatter
    fm = [
        "---",
        f"company: {slug}",
        f"company_display: {_yaml_text(company)}",
        f"role: {role_slug}",
        f"role_display: {_yaml_text(role)}",
        f"role_type: {role_type}",
        f"last_updated: {last_updated.isoformat()}",
        f"data_quality: {rng.choice(('high', 'high', 'medium', 'low'))}",
        f"salary_data_quarter: {quarter}",
        f"next_review_due: {next_review.isoformat()}",
        "compensation:",
    ]
    for band in bands:
        fm.append(f"  - region: {_yaml_text(band.name)}")
        fm.append(f"    base_low: {band.base[0]}")
        fm.append(f"    base_high: {band.base[1]}")
        fm.append(f"    stock_low: {_figure(band.stock and band.stock[0])}")
        fm.append(f"    stock_high: {_figure(band.stock and band.stock[1])}")
        if band.bonus_abs is not None:
            fm.append(f"    bonus_low: {band.bonus_abs[0]}")
            fm.append(f"    bonus_high: {band.bonus_abs[1]}")
        else:
            fm.append(f"    bonus_pct: {_figure(band.bonus_pct and band.bonus_pct[0])}")
            if band.bonus_pct and band.bonus_pct[1] is not None:
                fm.append(f"    bonus_pct_high: {band.bonus_pct[1]}")
        if band.signing is not None:
            fm.append(f"    signing_bonus_low: {band.signing[0]}")
            fm.append(f"    signing_bonus_high: {band.signing[1]}")
        fm.append(f"    total_comp_low: {_figure(band.total and band.total[0])}")
        fm.append(f"    total_comp_high: {_figure(band.total and band.total[1])}")
        fm.append(f"    currency: {band.currency}")
    fm.append("level_mapping:")
    fm.append(f"  internal: {rng.choice(('null', 'null', 'L5'))}")
    if rng.random() < 0.8:
        fm.append(f"  raw: {_yaml_text(level_raw)}")
    fm.append("data_sources:")
    chosen = rng.sample(SOURCES, rng.randint(2, 4))
    if rng.random() < 0.5:
        for name, url in chosen:
            accessed = last_updated - dt.timedelta(days=rng.randint(1, 20))
            fm.append(f"  - name: {_yaml_text(name)}")
            fm.append(f"    url: {url.format(slug=slug)}")
            fm.append(f"    date_accessed: {accessed.isoformat()}")
    else:
        fm.extend(f"  - {_yaml_text(name)}" for name, _ in chosen)
    fm.append(f"negotiation_dna_summary: {_yaml_text(summary)}")
    fm.append("---")

    # -- body
    heading = rng.choice(("####", "####", "**"))

    def section(title: str) -> str:
        return f"#### {title}" if heading == "####" else f"**{title}**"

    blocks = [f"### {role} | {company} Global Negotiation Guide", f"**Negotiation DNA:** {summary}"]
    blocks.append(_table(layout, bands, levels, regions, cells, label_style, rng))
    blocks.append(section("Negotiation DNA"))
    blocks.extend(p.format(**words) for p in rng.sample(DNA, 5))
    blocks.append(section("Level Mapping"))
    blocks.append(f"**Level Mapping:** {level_raw}")
    blocks.extend(p.format(**words) for p in rng.sample(LEVEL_TEXT, 2))
    if layout != "level" and rng.random() < 0.5:
        rows = ["| External Title | Internal Level | Typical YoE |", "|---|---|---|"]
        rows += [f"| {lv[1]} | {lv[0]} | {lv[3]} years |" for lv in LEVELS]
        blocks.append("\n".join(rows))
    blocks.append(section(f"{theme} Lever"))
    blocks.extend(p.format(**words) for p in rng.sample(THEME, 3))
    blocks.append(section("Global Levers"))
    dash = rng.choice(("—", ":"))
    for number, (name, script) in enumerate(rng.sample(LEVERS, 4), 1):
        label = f"Lever {number} — {name}:" if dash == "—" else f"Lever {number}: {name}:"
        blocks.append(f'**{label}** "{script.format(**words)}"')
    blocks.append(f"> **Negotiate Up Strategy:** {STRATEGY.format(**words)}")
    blocks.append(section("Evidence & Sources"))
    bullet = rng.choice(("-", "1."))
    lines = []
    for number, line in enumerate(rng.sample(EVIDENCE, rng.randint(4, 6)), 1):
        marker = f"{number}." if bullet == "1." else "-"
        source = rng.choice(chosen)[0]
        lines.append(f"{marker} {line.format(source=source, **words)}")
    blocks.append("\n".join(lines))
    path = f"{slug[:1]}/{slug}/{role_slug}.md"
    return path, "\n".join(fm) + "\n" + "\n\n".join(blocks) + "\n"


def _table(
    layout: str,
    bands: list[Band],
    levels: list[tuple[str, str, float, str]],
    regions: list[tuple[str, str, str, float, str]],
    cells: Cells,
    label_style: str,
    rng: random.Random,
) -> str:
    stock_header = "Stock (RSU/4yr)" if "RSU" in cells.suffix or not cells.suffix else "Stock"
    signing = bands[0].signing is not None
    if layout == "region":
        header = ["Region", "Base Salary", stock_header, "Bonus", "Total Comp"]
        if signing:
            header.insert(4, "Signing Bonus")
        rows = []
        for band in bands:
            row = [
                band.name,
                cells.money(band, band.base),
                cells.money(band, band.stock, cells.suffix),
                cells.bonus(band),
                cells.money(band, band.total),
            ]
            if signing:
                row.insert(4, cells.money(band, band.signing))
            rows.append(row)
    elif layout == "level":
        header = ["Level", "Title", "Base Salary", "RSU (4-Year)", "Annual Bonus"]
        header += ["Signing Bonus", "Total Comp (Annual)"] if signing else ["Total Comp (Annual)"]
        rows = []
        for band, level in zip(bands, levels, strict=True):
            row = [
                f"**{level[0]}**" if rng.random() < 0.3 else level[0],
                level[1],
                cells.money(band, band.base),
                cells.money(band, band.stock, cells.suffix),
                cells.bonus(band),
            ]
            if signing:
                row.append(cells.money(band, band.signing))
            row.append(cells.money(band, band.total))
            rows.append(row)
    else:  # pivoted: one column per city, one row per level, total compensation in the cells
        header = ["Level"]
        for region in regions:
            symbol = region[2].strip()
            header.append(
                f"{region[0]} ({region[1]})"
                if symbol in ("$", region[1]) or label_style == "plain"
                else f"{region[0]} ({region[1]} {symbol})"
            )
        rows = []
        for index, level in enumerate(LEVELS[: len(bands[0].pivot)]):
            row = [level[0]]
            for band in bands:
                row.append(cells.money(band, band.pivot[index]))
            rows.append(row)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
