"""Generated copy for load_bulk: names, headlines and paragraphs in the site's style.

Text is assembled from templates filled with the piece's club, player and fee, so a
million articles read like transfer news without a million hand-written sentences.
"""

import random

TOWNS = [
    "Ashford",
    "Bramley",
    "Castleton",
    "Dunmore",
    "Eastleigh",
    "Fairhaven",
    "Glenbrook",
    "Harwich",
    "Ironbridge",
    "Kingsmoor",
    "Langford",
    "Marston",
    "Northwood",
    "Oakhampton",
    "Penrith",
    "Queensbury",
    "Redcliffe",
    "Stanmore",
    "Thornbury",
    "Upton",
    "Valemont",
    "Westbury",
    "Yarmouth",
    "Alderney",
    "Blackwater",
    "Coldstream",
    "Deepdale",
    "Elmswell",
    "Foxley",
    "Greyfield",
    "Hollins",
    "Kettering",
    "Lowther",
    "Millbrook",
    "Newhaven",
    "Oxley",
    "Portland",
    "Rowan",
    "Sedgefield",
    "Tamworth",
    "Ulverston",
    "Wexham",
]
SUFFIXES = ["United", "City", "Athletic", "Rovers", "Town", "Albion", "Wanderers", "FC", "Sporting"]
FIRST_NAMES = [
    "Adam",
    "Bruno",
    "Carlos",
    "Dani",
    "Eduardo",
    "Felix",
    "Gabriel",
    "Hugo",
    "Ismael",
    "Jonas",
    "Karim",
    "Luca",
    "Mateo",
    "Nico",
    "Oscar",
    "Pedro",
    "Rafael",
    "Samuel",
    "Theo",
    "Victor",
    "William",
    "Yannick",
    "Zeki",
    "Aaron",
    "Benji",
    "Callum",
    "Declan",
    "Emil",
    "Florian",
    "Goncalo",
    "Harvey",
    "Ivan",
    "Jamal",
    "Kai",
    "Leon",
    "Marco",
    "Noah",
    "Owen",
    "Pau",
    "Rico",
]
LAST_NAMES = [
    "Almeida",
    "Bakker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fernandes",
    "Garcia",
    "Hansen",
    "Iglesias",
    "Jansen",
    "Kovac",
    "Lemaire",
    "Moreau",
    "Nielsen",
    "Oliveira",
    "Petrov",
    "Quintana",
    "Rossi",
    "Silva",
    "Traore",
    "Urban",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zielinski",
    "Abara",
    "Bennett",
    "Carvalho",
    "Diallo",
    "Ekwueme",
    "Fischer",
    "Gomez",
    "Hughes",
    "Ivanovic",
    "Jovanovic",
    "Keller",
    "Lindqvist",
    "Mensah",
    "Novak",
    "Okafor",
    "Pereira",
    "Ramos",
    "Schmidt",
    "Tanaka",
]
NATIONALITIES = [
    "England",
    "France",
    "Spain",
    "Portugal",
    "Brazil",
    "Argentina",
    "Germany",
    "Netherlands",
    "Italy",
    "Belgium",
    "Nigeria",
    "Senegal",
    "Denmark",
    "Norway",
    "Croatia",
    "Japan",
]
ROLES = {
    "GK": ["goalkeeper"],
    "DF": ["centre-back", "right-back", "left-back"],
    "MF": ["defensive midfielder", "central midfielder", "attacking midfielder"],
    "FW": ["winger", "centre-forward", "second striker"],
}
TAG_NAMES = [
    "January window",
    "Summer window",
    "Deadline day",
    "Premier League",
    "La Liga",
    "Serie A",
    "Bundesliga",
    "Ligue 1",
    "Contract talks",
    "Loan moves",
    "Free agents",
    "Wonderkids",
    "Medicals",
    "Release clauses",
    "Manager wishlist",
    "Exclusive",
    "Analysis",
    "Youth",
]

