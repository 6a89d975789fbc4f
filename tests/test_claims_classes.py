"""The claim classes read from context, each with the exact code, line and column it
reports (or nothing): a threshold repeating the reader's own amount, an attribution
through an auxiliary, a figure where a source's name would stand, a field scope, a
closing idiom and a phrase that names its source kind."""

from __future__ import annotations

import pytest
from test_claims_vocabulary import FRONT

from conftest import lint_text

LINE = FRONT.count("\n") + 1  # the line every case is written on


def found(text: str) -> list[tuple[str, int]]:
    """Each finding's code and column on the case's line."""
    diagnostics = lint_text(FRONT + text + "\n", select=("GL5",))
    assert all(d.line == LINE for d in diagnostics)
    return [(d.code, d.column) for d in diagnostics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # threshold_words: the reader's own amount, repeated where a clause opens on a threshold
        ("Walk-away floor: accept at $240K+ base. Below $240K base, other offers win.", []),
        ("Open at $240K base. Peers at Stripe earn more than $240K base.", [("GL501", 52)]),
        ("Open at $240K base. Below $230K base, other offers win.", [("GL501", 27)]),
        # attribution_auxiliaries
        ("CEO Jane Roe has publicly stated that AI is the future.", [("GL504", 1)]),
        ("The team has stated goals for every quarter.", []),
        # a figure where a source's name would stand; a name with a digit still names
        ("Pipelines take data from 240M+ weekly customers.", [("GL501", 26)]),
        ("3M reported that most models never ship.", [("GL501", 1), ("GL504", 1)]),
        # field_names, and a field followed by the company
        ("TPMs orchestrate the most complex programs in cybersecurity.", [("GL502", 18)]),
        ("The role owns the largest accounts in payments at Acme.", []),
        # closing_idioms
        ("Expect two rounds of interviews, three at the most.", []),
        ("Analysts sit at the most valuable intersection in venture capital.", [("GL502", 17)]),
        # a phrase names its source kind: an annual report backs no ranking (and, not
        # listed, is an unlisted attribution)
        (
            "Acme builds the most consequential chips on Earth. Its backlog grows."
            " (Sources: Acme 2024 Annual Report; Levels.fyi data.)",
            [("GL502", 13), ("GL504", 81)],
        ),
        # a note naming a listed source with the company and a role's initials names it
        ("Senior base reaches $240K. [Source: Glassdoor Acme SRE data]", []),
        (
            "Senior base reaches $240K. [Source: Payscale Acme SRE data]",
            [("GL501", 21), ("GL504", 37)],
        ),
    ],
)
def test_classes(text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text) == expected


