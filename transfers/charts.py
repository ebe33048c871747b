"""Charts drawn on the server as accessible SVG: a title, a description and the data as a table.

No chart library reaches the browser. Each chart is a `Chart` holding the SVG markup (every
text escaped) and the rows of the table printed beside it, so a screen reader, a printout and
a reader without JavaScript all get the same figures.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from transfers.dashboard import exact_age, format_signed

# A narrow drawing: it scales down to a phone with its text still legible.
WIDTH, HEIGHT = 480, 300
MAX_LABELLED_DOTS = 30
SPEND_COLOUR, PROFIT_COLOUR, INK, GRID = "#b91c1c", "#047857", "#1f2937", "#d1d5db"


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: str
    headers: list
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def svg_document(chart_id, title, description, body, width=WIDTH, height=HEIGHT):
    return format_html(
        '<svg role="img" aria-labelledby="{0}-title {0}-desc" viewBox="0 0 {1} {2}" '
        'class="chart" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>{5}</svg>',
        chart_id,
        width,
        height,
        title,
        description,
        body,
    )


def nice_step(span, target_ticks=5):
    """A round tick step (1, 2 or 5 times a power of ten) giving about `target_ticks` ticks."""
    if span <= 0:
        return 1
    raw = span / target_ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def place_label(text, x, y, taken, bounds):
    """(x, y, text-anchor) for a dot's label: right of the dot if that space is free, else left,
    above or below, so that names in a crowded corner stay readable. Adds its box to `taken`."""
    width, height = 6.8 * len(text) + 2, 13
    candidates = [
        (x + 8, y + 4, "start"),
        (x - 8, y + 4, "end"),
        (x, y - 9, "middle"),
        (x, y + 17, "middle"),
        (x, y - 21, "middle"),
        (x, y + 29, "middle"),
    ]

    def box(candidate):
        cx, cy, anchor = candidate
        start = {"start": cx, "end": cx - width, "middle": cx - width / 2}[anchor]
        return (start, cy - height + 2, start + width, cy + 2)

    def inside(b):
        return bounds[0] <= b[0] and b[2] <= bounds[2] and bounds[1] <= b[1] and b[3] <= bounds[3]

    def overlap(b):
        return sum(
            max(0, min(b[2], t[2]) - max(b[0], t[0])) * max(0, min(b[3], t[3]) - max(b[1], t[1]))
            for t in taken
        )

    # The first free place in order of preference; in a crowd, the least covered one that
    # stays inside the plot.
    placed = [c for c in candidates if inside(box(c))] or candidates
    chosen = next((c for c in placed if not overlap(box(c))), None)
    if chosen is None:
        chosen = min(placed, key=lambda c: overlap(box(c)))
    taken.append(box(chosen))
    return round(chosen[0], 1), round(chosen[1], 1), chosen[2]


def money_axis_label(value):
    return format_signed(Decimal(value), "GBP") if value else "£0"


def net_spend_chart(club, spend_history):
    """Bars of net spend in pounds per window, above the line when the club spent more."""
    chart_id = "net-spend-chart"
    title = f"{club.name}’s net spend over the last {len(spend_history)} windows"
    values = [(spend.window, spend.net_in_pounds) for spend in spend_history]
    known = [v for _, v in values if v is not None]

    left, right, top, bottom = 70, 8, 24, 48
    plot_w, plot_h = WIDTH - left - right, HEIGHT - top - bottom
    high = max([0, *known]) or 1
    low = min([0, *known])
    step = nice_step(float(high - low))
    high = math.ceil(float(high) / step) * step
    low = math.floor(float(low) / step) * step
    span = (high - low) or 1

    def y(value):
        return round(top + plot_h * (high - float(value)) / span, 1)

    parts = []
    tick = low
    while tick <= high + step / 2:
        ty = y(tick)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}">{}</text>',
                left,
                WIDTH - right,
                ty,
                ty,
                INK if tick == 0 else GRID,
                left - 6,
                round(ty + 4, 1),
                INK,
                money_axis_label(tick),
            )
        )
        tick += step

    slot = plot_w / max(len(values), 1)
    bar_w = round(min(56, slot * 0.6), 1)
    for index, (window, value) in enumerate(values):
        cx = round(left + slot * (index + 0.5), 1)
        # "Summer 2026" on two lines, so six windows fit side by side.
        season, _, year = window.name.rpartition(" ")
        parts.append(
            format_html(
                '<text x="{0}" y="{1}" text-anchor="middle" font-size="13" fill="{2}">'
                '<tspan x="{0}">{3}</tspan><tspan x="{0}" dy="15">{4}</tspan></text>',
                cx,
                HEIGHT - bottom + 18,
                INK,
                season or year,
                year if season else "",
            )
        )
        if value is None:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">'
                    "no rate set</text>",
                    cx,
                    y(0) - 6,
                    INK,
                )
            )
            continue
        if value == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">£0</text>',
                    cx,
                    round(y(0) - 6, 1),
                    INK,
                )
            )
            continue
        y0, y1 = sorted((y(0), y(value)))
        colour = SPEND_COLOUR if value > 0 else PROFIT_COLOUR
        # The figure sits beyond the bar's end: above a spend, below a profit.
        label_y = y(value) - 6 if value >= 0 else y(value) + 14
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{}">'
                "{}</text>",
                round(cx - bar_w / 2, 1),
                y0,
                bar_w,
                round(max(y1 - y0, 1), 1),
                colour,
                cx,
                label_y,
                INK,
                format_signed(value, "GBP"),
            )
        )

    if known:
        biggest = max(values, key=lambda wv: wv[1] if wv[1] is not None else -math.inf)
        description = (
            f"Bars above the line are windows in which {club.name} spent more than they "
            f"received; bars below, windows in which they received more. The highest net "
            f"spend was {format_signed(biggest[1], 'GBP')}, in {biggest[0].name}."
        )
    else:
        description = f"No completed fees for {club.name} in these windows can be shown in pounds."

    rows = []
    notes = []
    for spend in spend_history:
        pounds = spend.net_in_pounds
        rows.append(
            [
                spend.window.name,
                spend.spent.display(),
                spend.received.display(),
                format_signed(pounds, "GBP") if pounds is not None else "No rate set",
            ]
        )
        if pounds is None:
            notes.append(
                f"{spend.window.name}: fees in other currencies, and no rate to pounds set."
            )
    return Chart(
        chart_id,
        title,
        description,
        svg_document(chart_id, title, description, mark_safe("".join(parts))),
        ["Window", "Spent", "Received", "Net spend in pounds"],
        rows,
        notes,
    )


def age_contract_chart(club, squad, today):
    """A dot per player: age across, years left on his contract up; bottom right is urgent."""
    chart_id = "age-contract-chart"
    title = f"{club.name} squad: age against years left on contract"
    points = []
    undated = []
    for player in squad:
        if not player.contract_expires or player.contract_expires < today:
            undated.append(player)
            continue
        years_left = (player.contract_expires - today).days / 365.25
        points.append((player, exact_age(player, today), years_left))

    left, right, top, bottom = 52, 12, 24, 48
    plot_w, plot_h = WIDTH - left - right, HEIGHT - top - bottom
    ages = [a for _, a, _ in points] or [18, 34]
    age_low = min(17, math.floor(min(ages)) - 1)
    age_high = max(35, math.ceil(max(ages)) + 1)
    years_high = max(5, math.ceil(max([y for _, _, y in points] or [0])))

    def px(age):
        return round(left + plot_w * (age - age_low) / (age_high - age_low), 1)

    def py(years):
        return round(top + plot_h * (years_high - years) / years_high, 1)

    parts = []
    for age in range(age_low, age_high + 1):
        if age % 2:
            continue
        parts.append(
            format_html(
                '<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" stroke="{3}"/>'
                '<text x="{0}" y="{4}" text-anchor="middle" font-size="13" fill="{5}">'
                "{6}</text>",
                px(age),
                top,
                top + plot_h,
                GRID,
                top + plot_h + 16,
                INK,
                age,
            )
        )
    for years in range(0, years_high + 1):
        parts.append(
            format_html(
                '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="{3}"/>'
                '<text x="{4}" y="{5}" text-anchor="end" font-size="13" fill="{6}">{7}</text>',
                left,
                WIDTH - right,
                py(years),
                INK if years == 0 else GRID,
                left - 6,
                round(py(years) + 4, 1),
                INK,
                years,
            )
        )
    parts.append(
        format_html(
            '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="{3}" '
            'stroke-dasharray="6 4"/>'
            '<text x="{1}" y="{4}" text-anchor="end" font-size="12" fill="{3}">'
            "12 months left</text>",
            left,
            WIDTH - right,
            py(1),
            SPEND_COLOUR,
            round(py(1) - 4, 1),
        )
    )
    parts.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{}">Age</text>'
            '<text x="14" y="{}" text-anchor="middle" font-size="13" fill="{}" '
            'transform="rotate(-90 14 {})">Years left on contract</text>',
            round(left + plot_w / 2, 1),
            HEIGHT - 8,
            INK,
            round(top + plot_h / 2, 1),
            INK,
            round(top + plot_h / 2, 1),
        )
    )
    # Dots first, so labels can steer clear of them; the threshold's own label too. A big squad
    # gets no names on the drawing (they would only collide): each dot's title and the table
    # beside the chart still name everyone.
    dots = [(player, age, px(age), py(years), years) for player, age, years in points]
    taken = [(x - 6, yy - 6, x + 6, yy + 6) for _, _, x, yy, _ in dots]
    taken.append((WIDTH - right - 100, py(1) - 14, WIDTH - right, py(1) - 2))
    bounds = (left, top - 10, WIDTH - right, top + plot_h - 1)
    labelled = len(dots) <= MAX_LABELLED_DOTS
    for player, age, x, yy, years in sorted(dots, key=lambda d: (d[2], d[3])):
        dot = format_html(
            '<title>{}: {} years old, contract until {}</title><circle cx="{}" cy="{}" r="5" '
            'fill="{}" stroke="#ffffff" stroke-width="1.5"/>',
            player.known_as,
            int(age),
            player.contract_expires.strftime("%B %Y"),
            x,
            yy,
            SPEND_COLOUR if years <= 1 else INK,
        )
        label = ""
        if labelled:
            label_x, label_y, anchor = place_label(player.known_as, x, yy, taken, bounds)
            label = format_html(
                '<text x="{}" y="{}" text-anchor="{}" font-size="12" fill="{}">{}</text>',
                label_x,
                label_y,
                anchor,
                INK,
                player.known_as,
            )
        parts.append(format_html("<g>{}{}</g>", dot, label))

    urgent = [p for p, _, y in points if y <= 1]
    description = (
        f"Each dot is a {club.name} player, placed by age (across) and years left on his "
        f"contract (up). {len(urgent)} of {len(points)} players shown have 12 months or less "
        f"left; they are drawn in red below the dashed line."
    )
    rows = [
        [
            player.known_as,
            str(int(age)),
            player.contract_expires.strftime("%B %Y"),
            f"{years:.1f}",
        ]
        for player, age, years in sorted(points, key=lambda p: (p[2], p[0].known_as))
    ]
    notes = []
    if undated:
        names = ", ".join(p.known_as for p in undated)
        notes.append(f"Not shown, with no current contract date on record: {names}.")
    return Chart(
        chart_id,
        title,
        description,
        svg_document(chart_id, title, description, mark_safe("".join(parts))),
        ["Player", "Age", "Contract until", "Years left"],
        rows,
        notes,
    )