HEADLINES = [
    "{buyer} keen on {seller} {role} {player} as {window} plans take shape",
    "{buyer} weigh up {fee} move for {seller} star {player}",
    "{player} open to {buyer} switch with {seller} ready to listen",
    "{seller} set {fee} price tag as {buyer} circle {player}",
    "{buyer} step up pursuit of {player} ahead of the {window}",
    "Why {buyer} see {player} as the {role} they need",
]
LEADS = [
    "{buyer} are weighing up a move for {seller} {role} {player} in the {window}, "
    "sources have told Transfer Desk, with a fee of {fee} being discussed.",
    "{player} has emerged as a serious target for {buyer}, and people close to the talks say "
    "{seller} would consider offers in the region of {fee} before the {window}.",
    "{buyer} have asked to be kept informed about {player}, the {age}-year-old {role} who "
    "has become one of {seller}'s most valuable assets.",
]
PARAGRAPHS = [
    "The recruitment team at {buyer} has watched {player} closely this season and believes he "
    "would suit the way the manager wants to play, pressing high and moving the ball quickly.",
    "{seller} are under no pressure to sell. {player} is tied to a long contract and the club "
    "have rejected smaller approaches before, so any deal would have to meet their valuation.",
    "At {age}, {player} fits the profile {buyer} prefer for major signings: young enough to "
    "improve and old enough to make an immediate difference in a title race.",
    "Rival clubs are aware of the situation. At least two other sides have made enquiries, "
    "although none has yet gone as far as a formal bid.",
    "The player's representatives have been in contact with several clubs and are expected to "
    "meet {seller} officials to discuss his future in the coming weeks.",
    "Financial rules will shape what happens next. {buyer} would need to balance any outlay "
    "with sales, and a fee of {fee} would be among the largest in the club's history.",
    "Supporters have already made their feelings known online, with many convinced that "
    "{player} would strengthen a squad that has looked thin in key positions.",
    "{player} has started most of {seller}'s league matches this season and remains a "
    "regular in his national team, which only adds to his value.",
    "Those inside {buyer} are careful not to get ahead of themselves. A move is possible, "
    "they say, but it depends on the right conditions falling into place.",
    "A decision could come quickly once the window opens. {buyer} have shown in the past "
    "that they can move fast when a target becomes available.",
    "Scouts from {buyer} were in the stands for {seller}'s last two home games, and their "
    "reports on {player} are said to have been glowing in every department.",
    "The manager is believed to have spoken privately about wanting another {role} before "
    "the end of the season, and {player} sits near the top of his list.",
    "There is also a question of wages. {player} would expect a significant rise on his "
    "current terms, and {buyer} have a strict structure they are reluctant to break.",
    "Former players have backed the idea in recent interviews, describing {player} as "
    "exactly the kind of character a dressing room needs in a long season.",
]
QUESTIONS = [
    "Will {seller} sanction a sale?",
    "Can {buyer} afford {player}?",
    "Is {player} ready for a new challenge?",
    "What would {player} bring to {buyer}?",
]
# Agents' surnames are built from syllables: about 12,000 of them, so each is named in only a
# few dozen pieces of a million-article archive, like real names. Search benchmarks need rare
# words as well as common ones.
AGENT_ONSETS = ["Ka", "Lo", "Mi", "Ser", "Dra", "Vel", "Tor", "Bri", "Os", "Han", "Pel", "Rud",
                "Zan", "Gor", "Fen", "Lis", "Mar", "Quen", "Sto", "Ber"]  # fmt: skip
AGENT_MIDDLES = ["ba", "ren", "vo", "li", "ska", "mo", "dri", "tel", "na", "go", "ru", "pe",
                 "sa", "ki", "lo", "vi", "da", "ne", "zo", "tu"]  # fmt: skip
AGENT_ENDINGS = ["vic", "son", "ez", "ini", "ov", "ard", "sen", "oulos", "escu", "ani", "berg",
                 "ley", "iak", "ens", "ido", "ar", "ek", "ola", "ist", "uk", "man", "oni", "as",
                 "elli", "ich", "ford", "ell", "ova", "ins", "ant"]  # fmt: skip
AGENT_LINES = [
    "His agent, {agent}, is understood to have held an informal meeting with {buyer} officials.",
    "{agent}, who represents {player}, has kept in regular contact with both clubs.",
    "The player's camp, led by the agent {agent}, would prefer a decision before the {window}.",
]
CLOSERS = [
    "Transfer Desk will keep following the story as the {window} approaches.",
    "Further talks are expected before the end of the month.",
    "For now, {buyer} continue to monitor the situation closely.",
]


def club_name(rng: random.Random, n: int) -> str:
    return f"{TOWNS[n % len(TOWNS)]} {SUFFIXES[(n // len(TOWNS)) % len(SUFFIXES)]}"


def person_name(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return f"{first} {last}", last


def agent_name(rng: random.Random) -> str:
    return rng.choice(AGENT_ONSETS) + rng.choice(AGENT_MIDDLES) + rng.choice(AGENT_ENDINGS)


def article_text(rng: random.Random, words: dict) -> tuple[str, str, str]:
    """A headline, standfirst and HTML body of 300–600 words about one transfer story."""
    headline = rng.choice(HEADLINES).format(**words)
    lead = rng.choice(LEADS).format(**words)
    paragraphs = [p.format(**words) for p in rng.sample(PARAGRAPHS, k=rng.randint(10, 14))]
    if "agent" in words:
        paragraphs.insert(rng.randrange(len(paragraphs)), rng.choice(AGENT_LINES).format(**words))
    question = rng.choice(QUESTIONS).format(**words)
    closer = rng.choice(CLOSERS).format(**words)
    middle = len(paragraphs) // 2
    body = "".join(
        [f"<p>{lead}</p>"]
        + [f"<p>{p}</p>" for p in paragraphs[:middle]]
        + [f"<h2>{question}</h2>"]
        + [f"<p>{p}</p>" for p in paragraphs[middle:]]
        + [f"<p>{closer}</p>"]
    )
    return headline, lead, body