def test_worked_examples_chained_by_appositions_are_read_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each clause is looked at once however many appositions follow a worked
    example: a paragraph of them stays linear."""
    from guidelint.claims import context
    from guidelint.claims.clauses import clause_breaks

    calls = []
    apposition = context._APPOSITION

    class Counting:
        def match(self, *args: object) -> object:
            calls.append(1)
            return apposition.match(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(context, "_APPOSITION", Counting())
    clauses = 400
    masked = " — ".join(["a $5K grant could be worth $10K"] * clauses) + "."
    bounds = [0, *clause_breaks(masked, 0, len(masked)), len(masked)]
    assert list(context._scenarios(masked, bounds, supposing=False)) == [(0, len(masked))]
    assert len(calls) < clauses


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # a topic naming the guide's own company restates the claim: it backs nothing
        ("Acme Scale — 240M+ Weekly Customers", [("GL501", 13)]),
        # a publisher before the dash, or a site named by its domain, says where it comes from
        ("PitchBook — 240M+ Weekly Customers", []),
        ("Acme Network Data — 240M+ Weekly Customers (acme.com)", []),
        # the company's own domain opening the entry is its name, not where it comes from
        ("Acme.com Scale — 240M+ Weekly Customers", [("GL501", 13)]),
    ],
    ids=["own-topic", "publisher", "domain", "own-domain-name"],
)
def test_a_source_entry_backs_a_figure_only_when_it_says_where_it_comes_from(
    entry: str, expected: list[tuple[str, int]]
) -> None:
    text = f"Acme serves 240M+ weekly customers.\n\n## Sources\n\n- {entry}"
    diagnostics = lint_text(FRONT + text + "\n", select=("GL5",))
    assert [(d.code, d.column) for d in diagnostics if d.line == LINE] == expected


def test_a_range_is_backed_only_when_the_source_states_both_ends() -> None:
    """'Wallets at 50% of e-commerce spend' in the sources does not back a 30-50% growth."""
    text = (
        "Wallet volume is growing 30-50% a year.\n\n## Sources\n\n"
        "- Worldpay Global Payments Report 2025 — Wallets at 50% of E-Commerce Spend"
    )
    diagnostics = lint_text(FRONT + text + "\n", select=("GL5",))
    assert [(d.code, d.column) for d in diagnostics if d.line == LINE] == [("GL501", 26)]


def test_an_amount_in_billions_is_not_pay_a_salary_source_backs() -> None:
    """A closing salary-source note backs pay figures; "$45B" sizes the company."""
    text = "The AI premium sits within Acme's $45B+ ecosystem. [Source: Levels.fyi]"
    diagnostics = lint_text(FRONT + text + "\n", select=("GL5",))
    assert [(d.code, d.column) for d in diagnostics if d.line == LINE] == [("GL501", 35)]


def _count_reads(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, method: str
) -> list[int]:
    """Replace the pattern ``module.name`` with one that records how many characters
    each call of ``method`` reads; return the record."""
    read: list[int] = []
    pattern = getattr(module, name)

    class Counting:
        def __getattr__(self, attribute: str) -> object:
            found = getattr(pattern, attribute)
            if attribute != method:
                return found

            def counted(text: str, pos: int, endpos: int) -> object:
                read.append(endpos - pos)
                return found(text, pos, endpos)

            return counted

    monkeypatch.setattr(module, name, Counting())
    return read


def test_instructions_read_each_clause_to_its_own_end(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A sentence of many clauses is read once for instructions, each clause to its
    own end, not each from its start to the sentence's end: a long one stays linear."""
    from guidelint.claims import instructions
    from guidelint.document import parse_guide
    from guidelint.prose import extract

    read = _count_reads(monkeypatch, instructions, "_MONEY_IN", "search")
    # every clause opens like an instruction but holds no amount; the sentence's last does
    text = "Acme has 4,000 engineers; " + "hold the line; " * 400 + "it costs $5K.\n"
    block = extract(parse_guide(("---\ncompany: acme\n---\n" + text).encode(), "g.md")).blocks[0]
    assert not instructions.instructs(block)
    assert len(read) >= 400
    assert sum(read) <= 2 * len(text)


@pytest.mark.parametrize(
    "joined",
    [
        " and treat them",  # verbs joined to an instruction
        ", so take them",  # consequences after a comma
    ],
)
def test_joined_clauses_are_read_within_their_reach(
    monkeypatch: pytest.MonkeyPatch, joined: str
) -> None:
    """Each verb joined to an instruction, and each consequence after a comma, is read
    within a bounded reach of it, not to the clause's end: a long run stays linear."""
    from guidelint.claims import instructions

    read = _count_reads(monkeypatch, instructions, "_TARGET", "finditer")
    text = "Pencil in a $250K base" + joined * 400 + ".\n"
    lint_text(("---\ncompany: acme\n---\n\nIntro.\n\n" + text).encode(), select=("GL501",))
    # at most the clause once, and a bounded reach for each joint
    assert sum(read) <= len(text) + 400 * instructions._REACH


STOCK_FRONT = FRONT.replace(
    "  - Glassdoor\n", "  - Glassdoor\n  - Acme Stock Performance, Yahoo Finance 2025\n"
)


def test_a_stock_performance_source_backs_company_figures_not_pay() -> None:
    """'Stock Performance' names the company's market data, not salary data for its
    stock grants: a note naming it backs the share price's move, not a pay premium."""
    text = (
        "Acme engineers earn a 20% premium over peers. Acme shares doubled in 2025."
        " [Source: Acme Stock Performance, Yahoo Finance 2025]"
    )
    diagnostics = lint_text(STOCK_FRONT + text + "\n", select=("GL5",))
    assert [(d.code, d.line, d.column) for d in diagnostics] == [
        ("GL501", STOCK_FRONT.count("\n") + 1, 23)
    ]
