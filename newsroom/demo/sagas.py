"""Done deals in the window a club dashboard opens on, so Liverpool's and Real Madrid's show sums.

The main demo data (football.py) completes its deals in the window just gone. The dashboard opens
on the current window, or between windows on the next one (transfers.dashboard.default_window), so
here Liverpool and Real Madrid each sign one player and sell one for that window: deals done in
advance when it has not opened yet. The players are invented, so no real person's move is made up.
Loaded after DemoLoader, keyed by natural keys like the rest of the demo: a rerun changes nothing.
"""

import datetime
from decimal import Decimal

from newsroom.demo.dates import Calendar, ago
from transfers.dashboard import default_window
from transfers.models import Club, Player, Source, TransferLink, TransferUpdate, TransferWindow

PLAYERS = [
    {
        "slug": "jonas-albrecht",
        "full_name": "Jonas Albrecht",
        "known_as": "Albrecht",
        "date_of_birth": "2006-03-14",
        "nationality": "Germany",
        "position": "DF",
        "role": "centre-back",
        "market_value": 30_000_000,
        "contract_seasons": 5,
    },
    {
        "slug": "callum-reid",
        "full_name": "Callum Reid",
        "known_as": "Reid",
        "date_of_birth": "2004-09-02",
        "nationality": "England",
        "position": "MF",
        "role": "central midfielder",
        "market_value": 16_000_000,
        "contract_seasons": 4,
    },
    {
        "slug": "iker-saldana",
        "full_name": "Iker Saldaña",
        "known_as": "Saldaña",
        "date_of_birth": "2007-05-21",
        "nationality": "Spain",
        "position": "FW",
        "role": "centre-forward",
        "market_value": 25_000_000,
        "contract_seasons": 6,
    },
    {
        "slug": "raul-benavente",
        "full_name": "Raúl Benavente",
        "known_as": "Benavente",
        "date_of_birth": "2002-11-08",
        "nationality": "Spain",
        "position": "DF",
        "role": "left-back",
        "market_value": 18_000_000,
        "contract_seasons": 4,
    },
]

# Each deal: who, from, to, the fee as agreed, and its reports in date order
# (when, status, fee reported or None, source slug, note).
# fmt: off
DEALS = [
    {
        "player": "jonas-albrecht",
        "from": "bayer-leverkusen",
        "to": "liverpool",
        "fee": 34_000_000,
        "currency": "GBP",
        "fee_text": "£34m",
        "updates": [
            (ago(days=24), "interest", None, "evening-sports-wire",
             "Liverpool have watched the Leverkusen centre-back three times this autumn."),
            (ago(days=15), "bid", 30_000_000, "merseyside-chronicle",
             "Liverpool have bid £30m for Albrecht; Leverkusen want more."),
            (ago(days=9), "agreed", 34_000_000, "oliver-brand",
             "The clubs have agreed £34m, with Albrecht to join when the window opens."),
            (ago(days=4), "completed", 34_000_000, "merseyside-chronicle",
             "Albrecht has signed a five-year contract and is registered for the {window} window."),
        ],
    },
    {
        "player": "callum-reid",
        "from": "liverpool",
        "to": "bournemouth",
        "fee": 18_000_000,
        "currency": "GBP",
        "fee_text": "£18m",
        "updates": [
            (ago(days=20), "talks", None, "merseyside-chronicle",
             "Bournemouth have opened talks to take Reid, who wants regular football."),
            (ago(days=8), "agreed", 18_000_000, "oliver-brand",
             "Liverpool have accepted £18m from Bournemouth, with a sell-on clause."),
            (ago(days=3), "completed", 18_000_000, "merseyside-chronicle",
             "Reid's move is done: he is a Bournemouth player from the {window} window."),
        ],
    },
    {
        "player": "iker-saldana",
        "from": "monaco",
        "to": "real-madrid",
        "fee": 30_000_000,
        "currency": "EUR",
        "fee_text": "€30m",
        "updates": [
            (ago(days=28), "rumour", None, "pitchside-whispers",
             "Real Madrid are said to be tracking Monaco's teenage striker."),
            (ago(days=17), "bid", 30_000_000, "elena-marquez",
             "Real Madrid have offered €30m for Saldaña, and Monaco are ready to accept."),
            (ago(days=6), "completed", 30_000_000, "elena-marquez",
             "Saldaña has signed for Real Madrid and is registered for the {window} window."),
        ],
    },
    {
        "player": "raul-benavente",
        "from": "real-madrid",
        "to": "juventus",
        "fee": 22_000_000,
        "currency": "EUR",
        "fee_text": "€22m",
        "updates": [
            (ago(days=21), "interest", None, "calcio-corriere",
             "Juventus see Benavente as cover at left-back for the second half of the season."),
            (ago(days=10), "agreed", 22_000_000, "calcio-corriere",
             "Juventus and Real Madrid have agreed €22m for the full-back."),
            (ago(days=2), "completed", 22_000_000, "elena-marquez",
             "Benavente has completed his move to Juventus, in the {window} window."),
        ],
    },
]
# fmt: on


def load_window_deals(now=None):
    """Liverpool and Real Madrid each buy one and sell one in the default window (idempotent)."""
    calendar = Calendar(now)
    window = default_window(TransferWindow.objects.all(), calendar.today)
    clubs = {club.slug: club for club in Club.objects.all()}
    sources = {source.slug: source for source in Source.objects.all()}
    deals_by_player = {deal["player"]: deal for deal in DEALS}
    players = {}
    for data in PLAYERS:
        deal = deals_by_player[data["slug"]]
        players[data["slug"]], _ = Player.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "full_name": data["full_name"],
                "known_as": data["known_as"],
                "date_of_birth": datetime.date.fromisoformat(data["date_of_birth"]),
                "nationality": data["nationality"],
                "position": data["position"],
                "role": data["role"],
                # The deal is done: he is the buying club's player from the window on.
                "current_club": clubs[deal["to"]],
                "contract_expires": calendar.contract_expiry(data["contract_seasons"]),
                "market_value": Decimal(data["market_value"]),
                "market_value_currency": "GBP",
            },
        )
    for deal in DEALS:
        reports = [
            (calendar.moment(when), status, fee, source, note.format(window=window.name))
            for when, status, fee, source, note in deal["updates"]
        ]
        link, _ = TransferLink.objects.update_or_create(
            player=players[deal["player"]],
            from_club=clubs[deal["from"]],
            to_club=clubs[deal["to"]],
            defaults={
                "kind": "permanent",
                "status": "completed",
                "fee_amount": Decimal(deal["fee"]),
                "fee_currency": deal["currency"],
                "fee_text": deal["fee_text"],
                "window": window,
                "first_reported": reports[0][0].date(),
                "updated_at": reports[-1][0],
            },
        )
        link.sources.set({sources[source] for _, _, _, source, _ in reports})
        for reported_at, status, fee, source, note in reports:
            TransferUpdate.objects.update_or_create(
                link=link,
                note=note,
                defaults={
                    "reported_at": reported_at,
                    "status": status,
                    "fee_amount": None if fee is None else Decimal(fee),
                    "source": sources[source],
                    "is_denial": False,
                },
            )
