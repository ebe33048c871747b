"""The demo's articles, written for Transfer Desk in the house style, with their tags.

Bodies use `{{read-more:slug}}` for a READ MORE line and `{{url:slug}}` for a link to another
demo piece; the loader turns both into real links. A body only links to older pieces.
Links are named "player:from-club:to-club", as in `football.LINKS`.
"""

from newsroom.demo.dates import ago, ahead, in_window

TAGS = [
    ("january-window", "January window"),
    ("summer-window", "Summer window"),
    ("deadline-day", "Deadline day"),
    ("premier-league", "Premier League"),
    ("la-liga", "La Liga"),
    ("serie-a", "Serie A"),
    ("bundesliga", "Bundesliga"),
    ("ligue-1", "Ligue 1"),
    ("contracts", "Contracts"),
    ("free-agents", "Free agents"),
    ("loans", "Loans"),
    ("done-deals", "Done deals"),
    ("analysis", "Analysis"),
]

TCHOUAMENI = "aurelien-tchouameni:real-madrid:liverpool"
TRENT_MADRID = "trent-alexander-arnold:liverpool:real-madrid"
TRENT_BARCELONA = "trent-alexander-arnold:liverpool:barcelona"
TRENT_BAYERN = "trent-alexander-arnold:liverpool:bayern-munich"

ARTICLES = [
    {
        "slug": "liverpool-tchouameni-real-madrid-january-bid",
        "headline": "Liverpool ready £100m January bid for Real Madrid's Aurelien Tchouameni",
        "standfirst": (
            "Arne Slot wants a specialist in front of his defence, and the Reds are preparing "
            "to test Real Madrid's resolve over the France midfielder."
        ),
        "published": ago(hours=2),
        "featured": True,
        "primary_club": "liverpool",
        "clubs": ["liverpool", "real-madrid", "monaco", "napoli"],
        "players": [
            "aurelien-tchouameni",
            "jude-bellingham",
            "trent-alexander-arnold",
            "federico-chiesa",
        ],
        "links": [TCHOUAMENI, TRENT_MADRID],
        "tags": ["january-window", "premier-league", "la-liga"],
        "related": [
            "liverpool-open-talks-tchouameni-camp",
            "real-madrid-insist-tchouameni-not-for-sale",
            "real-madrid-alexander-arnold-best-placed",
        ],
        "record_player": "aurelien-tchouameni",
        "authors": ["tom-okafor", "hannah-whitlock"],
        "seo_description": (
            "Liverpool are preparing a January bid of around £100m for Real Madrid midfielder "
            "Aurelien Tchouameni, sources have told Transfer Desk."
        ),
        "hero": {
            "title": "Tchouameni",
            "subtitle": "Real Madrid to Liverpool",
            "clubs": ["liverpool", "real-madrid"],
            "caption": "Liverpool are preparing a January bid of around £100m for Tchouameni.",
        },
        "body": """
<p><strong>Liverpool</strong> are preparing a January offer of around £100m for Real Madrid
midfielder Aurelien Tchouameni, sources have told Transfer Desk, as Arne Slot pushes for another
senior option in the middle of the park.</p>
<p>The Reds have spent the past month building their case for the France international, and the
pursuit has moved from a watching brief to a live negotiation.</p>
<p>Slot has made it clear behind the scenes that he wants more physical presence in front of his
back four. The title race is tight, the fixture list is crowded, and the coaching staff believe
the squad is one specialist short.</p>
<p>Tchouameni fits that brief. He can sit in front of the defence, drop between the centre-backs
when Liverpool build from the back, and cover at centre-back in an emergency.</p>
<p>Liverpool have already held exploratory talks with people close to the player, and the
club's owners are ready to commit a fee in the region of their record signing if the door opens
at the Santiago Bernabeu.</p>
{{read-more:liverpool-open-talks-tchouameni-camp}}
<h2>Will Real Madrid sanction a sale in January?</h2>
<p>That is the question that will decide the saga. Madrid have no need to sell, and earlier this
month people close to the club insisted that he was not available.</p>
<p>Our understanding is that their position has softened, but only slightly. Madrid would
consider a sale if, and only if, they can secure a replacement of at least the same level before
the window closes.</p>
<p>His minutes show why they are wary. Tchouameni has featured in 10 of Madrid's 11 La Liga
matches this season, starting nine, and has played in four of their five Champions League
games.</p>
<p>There is history between the clubs, too. Madrid beat Liverpool to his signature when he left
Monaco in 2022, and edged them out again a year later in the race for Jude Bellingham.</p>
<p>Liverpool believe this time could be different. At 26, Tchouameni is entering his best years,
and a fee close to £100m would give Madrid a healthy return on what they paid Monaco.</p>
<h3>Latest Liverpool transfer news</h3>
<p>Traffic could also run the other way. Trent Alexander-Arnold is in the final months of his
Anfield contract, and <a href="{{url:real-madrid-alexander-arnold-best-placed}}">Real Madrid
believe they lead the race for the right-back</a>, ahead of Barcelona and Bayern Munich.</p>
<p>Elsewhere, Federico Chiesa could <a href="{{url:chiesa-napoli-loan-liverpool-january}}">return
to Serie A on loan</a> in January, with Napoli leading the interest in the winger.</p>
""",
    },
    {
        "slug": "real-madrid-alexander-arnold-best-placed",
        "headline": (
            "Real Madrid confident of winning Alexander-Arnold race as Liverpool contract runs down"
        ),
        "standfirst": (
            "Los Blancos believe they are ahead of Barcelona and Bayern Munich for the England "
            "right-back, who can agree a pre-contract with a club abroad from January."
        ),
        "published": ago(hours=9),
        "updated": ago(hours=4),
        "primary_club": "real-madrid",
        "clubs": ["real-madrid", "liverpool", "barcelona", "bayern-munich"],
        "players": ["trent-alexander-arnold", "dani-carvajal", "aurelien-tchouameni"],
        "links": [TRENT_MADRID, TRENT_BARCELONA, TRENT_BAYERN],
        "tags": ["la-liga", "premier-league", "contracts", "free-agents"],
        "related": [
            "real-madrid-carvajal-successor-right-back-search",
            "bayern-munich-alexander-arnold-approach",
            "liverpool-contract-decisions-salah-van-dijk-alexander-arnold",
        ],
        "record_player": "trent-alexander-arnold",
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Real Madrid believe they are best placed to sign Trent Alexander-Arnold on a free "
            "transfer, ahead of Barcelona and Bayern Munich."
        ),
        "hero": {
            "title": "Alexander-Arnold",
            "subtitle": "Liverpool to Real Madrid",
            "clubs": ["real-madrid", "liverpool"],
            "caption": "Real Madrid believe they lead the race for Trent Alexander-Arnold.",
        },
        "body": """
<p><strong>Real Madrid</strong> believe they are the best-placed club to sign Trent
Alexander-Arnold on a free transfer next summer, sources have told Transfer Desk, with the
Liverpool right-back able to agree a pre-contract with a foreign club from January.</p>
<p>The 28-year-old's deal at Anfield expires at the end of June, and talks over an extension
have not produced an agreement.</p>
<p>Madrid have tracked the situation for more than a year. They see him as the long-term
successor to Dani Carvajal, their captain on the right, who turns 35 in January and is himself
out of contract in the summer.</p>
<p>Barcelona and Bayern Munich have also asked about his availability, but the feeling in the
Spanish capital is that only Liverpool can stop the move, by persuading their academy graduate
to stay.</p>
<h2>Can Liverpool still change his mind?</h2>
<p>Liverpool have not given up. The club's position is that an offer remains on the table and
that the player is valued as a senior figure in the dressing room.</p>
<p>The problem is leverage. From 1 January, any club outside England can agree terms for a
summer switch without paying a fee, and Madrid are preparing a package that would make him one
of the best-paid defenders in La Liga.</p>
<p>His form has not dipped while the uncertainty drags on. He has started 10 of Liverpool's 12
Premier League games this season, with one goal and four assists, and remains central to the
way Arne Slot's side build attacks from deep.</p>
<p>That creative range is exactly what appeals to Madrid. Their coaching staff want a full-back
who can step into midfield and pick passes from the right half-space, a role Carvajal has never
been asked to play.</p>
{{read-more:real-madrid-carvajal-successor-right-back-search}}
<h3>What happens next?</h3>
<p>Sources expect the decisive moment to come in the new year. Madrid want a commitment in
principle before February; Liverpool would rather settle the matter sooner, one way or the
other.</p>
<ul>
<li><strong>Real Madrid:</strong> in talks, confident, and ready to offer a long contract.</li>
<li><strong>Barcelona:</strong> have asked to be kept informed, but cannot match Madrid's
terms.</li>
<li><strong>Bayern Munich:</strong> interested, and willing to wait until the summer.</li>
</ul>
<p>Whatever he decides, the saga will shape Liverpool's own plans, with the club already
<a href="{{url:liverpool-open-talks-tchouameni-camp}}">in talks over Aurelien Tchouameni</a>.</p>
""",
    },
    {
        "slug": "chiesa-napoli-loan-liverpool-january",
        "headline": "Napoli lead race for Federico Chiesa as Liverpool open door to January loan",
        "standfirst": (
            "The Italy winger has started once in the Premier League this season, and Napoli "
            "want him on loan with an option to buy worth about €14m."
        ),
        "published": ago(days=1, hours=4),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "napoli", "juventus", "paris-saint-germain"],
        "players": ["federico-chiesa", "khvicha-kvaratskhelia", "mohamed-salah"],
        "links": ["federico-chiesa:liverpool:napoli"],
        "tags": ["january-window", "serie-a", "loans"],
        "related": [
            "january-window-five-deals-to-watch",
            "liverpool-tchouameni-real-madrid-january-bid",
        ],
        "record_player": "federico-chiesa",
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Napoli want Federico Chiesa on loan from Liverpool in January, with an option to buy "
            "worth about €14m."
        ),
        "hero": {
            "title": "Chiesa",
            "subtitle": "Liverpool to Napoli, on loan",
            "clubs": ["napoli", "liverpool"],
            "caption": "Napoli want Federico Chiesa on loan with an option to buy.",
        },
        "body": """
<p><strong>Napoli</strong> are leading the chase for Liverpool winger Federico Chiesa ahead of
the January window, sources have told Transfer Desk, with the Serie A side pushing for a loan
that includes an option to buy worth about €14m.</p>
<p>The move would take Chiesa back to Italy after a frustrating spell at Anfield, where
chances have been hard to come by.</p>
<p>Liverpool are open to the idea. The 29-year-old has made five Premier League appearances this
season, only one of them from the start, and has played 180 minutes in total.</p>
<p>Arne Slot rates his attitude in training but has found few openings for him in a forward line
built around Mohamed Salah and the club's other senior attackers.</p>
<h2>Why would Napoli take a chance on Chiesa?</h2>
<p>Napoli's coaching staff want a wide forward who can carry the ball and attack the penalty
area, and they believe Chiesa's best form came in Serie A with Fiorentina and Juventus.</p>
<p>They have also struggled to replace the directness they lost when Khvicha Kvaratskhelia
joined Paris Saint-Germain for €70m last January.</p>
<p>A loan with an option suits both sides. Napoli avoid a large outlay in the middle of the
season, while Liverpool clear wages and keep the chance of recovering most of the fee they paid
Juventus.</p>
<p>Sources in Italy say personal terms would not be an obstacle. Chiesa wants regular football,
and a return to Serie A would keep him in view for the Italy squad.</p>
{{read-more:january-window-five-deals-to-watch}}
<h3>Will Liverpool replace him?</h3>
<p>Liverpool do not see a winger as a January priority. Their focus is on midfield, where they
are <a href="{{url:liverpool-open-talks-tchouameni-camp}}">in talks over Aurelien
Tchouameni</a>, and on the futures of several senior players whose contracts end in the
summer.</p>
<p>A Chiesa exit would therefore be treated as a trim of the squad rather than a gap to fill,
unless an unexpected opportunity arises late in the window.</p>
<p>Other Serie A clubs have registered an interest, but Napoli are the only side to have set out
the structure of a deal.</p>
""",
    },
    {
        "slug": "chelsea-bid-akliouche-monaco",
        "headline": "Chelsea make €55m bid for Monaco playmaker Maghnes Akliouche",
        "standfirst": (
            "The Blues have tabled an opening offer, including add-ons, for the 24-year-old, but "
            "Monaco are holding out for more before the January window opens."
        ),
        "published": ago(days=1, hours=11),
        "primary_club": "chelsea",
        "clubs": ["chelsea", "monaco", "juventus"],
        "players": ["maghnes-akliouche", "cole-palmer", "denis-zakaria"],
        "links": ["maghnes-akliouche:monaco:chelsea", "denis-zakaria:monaco:juventus"],
        "tags": ["january-window", "premier-league", "ligue-1"],
        "related": [
            "juventus-agree-zakaria-fee-monaco",
            "january-window-five-deals-to-watch",
        ],
        "record_player": "maghnes-akliouche",
        "authors": ["tom-okafor"],
        "seo_description": (
            "Chelsea have made an opening €55m bid for Monaco's Maghnes Akliouche, but the "
            "French club want closer to €65m."
        ),
        "hero": {
            "title": "Akliouche",
            "subtitle": "Monaco to Chelsea",
            "clubs": ["chelsea", "monaco"],
            "caption": "Chelsea have bid €55m for Maghnes Akliouche.",
        },
        "body": """
<p><strong>Chelsea</strong> have made an opening bid of €55m, including add-ons, for Monaco
attacking midfielder Maghnes Akliouche, sources have told Transfer Desk, in a move aimed at the
January window.</p>
<p>The offer was submitted this week after months of scouting, and it is the first formal bid
Monaco have received for the 24-year-old.</p>
<p>Akliouche has been one of the outstanding players in Ligue 1 this season. He has four goals
and three assists in 12 league appearances, and has missed only one of Monaco's 13 league
matches.</p>
<p>Chelsea like his ability to play on the right or through the middle, and see him as a player
who can share the creative burden with Cole Palmer rather than compete with him.</p>
<h2>Will Monaco accept Chelsea's offer?</h2>
<p>Not at this price. Monaco's valuation is closer to €65m, and the club are under no pressure
to sell with well over a year left on his contract.</p>
<p>Monaco have a long record of selling young players at the top of the market, and they intend
to repeat it here. Sources in the principality expect a second offer in the coming weeks.</p>
<p>The player is said to be open to a move to the Premier League, and Chelsea's project, built
around young players on long contracts, appeals to his camp.</p>
{{read-more:juventus-agree-zakaria-fee-monaco}}
<h3>Who else is interested?</h3>
<p>Chelsea are not alone. Several Premier League and Bundesliga clubs have sent scouts to the
Stade Louis II this autumn, although none has yet matched Chelsea's offer.</p>
<p>Monaco are also preparing for another departure, with Denis Zakaria heading to Juventus, and
the club do not want to lose two key midfielders in the same window.</p>
<p>That could work in Chelsea's favour if they are willing to wait until the summer, but the
Blues' preference is to complete a deal in January so that Akliouche can settle before next
season.</p>
<ul>
<li><strong>Chelsea's bid:</strong> €55m, including add-ons.</li>
<li><strong>Monaco's valuation:</strong> about €65m.</li>
<li><strong>Akliouche this season:</strong> 12 Ligue 1 appearances, four goals, three
assists.</li>
</ul>
""",
    },
    {
        "slug": "salah-saudi-exit-route-liverpool-contract",
        "headline": "Mohamed Salah's Liverpool future: Al-Hilal emerge as likeliest exit route",
        "standfirst": (
            "With the Egyptian's contract expiring in the summer, a move to the Saudi Pro League "
            "is the most realistic alternative to a new deal at Anfield."
        ),
        "published": ago(days=2, hours=5),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "al-hilal"],
        "players": ["mohamed-salah", "trent-alexander-arnold", "virgil-van-dijk"],
        "links": ["mohamed-salah:liverpool:al-hilal"],
        "tags": ["contracts", "free-agents", "premier-league"],
        "related": [
            "liverpool-contract-decisions-salah-van-dijk-alexander-arnold",
            "real-madrid-alexander-arnold-best-placed",
        ],
        "record_player": "mohamed-salah",
        "authors": ["hannah-whitlock"],
        "seo_description": (
            "Mohamed Salah's Liverpool contract ends in the summer, and Al-Hilal are the "
            "likeliest destination if he leaves on a free."
        ),
        "hero": {
            "title": "Salah",
            "subtitle": "Liverpool's contract question",
            "clubs": ["liverpool", "al-hilal"],
            "caption": "Mohamed Salah's contract at Liverpool ends in the summer.",
        },
        "body": """
<p><strong>Mohamed Salah</strong> could leave Liverpool on a free transfer next summer, with
Saudi Pro League side Al-Hilal the likeliest destination if he does, sources have told Transfer
Desk.</p>
<p>The 34-year-old forward is in the final year of his contract and has not yet agreed an
extension. Talks between his representatives and the club have been cordial, but no offer has
been accepted.</p>
<p>On the pitch, there is little sign of decline. Salah has started all 12 of Liverpool's
Premier League matches this season, scoring seven goals and setting up four more, and he has
three goals in the Champions League.</p>
<p>That output makes him as important to Arne Slot's side as ever, and it is also why clubs in
Saudi Arabia still see him as the signing that would define their league's next chapter.</p>
<h2>Why are Al-Hilal the likeliest destination?</h2>
<p>Al-Hilal are the country's most successful club and can offer a contract that Liverpool could
never match. They have also been patient: their interest goes back several windows, and they
have kept in touch with his camp throughout.</p>
<p>A free transfer removes the obstacle that stopped a move in the past, when Liverpool were in
a position to turn down very large fees.</p>
<p>Other clubs in the region are monitoring the situation, as is at least one Major League
Soccer side, but Al-Hilal are the only ones described to us as ready to make a formal proposal
in January.</p>
{{read-more:liverpool-contract-decisions-salah-van-dijk-alexander-arnold}}
<h3>What do Liverpool want?</h3>
<p>The club's preference is to keep him for at least one more season. Senior figures believe he
can adapt his game as he gets older, and they are wary of losing Salah, Trent Alexander-Arnold
and Virgil van Dijk in the same summer.</p>
<p>But Liverpool have become stricter about long contracts for players in their thirties, and
any new deal is likely to be shorter than Salah would like.</p>
<p>The coming weeks matter. If no agreement is reached by the turn of the year, he will be free
to talk to clubs abroad, and the balance of power will shift firmly towards the player.</p>
<p>Liverpool are meanwhile <a href="{{url:liverpool-open-talks-tchouameni-camp}}">pursuing
Aurelien Tchouameni</a> as they refresh the squad around their senior stars.</p>
""",
    },
    {
        "slug": "juventus-agree-zakaria-fee-monaco",
        "headline": "Juventus agree €25m fee with Monaco to bring Denis Zakaria back to Turin",
        "standfirst": (
            "The Switzerland midfielder is set to return to the Bianconeri in January, with "
            "personal terms the only step left."
        ),
        "published": ago(days=2, hours=19),
        "primary_club": "juventus",
        "clubs": ["juventus", "monaco", "arsenal"],
        "players": ["denis-zakaria", "maghnes-akliouche", "dusan-vlahovic"],
        "links": ["denis-zakaria:monaco:juventus"],
        "tags": ["january-window", "serie-a", "ligue-1"],
        "related": [
            "chelsea-bid-akliouche-monaco",
            "arsenal-vlahovic-january-juventus-contract",
        ],
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Juventus have agreed a €25m fee with Monaco for Denis Zakaria, with personal terms "
            "the last step before a January return."
        ),
        "hero": {
            "title": "Zakaria",
            "subtitle": "Monaco to Juventus",
            "clubs": ["juventus", "monaco"],
            "caption": "Juventus have agreed a €25m fee with Monaco for Denis Zakaria.",
        },
        "body": """
<p><strong>Juventus</strong> have agreed a fee of €25m with Monaco for midfielder Denis
Zakaria, sources have told Transfer Desk, with the move set to go through when the January
window opens.</p>
<p>The clubs settled the final details this week after talks that began earlier this month at
around €22m. Juventus improved their offer to secure an agreement before rivals could enter the
race.</p>
<p>Only personal terms remain, and they are not expected to be a problem. Zakaria knows the club
well, having spent part of his career in Turin before moving to the principality.</p>
<p>The 30-year-old has been a regular for Monaco this season, starting 11 of their 13 Ligue 1
matches, and he has often worn the captain's armband.</p>
<h2>Why have Juventus moved for Zakaria now?</h2>
<p>Juventus want experience and physical presence in midfield for the second half of the season.
Injuries have stretched their squad, and the coaching staff asked for a player who could make an
immediate impact rather than a long-term project.</p>
<p>Zakaria fits the profile. He can play as a single holding midfielder or as part of a pair,
and he is comfortable carrying the ball forward from deep.</p>
<p>The fee also makes sense for a club working within tight financial limits. Paying €25m for a
player who already knows Serie A is seen in Turin as a safer investment than a gamble on an
unproven name.</p>
{{read-more:arsenal-vlahovic-january-juventus-contract}}
<h3>What does it mean for Monaco?</h3>
<p>Monaco will reinvest the money, but they are wary of losing too much quality in one window.
Maghnes Akliouche is attracting heavy interest from the Premier League, and the club's hierarchy
do not want to lose both.</p>
<p>A replacement for Zakaria has been identified, according to our sources, although Monaco are
unlikely to move until the Juventus deal is completed.</p>
<ul>
<li><strong>Fee:</strong> €25m.</li>
<li><strong>Status:</strong> agreed between the clubs; personal terms to follow.</li>
<li><strong>Expected timing:</strong> the start of the January window.</li>
</ul>
<p>Juventus must also settle the future of striker Dusan Vlahovic, whose contract expires in
the summer and who is attracting interest from Arsenal.</p>
""",
    },
    {
        "slug": "real-madrid-carvajal-successor-right-back-search",
        "headline": "Real Madrid step up search for Dani Carvajal's successor at right-back",
        "standfirst": (
            "Madrid's captain is out of contract in the summer, and the club's plans for the "
            "position revolve around one name."
        ),
        "published": ago(days=3, hours=9),
        "primary_club": "real-madrid",
        "clubs": ["real-madrid", "liverpool", "manchester-city"],
        "players": ["dani-carvajal", "trent-alexander-arnold", "rodri", "aurelien-tchouameni"],
        "links": [TRENT_MADRID],
        "tags": ["la-liga", "contracts"],
        "related": [
            "real-madrid-alexander-arnold-best-placed",
            "bayern-munich-alexander-arnold-approach",
            "real-madrid-rodri-midfield-rebuild",
        ],
        "record_player": "dani-carvajal",
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Real Madrid are planning for life after Dani Carvajal, with Trent Alexander-Arnold "
            "their first choice at right-back."
        ),
        "correction": (
            "An earlier version of this article said Dani Carvajal turns 35 in February. His "
            "birthday is in January."
        ),
        "hero": {
            "title": "Carvajal",
            "subtitle": "Real Madrid's right-back search",
            "clubs": ["real-madrid", "real-madrid"],
            "caption": "Real Madrid are planning for life after Dani Carvajal.",
        },
        "body": """
<p><strong>Real Madrid</strong> have made finding a long-term successor to Dani Carvajal a
priority for next summer, sources have told Transfer Desk, with Liverpool's Trent
Alexander-Arnold at the top of their list.</p>
<p>Carvajal, who turns 35 in January, is one of the most decorated players of the club's modern
era. But his contract expires at the end of the season, and his recent injury problems have
forced Madrid to plan ahead.</p>
<p>The numbers tell the story. He made only 12 La Liga appearances last season after a serious
knee injury, and he has started three of Madrid's 11 league matches so far this term.</p>
<p>Madrid's coaching staff still value his leadership, and there is no suggestion that the club
want to push him out. A short extension has not been ruled out, but the focus has shifted to his
replacement.</p>
<h2>Who are Real Madrid considering?</h2>
<p>Alexander-Arnold is the clear first choice. His contract at Anfield also expires in the
summer, and Madrid believe they can sign him without paying a fee.</p>
<p>The England international offers something different from Carvajal: less of a traditional
defender, more of a playmaker from full-back. Madrid see that as an advantage, given how often
their right-back has space against teams that defend deep.</p>
<p>The club have also kept a short list of alternatives in case the Alexander-Arnold deal does
not happen. None of them would be free, and the recruitment staff are reluctant to pay a large
fee for a position they believe they can fill at no cost.</p>
{{read-more:bayern-munich-alexander-arnold-approach}}
<h3>What about Carvajal?</h3>
<p>His future will be decided in the spring. He wants to keep playing at the highest level, and
Madrid will listen to his wishes before deciding whether to offer another year.</p>
<p>If Alexander-Arnold arrives, the two could share the role next season, with Carvajal's
experience valuable in a dressing room that has changed a great deal over the past two
years.</p>
<p>The rebuild goes on in midfield too, where Madrid are
<a href="{{url:real-madrid-rodri-midfield-rebuild}}">monitoring Manchester City's Rodri</a>
while fending off interest in Aurelien Tchouameni.</p>
""",
    },
    {
        "slug": "arsenal-vlahovic-january-juventus-contract",
        "headline": "Arsenal weigh cut-price January move for Juventus striker Dusan Vlahovic",
        "standfirst": (
            "With the Serbian's contract running out in the summer, Juventus could accept around "
            "€30m, far below the figure Chelsea discussed in the last window."
        ),
        "published": ago(days=4, hours=5),
        "primary_club": "arsenal",
        "clubs": ["arsenal", "juventus", "chelsea"],
        "players": ["dusan-vlahovic", "denis-zakaria"],
        "links": ["dusan-vlahovic:juventus:arsenal", "dusan-vlahovic:juventus:chelsea"],
        "tags": ["january-window", "premier-league", "serie-a", "contracts"],
        "related": [
            "juventus-agree-zakaria-fee-monaco",
            "arsenal-relaxed-saliba-real-madrid-talk",
        ],
        "record_player": "dusan-vlahovic",
        "authors": ["tom-okafor"],
        "seo_description": (
            "Arsenal are considering a January move for Dusan Vlahovic, with Juventus ready to "
            "listen to offers of around €30m."
        ),
        "hero": {
            "title": "Vlahovic",
            "subtitle": "Juventus to Arsenal",
            "clubs": ["arsenal", "juventus"],
            "caption": "Arsenal are weighing a January move for Dusan Vlahovic.",
        },
        "body": """
<p><strong>Arsenal</strong> are considering a January move for Juventus striker Dusan Vlahovic,
sources have told Transfer Desk, with the Italian club prepared to listen to offers of around
€30m.</p>
<p>The 26-year-old's contract in Turin expires at the end of the season, and Juventus would
rather sell him now than lose him for nothing in the summer.</p>
<p>Mikel Arteta has long wanted another penalty-box striker among his options, and Arsenal's
scouts have followed Vlahovic closely since his days at Fiorentina.</p>
<p>His form this season has been steady rather than spectacular. He has scored four goals in
nine Serie A appearances, six of them starts, and remains Juventus's most reliable finisher when
fit.</p>
<h2>Why did Chelsea's move collapse last summer?</h2>
<p>Vlahovic came close to leaving Juventus in the last window. Chelsea held talks with the club
over a deal worth around €55m, but the negotiations broke down late in August.</p>
<p>Sources say the sticking points were the striker's wages, which Chelsea were not prepared to
match, and the timing of the payments, which Juventus wanted front-loaded.</p>
<p>The picture has changed since then. With six months left on his contract by January,
Juventus's asking price has fallen sharply, and his salary demands are easier to meet on a
shorter deal.</p>
{{read-more:arsenal-relaxed-saliba-real-madrid-talk}}
<h3>Is a deal likely?</h3>
<p>It is too early to say. Arsenal have not yet made an approach, and their preference would be
a younger striker on a longer contract. Vlahovic is one of several options being assessed.</p>
<p>Juventus, meanwhile, want a replacement lined up before they sanction any exit. They are
already reshaping their midfield, and they do not want to weaken their attack in the middle of
the season.</p>
<p>If Arsenal do move, sources expect a straightforward permanent deal rather than a loan, with
Juventus keen to bank the fee while they still can.</p>
""",
    },
    {
        "slug": "liverpool-open-talks-tchouameni-camp",
        "headline": "Liverpool open talks with Aurelien Tchouameni's representatives",
        "standfirst": (
            "The Reds have moved beyond scouting and held a first meeting with the midfielder's "
            "camp, though Real Madrid's stance is unchanged."
        ),
        "published": ago(days=5, hours=2),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "real-madrid", "manchester-city", "bayer-leverkusen"],
        "players": ["aurelien-tchouameni", "florian-wirtz", "rodri"],
        "links": [TCHOUAMENI],
        "tags": ["january-window", "premier-league"],
        "related": [
            "real-madrid-insist-tchouameni-not-for-sale",
            "liverpool-monitor-tchouameni-midfield",
            "real-madrid-rodri-midfield-rebuild",
        ],
        "record_player": "aurelien-tchouameni",
        "authors": ["tom-okafor"],
        "seo_description": (
            "Liverpool have held first talks with Aurelien Tchouameni's representatives, with a "
            "fee of around £100m mentioned in Spain."
        ),
        "hero": {
            "title": "Tchouameni",
            "subtitle": "Liverpool open talks",
            "clubs": ["liverpool", "real-madrid"],
            "caption": "Liverpool have held first talks with Tchouameni's representatives.",
        },
        "body": """
<p><strong>Liverpool</strong> have held initial talks with the representatives of Real Madrid
midfielder Aurelien Tchouameni, sources have told Transfer Desk, as their interest in a January
move intensifies.</p>
<p>The meeting was described to us as exploratory. Liverpool wanted to know whether the France
international would consider a move to the Premier League in the middle of the season, and on
what terms.</p>
<p>The answer was encouraging enough for the club to continue. Tchouameni is happy in Madrid,
but he has not ruled out a new challenge, and he is aware of Liverpool's long-standing
admiration.</p>
<p>No offer has been made to Real Madrid, and the club have not been formally approached. That is
the next step, and it will depend on how the coming weeks unfold.</p>
<h2>What would it take to sign Tchouameni?</h2>
<p>The figure mentioned in Spain is around £100m. That would be a huge outlay in a January
window, but Liverpool's owners have shown they will spend heavily on the right player, as they
did for Florian Wirtz last summer.</p>
<p>Real Madrid have made it clear that he is not for sale, and they are under no financial
pressure to change their stance. He is a fixture in their midfield and a key part of their
plans.</p>
<p>Sources suggest the only realistic route is for Madrid to find a replacement they rate as
highly. Their interest in Manchester City's Rodri is one reason to watch the situation
closely.</p>
{{read-more:real-madrid-insist-tchouameni-not-for-sale}}
<h3>Why now?</h3>
<p>Arne Slot has asked for another midfielder who can protect the defence and help control
games. A crowded schedule has exposed a lack of depth in that area, and the coaching staff
believe a player of Tchouameni's profile would make an immediate difference.</p>
<p>The club considered cheaper options, but none matched his blend of defensive work and passing
range.</p>
<p>Liverpool's approach has been measured so far, and they will not overpay simply to win the
race. But for the first time, their interest has moved from admiration to action.</p>
<ul>
<li><strong>Talks held:</strong> with the player's representatives.</li>
<li><strong>Offer to Real Madrid:</strong> not yet.</li>
<li><strong>Reported valuation:</strong> around £100m.</li>
</ul>
""",
    },
    {
        "slug": "real-madrid-rodri-midfield-rebuild",
        "headline": "Real Madrid keep tabs on Rodri as midfield rebuild takes shape",
        "standfirst": (
            "Los Blancos are said to be monitoring the Manchester City midfielder ahead of the "
            "summer, with a fee of £80m-plus mentioned."
        ),
        "published": ago(days=8, hours=2),
        "primary_club": "real-madrid",
        "clubs": ["real-madrid", "manchester-city", "ac-milan", "liverpool"],
        "players": ["rodri", "luka-modric", "aurelien-tchouameni"],
        "links": ["rodri:manchester-city:real-madrid"],
        "tags": ["summer-window", "la-liga", "premier-league"],
        "related": [
            "real-madrid-insist-tchouameni-not-for-sale",
            "real-madrid-carvajal-successor-right-back-search",
        ],
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Real Madrid are monitoring Manchester City's Rodri ahead of next summer, though no "
            "contact has been made with City or the player."
        ),
        "hero": {
            "title": "Rodri",
            "subtitle": "Manchester City to Real Madrid?",
            "clubs": ["real-madrid", "manchester-city"],
            "caption": "Real Madrid are keeping tabs on Manchester City's Rodri.",
        },
        "body": """
<p><strong>Real Madrid</strong> are monitoring Manchester City midfielder Rodri ahead of next
summer, according to reports in Spain, as they plan the next stage of their midfield
rebuild.</p>
<p>The Spain international has long been admired in the Spanish capital, and his situation at
City is being followed closely. Any deal would cost more than £80m, with his contract running
for another season and a half.</p>
<p>Transfer Desk understands that Madrid have not contacted City or the player's
representatives. For now the interest is best described as a watching brief, and the report
that first linked the two has not been confirmed by sources close to either club.</p>
<p>Rodri is back in regular action after a long injury lay-off, starting all 10 of his Premier
League appearances for City this season.</p>
<h2>Why would Real Madrid want Rodri?</h2>
<p>Madrid's midfield has changed since Luka Modric left for AC Milan last summer, and there is a
recognition inside the club that it lacks a natural controller at its base.</p>
<p>Aurelien Tchouameni has often filled that role, but Liverpool's interest in the Frenchman has
forced Madrid to consider what would happen if he left. Rodri would be an obvious, if expensive,
replacement.</p>
<p>He is also a player Madrid know well. He spent a season at Atletico Madrid earlier in his
career, and he would need little time to settle back into La Liga.</p>
{{read-more:real-madrid-insist-tchouameni-not-for-sale}}
<h3>Would City sell?</h3>
<p>City's position is simple: Rodri is not for sale. He remains central to their plans, and the
club would be reluctant to strengthen a direct rival in the Champions League.</p>
<p>That said, City have shown in the past that they will not stand in the way of senior players
who want a new challenge, provided the fee is right.</p>
<p>For now, Madrid's attention is elsewhere. Their priority is at right-back, where Trent
Alexander-Arnold is their first choice, and
<a href="{{url:liverpool-contract-decisions-salah-van-dijk-alexander-arnold}}">his contract
situation at Liverpool</a> is being watched just as closely. Any move for Rodri would be a
project for the summer rather than January.</p>
""",
    },
    {
        "slug": "january-window-five-deals-to-watch",
        "headline": "January transfer window: five deals to watch as clubs draw up their plans",
        "standfirst": (
            "From a £100m midfield chase to a return to Turin, these are the moves most likely "
            "to shape the winter window."
        ),
        "published": ago(days=9, hours=6),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "real-madrid", "chelsea", "monaco", "juventus", "napoli"],
        "players": [
            "aurelien-tchouameni",
            "maghnes-akliouche",
            "denis-zakaria",
            "federico-chiesa",
            "trent-alexander-arnold",
        ],
        "links": [
            TCHOUAMENI,
            "maghnes-akliouche:monaco:chelsea",
            "denis-zakaria:monaco:juventus",
            "federico-chiesa:liverpool:napoli",
            TRENT_MADRID,
        ],
        "tags": ["january-window", "deadline-day", "analysis"],
        "related": [
            "liverpool-monitor-tchouameni-midfield",
            "chelsea-bid-akliouche-monaco",
            "juventus-agree-zakaria-fee-monaco",
        ],
        "authors": ["hannah-whitlock", "tom-okafor"],
        "seo_description": (
            "Tchouameni, Akliouche, Zakaria, Chiesa and Alexander-Arnold: the five deals most "
            "likely to shape the January transfer window."
        ),
        "hero": {
            "title": "January window",
            "subtitle": "Five deals to watch",
            "clubs": ["liverpool", "chelsea"],
            "caption": "Five deals that could shape the January transfer window.",
        },
        "body": """
<p>The <strong>January transfer window</strong> opens in a few weeks, and clubs across Europe
are already lining up their business. Sources have told Transfer Desk that several deals are
further along than the clubs' public silence suggests.</p>
<p>Here are the five we are watching most closely, with the fee, the stage reached and what
could still go wrong.</p>
<h2>Which deals could define the window?</h2>
<h3>1. Aurelien Tchouameni: Real Madrid to Liverpool</h3>
<p>The biggest of the lot. Liverpool are ready to spend around £100m on the France midfielder,
but Real Madrid will only sell if they can line up a replacement first. <strong>Stage:</strong>
interest, with talks expected.</p>
<h3>2. Maghnes Akliouche: Monaco to Chelsea</h3>
<p>Chelsea have watched the playmaker repeatedly this season, and a bid is expected soon.
Monaco's asking price is about €65m. <strong>Stage:</strong> interest.</p>
<h3>3. Denis Zakaria: Monaco to Juventus</h3>
<p>Juventus have opened talks to bring the Switzerland midfielder back to Turin, with an initial
figure of €22m discussed. <strong>Stage:</strong> talks.</p>
<h3>4. Federico Chiesa: Liverpool to Serie A</h3>
<p>The winger needs minutes, and a loan back to Italy is the likeliest outcome. Napoli are keen
but have not yet set out terms. <strong>Stage:</strong> early discussions.</p>
<h3>5. Trent Alexander-Arnold: the pre-contract question</h3>
<p>Not a January transfer as such, but the month matters. From 1 January, the Liverpool
right-back can agree terms with a club abroad, and Real Madrid are ready.
<strong>Stage:</strong> strong interest from Madrid, with Bayern Munich also asking
questions.</p>
<blockquote><p>“January is for fixing problems, not building squads. The clubs that do well are
the ones that planned in October.” – a Premier League recruitment source</p></blockquote>
<h3>What about deadline day?</h3>
<p>Deadline day in January rarely matches the drama of the summer, but loans and late
replacements often go through in the final hours. If Tchouameni does leave Madrid, their search
for a successor could run right up to the deadline.</p>
{{read-more:liverpool-monitor-tchouameni-midfield}}
<p>We will update this list as the window approaches. For every move, the Transfer Desk tracker
shows the latest status, the sources reporting it and how likely we think it is.</p>
""",
    },
    {
        "slug": "real-madrid-insist-tchouameni-not-for-sale",
        "headline": (
            "Real Madrid insist Aurelien Tchouameni is not for sale despite Liverpool interest"
        ),
        "standfirst": (
            "Sources close to the Spanish club say no offer has arrived, and none would be "
            "welcome in January."
        ),
        "published": ago(days=11, hours=13),
        "primary_club": "real-madrid",
        "clubs": ["real-madrid", "liverpool"],
        "players": ["aurelien-tchouameni"],
        "links": [TCHOUAMENI],
        "tags": ["january-window", "la-liga"],
        "related": [
            "liverpool-monitor-tchouameni-midfield",
            "liverpool-open-talks-tchouameni-camp",
        ],
        "record_player": "aurelien-tchouameni",
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Real Madrid say Aurelien Tchouameni is not for sale in January and that no offer "
            "has arrived from Liverpool."
        ),
        "hero": {
            "title": "Tchouameni",
            "subtitle": "Real Madrid stand firm",
            "clubs": ["real-madrid", "liverpool"],
            "caption": "Real Madrid insist Tchouameni is not for sale in January.",
        },
        "body": """
<p><strong>Real Madrid</strong> have no intention of selling Aurelien Tchouameni in January,
sources close to the club have told Transfer Desk, despite growing interest from Liverpool.</p>
<p>The message from the Santiago Bernabeu is firm: the France midfielder is part of the long-term
project, no offer has been received, and one would not be welcome in the middle of the
season.</p>
<p>The stance follows reports in England that Liverpool have made Tchouameni a priority and that
a fee of around £100m could tempt Madrid.</p>
<p>People close to the club point to his importance this season. He has been a near
ever-present in La Liga and the Champions League, often as the deepest player in midfield.</p>
<h2>Is the door completely closed?</h2>
<p>Not quite. Madrid rarely say never, and their history suggests that the right offer at the
right time can change minds.</p>
<p>The issue is timing. Madrid do not want to lose a first-choice midfielder halfway through the
season without a replacement, and finding one in January is notoriously difficult.</p>
<p>A sale in the summer would be a different conversation. By then the club will have more
options, and his contract will be entering its final year, the point at which a selling club's
leverage starts to slip.</p>
<p>Liverpool know that. Their interest is serious, but sources suggest they are also prepared to
revisit the deal at the end of the season if January proves impossible.</p>
{{read-more:liverpool-monitor-tchouameni-midfield}}
<h3>What does the player want?</h3>
<p>Tchouameni has not pushed for a move. He is settled in Madrid, has won major trophies there
and is a regular for his country.</p>
<p>But those close to him acknowledge that Liverpool's interest is flattering, and he is
understood to admire the way Arne Slot's side play. If Madrid's position changed, he would be
willing to listen.</p>
<p>For now the Spanish giants are holding firm, and Liverpool must decide whether to test their
resolve with a formal offer.</p>
<ul>
<li><strong>Madrid's position:</strong> not for sale in January.</li>
<li><strong>Offers received:</strong> none.</li>
<li><strong>Liverpool's next step:</strong> undecided.</li>
</ul>
""",
    },
    {
        "slug": "arsenal-relaxed-saliba-real-madrid-talk",
        "headline": (
            "Arsenal relaxed over William Saliba speculation as Real Madrid links dismissed"
        ),
        "standfirst": (
            "Reports of a £90m move to the Santiago Bernabeu have been played down in north "
            "London, where the defender is seen as a cornerstone of the side."
        ),
        "published": ago(days=13, hours=19),
        "primary_club": "arsenal",
        "clubs": ["arsenal", "real-madrid"],
        "players": ["william-saliba", "bukayo-saka", "declan-rice", "dean-huijsen"],
        "links": ["william-saliba:arsenal:real-madrid"],
        "tags": ["premier-league", "la-liga"],
        "related": [
            "arsenal-vlahovic-january-juventus-contract",
            "real-madrid-carvajal-successor-right-back-search",
        ],
        "authors": ["tom-okafor"],
        "seo_description": (
            "Arsenal are not worried by reports linking William Saliba with Real Madrid: no "
            "approach has been made for the defender."
        ),
        "hero": {
            "title": "Saliba",
            "subtitle": "Staying at Arsenal",
            "clubs": ["arsenal", "real-madrid"],
            "caption": "Arsenal are relaxed about reports linking William Saliba with Madrid.",
        },
        "body": """
<p><strong>Arsenal</strong> are not concerned by reports linking William Saliba with a move to
Real Madrid, sources have told Transfer Desk, with the club confident the France defender will
stay at the Emirates Stadium.</p>
<p>The speculation began with claims that Madrid had made the 25-year-old their top defensive
target for next summer and would pay around £90m.</p>
<p>Sources close to Arsenal have dismissed those reports. No approach has been made, and the
club have no intention of entertaining one.</p>
<p>Saliba has been one of the most consistent centre-backs in the Premier League this season,
starting all 12 of Arsenal's league matches and chipping in with a goal.</p>
<h2>Why are Arsenal so confident?</h2>
<p>The main reason is his contract. Saliba is tied to the club for several more years, which
gives Arsenal complete control over his future.</p>
<p>He is also happy in north London. Arsenal have built their defence around him, and Mikel
Arteta regards him as one of the leaders of the squad.</p>
<p>The club's recent record on keeping their best players is strong. Bukayo Saka and Declan Rice
are both committed to long contracts, and the hierarchy see Saliba in the same bracket.</p>
<h3>Are Real Madrid interested at all?</h3>
<p>Madrid's recruitment staff admire Saliba, as they do most of the best young defenders in
Europe. But their defensive plans for the summer are focused on right-back, not centre-back.</p>
<p>They signed Dean Huijsen from Bournemouth last summer, and they believe their options in the
middle of defence are strong enough for now.</p>
<p>That makes a move for Saliba unlikely in the near future, whatever the reports suggest. The
source of the original claim has a mixed record, and nothing we have heard supports it.</p>
<p>For Arsenal, the bigger questions in the coming windows are in attack, where Arteta would
like another option to lead the line. Defence, for once, is not on the agenda.</p>
""",
    },
    {
        "slug": "liverpool-contract-decisions-salah-van-dijk-alexander-arnold",
        "headline": "Salah, Van Dijk and Alexander-Arnold: Liverpool's contract puzzle explained",
        "standfirst": (
            "Three of Liverpool's most important players are out of contract in the summer. "
            "Here is where each negotiation stands."
        ),
        "published": ago(days=16, hours=4),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "real-madrid", "al-hilal", "bayer-leverkusen"],
        "players": [
            "mohamed-salah",
            "virgil-van-dijk",
            "trent-alexander-arnold",
            "florian-wirtz",
        ],
        "links": [TRENT_MADRID],
        "tags": ["contracts", "premier-league", "analysis"],
        "related": [
            "salah-saudi-exit-route-liverpool-contract",
            "real-madrid-alexander-arnold-best-placed",
            "bayern-munich-alexander-arnold-approach",
        ],
        "authors": ["hannah-whitlock"],
        "seo_description": (
            "Mohamed Salah, Virgil van Dijk and Trent Alexander-Arnold are all out of contract "
            "in the summer. Where each negotiation stands."
        ),
        "hero": {
            "title": "Contract puzzle",
            "subtitle": "Salah, Van Dijk, Alexander-Arnold",
            "clubs": ["liverpool", "liverpool"],
            "caption": "Three Liverpool contracts run out at the end of the season.",
        },
        "body": """
<p><strong>Liverpool</strong> face one of the most delicate summers in their recent history,
with Mohamed Salah, Virgil van Dijk and Trent Alexander-Arnold all out of contract at the end of
the season, and sources have told Transfer Desk that the three negotiations are moving at very
different speeds.</p>
<p>The club are preparing for more than one outcome, and senior figures accept that not every
conversation will end in a new deal.</p>
<p>It is an unusual position for a side challenging at the top of the Premier League. Between
them, the trio have made 34 of a possible 36 league starts this season.</p>
<h2>Where does each negotiation stand?</h2>
<h3>Virgil van Dijk</h3>
<p>The captain is the likeliest of the three to stay. He is open to a shorter deal, and the club
regard his leadership as vital while the squad evolves. Sources describe the talks as
positive.</p>
<h3>Mohamed Salah</h3>
<p>Salah's case is more complicated. He is still producing at an elite level, with seven league
goals already this season, but the club are cautious about the length of any new contract, and
interest from Saudi Arabia remains strong.</p>
<h3>Trent Alexander-Arnold</h3>
<p>The right-back is the most uncertain. Real Madrid have tracked him for more than a year, and
he will be free to agree a pre-contract with a club abroad from January.</p>
<blockquote><p>“Losing one of them would be manageable. Losing all three in one summer would
mean rebuilding the spine of the team.” – a source close to the club</p></blockquote>
<h3>How did Liverpool get here?</h3>
<p>Part of the explanation is timing. Liverpool's recruitment structure has changed in recent
seasons, and several negotiations were left until the new set-up had settled.</p>
<p>There is also a deliberate policy at work. The club have become more disciplined about long
contracts for players over 30, and they will risk losing senior figures rather than commit to
deals they believe will age badly.</p>
<p>That discipline has allowed them to spend elsewhere. Florian Wirtz arrived from Bayer
Leverkusen last summer for a fee that could reach £116m, and another major midfield signing is
under discussion.</p>
{{read-more:wirtz-liverpool-first-months-midfield-balance}}
<p>What happens with the three contracts will shape that plan. If two or more leave, the summer
budget will be stretched by replacements, and a January move for a midfielder becomes more
urgent.</p>
""",
    },
    {
        "slug": "bayern-munich-alexander-arnold-approach",
        "headline": "Bayern Munich ask about Trent Alexander-Arnold as free-agent race heats up",
        "standfirst": (
            "The Bundesliga giants have enquired about the Liverpool right-back's terms, though "
            "Real Madrid remain in pole position."
        ),
        "published": ago(days=19, hours=8),
        "primary_club": "bayern-munich",
        "clubs": ["bayern-munich", "liverpool", "real-madrid"],
        "players": ["trent-alexander-arnold", "joshua-kimmich", "luis-diaz"],
        "links": [TRENT_BAYERN, TRENT_MADRID, "luis-diaz:liverpool:bayern-munich"],
        "tags": ["bundesliga", "free-agents", "contracts"],
        "related": [
            "liverpool-contract-decisions-salah-van-dijk-alexander-arnold",
            "real-madrid-alexander-arnold-best-placed",
        ],
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Bayern Munich have asked about Trent Alexander-Arnold's terms for a free transfer, "
            "but Real Madrid remain the favourites."
        ),
        "hero": {
            "title": "Alexander-Arnold",
            "subtitle": "Liverpool to Bayern Munich?",
            "clubs": ["bayern-munich", "liverpool"],
            "caption": "Bayern Munich have asked about Trent Alexander-Arnold's terms.",
        },
        "body": """
<p><strong>Bayern Munich</strong> have asked about the terms Trent Alexander-Arnold would want to
join them on a free transfer next summer, sources have told Transfer Desk, adding a new name to
the race for the Liverpool right-back.</p>
<p>The enquiry was made through intermediaries and is at an early stage. Bayern have not made an
offer, but they want to understand whether a move to the Bundesliga would appeal to the England
international.</p>
<p>His contract at Anfield runs out at the end of the season. Real Madrid are regarded as the
front-runners, but Bayern believe they can offer a compelling alternative.</p>
<h2>Why are Bayern Munich interested?</h2>
<p>Bayern have a long tradition of signing top players on free transfers, and their recruitment
department see Alexander-Arnold as exactly the kind of opportunity they like to take.</p>
<p>There is a tactical logic too. Joshua Kimmich has played at right-back in the past, but the
club prefer him in midfield, and the coaching staff want a full-back who can create chances from
deep.</p>
<p>And there is a Liverpool connection. Bayern signed Luis Diaz from Anfield last summer in a
deal worth up to €75m, and the winger has settled quickly in Munich.</p>
{{read-more:wirtz-liverpool-first-months-midfield-balance}}
<h3>Can Bayern compete with Real Madrid?</h3>
<p>Financially, yes. Bayern can match most offers for a player arriving without a fee, and they
would make him one of the leaders of their squad.</p>
<p>But Madrid hold an advantage that money alone cannot overcome. Their interest is older, their
relationship with the player's camp is stronger, and their plans have a clear role waiting for
him.</p>
<p>Sources suggest Bayern are realistic about their chances. They will keep monitoring the
situation and are prepared to move quickly if the Madrid talks stall.</p>
<ul>
<li><strong>Real Madrid:</strong> front-runners.</li>
<li><strong>Bayern Munich:</strong> enquiry made about terms.</li>
<li><strong>Liverpool:</strong> still hoping to agree an extension.</li>
</ul>
""",
    },
    {
        "slug": "liverpool-monitor-tchouameni-midfield",
        "headline": "Liverpool add Aurelien Tchouameni to January midfield short list",
        "standfirst": (
            "Arne Slot wants more steel in front of his defence, and the Real Madrid man has "
            "emerged as the leading option."
        ),
        "published": ago(days=25, hours=5),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "real-madrid", "monaco"],
        "players": ["aurelien-tchouameni", "florian-wirtz"],
        "links": [TCHOUAMENI],
        "tags": ["january-window", "premier-league"],
        "related": [
            "wirtz-liverpool-first-months-midfield-balance",
            "real-madrid-insist-tchouameni-not-for-sale",
        ],
        "record_player": "aurelien-tchouameni",
        "authors": ["tom-okafor"],
        "seo_description": (
            "Aurelien Tchouameni is on Liverpool's short list of midfield targets for January, "
            "but Real Madrid are reluctant to sell."
        ),
        "hero": {
            "title": "Tchouameni",
            "subtitle": "On Liverpool's short list",
            "clubs": ["liverpool", "real-madrid"],
            "caption": "Tchouameni is on Liverpool's January short list.",
        },
        "body": """
<p><strong>Liverpool</strong> have placed Real Madrid midfielder Aurelien Tchouameni on a short
list of targets for the January window, sources have told Transfer Desk, as Arne Slot looks to
add depth to his midfield.</p>
<p>The France international has been admired at Anfield for years. Liverpool tried to sign him
when he left Monaco, only for Real Madrid to win the race, and the club's interest never fully
faded.</p>
<p>Now the timing may be right. Slot has asked for another midfielder capable of screening the
back four, and the recruitment staff have drawn up a list of candidates who could arrive in the
middle of the season.</p>
<h2>Why is Tchouameni on Liverpool's list?</h2>
<p>He combines the qualities Slot values most in a holding midfielder: positional discipline,
strength in the tackle and the composure to play through pressure.</p>
<p>He also offers flexibility. Madrid have used him at centre-back during injury crises, a
versatility that would be valuable in a congested fixture list.</p>
<p>At 26, he is at an age where Liverpool are comfortable investing a significant fee, and his
experience of winning major trophies with Madrid adds to his appeal.</p>
<h3>Is a deal realistic?</h3>
<p>That is far from certain. Real Madrid are not looking to sell, and a player of his importance
would command a very large fee. Early whispers in Spain put his value at around £85m.</p>
<p>Liverpool are also weighing other options, some of them cheaper and easier to complete in
January. The final decision will depend on how the squad copes over the next few weeks.</p>
{{read-more:wirtz-liverpool-first-months-midfield-balance}}
<p>What is clear is that Liverpool intend to strengthen. Their spending on Florian Wirtz last
summer showed that the owners are willing to back the manager, and midfield is where Slot
believes the next improvement must come.</p>
<ul>
<li><strong>Target:</strong> a holding midfielder for January.</li>
<li><strong>Leading name:</strong> Aurelien Tchouameni.</li>
<li><strong>Obstacle:</strong> Real Madrid's reluctance to sell.</li>
</ul>
""",
    },
    {
        "slug": "wirtz-liverpool-first-months-midfield-balance",
        "headline": (
            "Florian Wirtz at Liverpool: how the record signing changed Slot's midfield plans"
        ),
        "standfirst": (
            "The playmaker is thriving at Anfield, but his arrival has exposed the need for more "
            "defensive cover behind him."
        ),
        "published": ago(days=31, hours=3),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "bayer-leverkusen", "bayern-munich"],
        "players": ["florian-wirtz", "luis-diaz"],
        "links": ["florian-wirtz:bayer-leverkusen:liverpool", "luis-diaz:liverpool:bayern-munich"],
        "tags": ["premier-league", "done-deals", "analysis"],
        "related": [
            "liverpool-monitor-tchouameni-midfield",
            "liverpool-contract-decisions-salah-van-dijk-alexander-arnold",
        ],
        "authors": ["hannah-whitlock"],
        "seo_description": (
            "Florian Wirtz has settled quickly at Liverpool, but his arrival has sharpened the "
            "club's search for a defensive midfielder."
        ),
        "hero": {
            "title": "Wirtz",
            "subtitle": "Bayer Leverkusen to Liverpool",
            "clubs": ["liverpool", "bayer-leverkusen"],
            "caption": "Florian Wirtz joined Liverpool from Bayer Leverkusen last summer.",
        },
        "body": """
<p><strong>Liverpool</strong> are delighted with Florian Wirtz's start at Anfield, but the
playmaker's arrival has sharpened the club's focus on the other end of midfield, sources have
told Transfer Desk.</p>
<p>Wirtz joined from Bayer Leverkusen last summer in a deal worth £100m, rising to £116m with
add-ons, the biggest fee in Liverpool's history.</p>
<p>He has settled quickly. The Germany international is already contributing goals and assists,
and has become the player Liverpool look to whenever they need a moment of invention.</p>
<h2>What has Wirtz changed at Liverpool?</h2>
<p>Arne Slot has built his midfield around Wirtz's ability to receive the ball between the lines
and turn. That has made Liverpool more dangerous in possession, particularly against teams that
defend deep.</p>
<p>It has also changed the demands on the players around him. With Wirtz given licence to roam,
the midfielders behind him have more ground to cover, and Liverpool have at times been exposed
on the counter-attack.</p>
<p>Coaches inside the club see that as a problem to solve, not a flaw in the signing. The answer,
they believe, is a specialist defensive midfielder who holds position while others attack.</p>
<h3>How did Liverpool pay for it?</h3>
<p>Sales helped to balance the books. Luis Diaz joined Bayern Munich for €70m plus add-ons, and
several fringe players left permanently or on loan.</p>
<p>That approach gives the club room for another significant signing within the Premier League's
financial rules, and sources suggest the owners are open to one if the right player becomes
available.</p>
<blockquote><p>“Wirtz was the first piece. The next piece is the player who lets him play.” – a
source familiar with Liverpool's recruitment plans</p></blockquote>
<p>The January window will show how serious that intent is. Liverpool have been monitoring
midfielders across Europe, and one name in particular keeps coming up in internal
discussions.</p>
<p>That player is in Madrid, and his club have no desire to sell. But Liverpool have shown before
that they can be patient once they have identified the right target.</p>
""",
    },
    # Not public: one of each workflow state, so editors have something to work on.
    {
        "slug": "huijsen-real-madrid-first-season-review",
        "headline": "Dean Huijsen's Real Madrid education: how the young defender is adapting",
        "standfirst": (
            "Signed from Bournemouth for £50m last summer, the centre-back is learning fast at "
            "the Santiago Bernabeu."
        ),
        "status": "draft",
        "published": None,
        "written": ago(days=1, hours=2),
        "primary_club": "real-madrid",
        "clubs": ["real-madrid", "bournemouth"],
        "players": ["dean-huijsen"],
        "links": ["dean-huijsen:bournemouth:real-madrid"],
        "tags": ["la-liga", "done-deals", "analysis"],
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "How Dean Huijsen is adapting at Real Madrid after his £50m move from Bournemouth."
        ),
        "hero": {
            "title": "Huijsen",
            "subtitle": "Bournemouth to Real Madrid",
            "clubs": ["real-madrid", "bournemouth"],
            "caption": "Dean Huijsen joined Real Madrid from Bournemouth last summer.",
        },
        "body": """
<p><strong>Dean Huijsen</strong> arrived at Real Madrid last summer with a reputation as one of
the most promising centre-backs in Europe, and the early signs suggest the £50m fee paid to
Bournemouth was money well spent.</p>
<p>Madrid triggered his release clause before the window opened, moving quickly to beat several
Premier League clubs to his signature.</p>
<h2>What has impressed Real Madrid?</h2>
<p>His passing. Huijsen is comfortable stepping into midfield with the ball, and Madrid's coaches
have encouraged him to break lines rather than play safe.</p>
<p>[To add: minutes so far, quote from the press conference, comparison with last season.]</p>
""",
    },
    {
        "slug": "liverpool-consider-kimmich-tchouameni-alternative",
        "headline": "Liverpool consider Joshua Kimmich as alternative to Aurelien Tchouameni",
        "standfirst": (
            "If Real Madrid refuse to sell, the Reds have a more experienced option in mind for "
            "their midfield."
        ),
        "status": "review",
        "published": None,
        "written": ago(hours=6),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "bayern-munich", "real-madrid"],
        "players": ["joshua-kimmich", "aurelien-tchouameni"],
        "links": [TCHOUAMENI],
        "tags": ["january-window", "premier-league", "bundesliga"],
        "authors": ["tom-okafor"],
        "seo_description": (
            "Liverpool have discussed Joshua Kimmich as a fallback if Real Madrid refuse to sell "
            "Aurelien Tchouameni in January."
        ),
        "hero": {
            "title": "Kimmich",
            "subtitle": "Bayern Munich to Liverpool?",
            "clubs": ["liverpool", "bayern-munich"],
            "caption": "Liverpool have discussed Joshua Kimmich as a fallback option.",
        },
        "body": """
<p><strong>Liverpool</strong> have discussed Bayern Munich's Joshua Kimmich as a fallback option
should Real Madrid refuse to sell Aurelien Tchouameni in January, sources have told Transfer
Desk.</p>
<p>The Germany midfielder would be a very different signing: older, cheaper and available only if
Bayern decide to reshape their midfield.</p>
<h2>Would Bayern Munich let Kimmich go?</h2>
<p>It is unlikely in January. Kimmich remains one of Bayern's leaders, and the club have no
reason to weaken their squad in the middle of the season.</p>
<p>Liverpool's interest is therefore a contingency rather than a plan, and Tchouameni remains
the priority.</p>
""",
    },
    {
        "slug": "who-could-replace-alexander-arnold-liverpool",
        "headline": "Who could replace Trent Alexander-Arnold at Liverpool? The options assessed",
        "standfirst": (
            "If the right-back leaves on a free, Liverpool will need a new creative force on the "
            "right. We look at how they might fill the gap."
        ),
        "published": ahead(days=2),
        "primary_club": "liverpool",
        "clubs": ["liverpool", "real-madrid"],
        "players": ["trent-alexander-arnold"],
        "links": [TRENT_MADRID],
        "tags": ["contracts", "premier-league", "analysis"],
        "related": [
            "real-madrid-alexander-arnold-best-placed",
            "liverpool-contract-decisions-salah-van-dijk-alexander-arnold",
        ],
        "authors": ["hannah-whitlock"],
        "seo_description": (
            "If Trent Alexander-Arnold leaves for Real Madrid, how could Liverpool replace him? "
            "We assess the options."
        ),
        "hero": {
            "title": "Right-back",
            "subtitle": "Liverpool after Alexander-Arnold",
            "clubs": ["liverpool", "liverpool"],
            "caption": "Liverpool weigh their options at right-back.",
        },
        "body": """
<p><strong>Liverpool</strong> are preparing for the possibility that Trent Alexander-Arnold will
leave on a free transfer next summer, and sources have told Transfer Desk that the club have
already started to map out what comes next.</p>
<p>Real Madrid remain the front-runners for the England right-back, whose contract expires at
the end of June. If he goes, Liverpool will lose more than a defender: they will lose the player
who starts so many of their attacks.</p>
<h2>Can Liverpool replace what Alexander-Arnold does?</h2>
<p>Not like for like. Few full-backs in Europe combine his range of passing with his set-piece
delivery, and the club accept that the role would have to change.</p>
<p>The first option is internal. Liverpool could ask a more conventional defender to hold the
right side while the creative burden shifts into midfield, where Florian Wirtz already carries
much of it.</p>
<p>The second is to buy a younger full-back with attacking instincts and develop him. That would
cost a fee, but Liverpool's recruitment staff have several candidates in mind, in England and
abroad.</p>
<p>The third, and least likely, is to persuade Alexander-Arnold to stay. The club have not given
up, and an offer remains on the table.</p>
<h3>What will decide it?</h3>
<p>Timing. If the right-back commits to Madrid in January, Liverpool will have the rest of the
season to plan. If the saga runs into the spring, their options in the summer will narrow.</p>
<p>Whatever happens, the club are determined not to be caught out. The lesson of recent seasons
is that contracts left to run create problems that are expensive to solve.</p>
<p>Sources suggest the recruitment team will present a short list to the manager before the
January window opens, with the aim of moving quickly once the player's decision is known.</p>
<p>For supporters, the hope is that it never comes to that. For the club, planning for the worst
is simply part of the job, and the search has already begun.</p>
""",
    },
    {
        "slug": "modric-completes-free-move-ac-milan",
        "headline": "Luka Modric completes free transfer to AC Milan after Real Madrid farewell",
        "standfirst": (
            "The Croatia midfielder has joined the Rossoneri after more than a decade at the "
            "Santiago Bernabeu."
        ),
        "status": "archived",
        "published": in_window("summer", 28),
        "primary_club": "ac-milan",
        "clubs": ["ac-milan", "real-madrid"],
        "players": ["luka-modric"],
        "links": ["luka-modric:real-madrid:ac-milan"],
        "tags": ["summer-window", "serie-a", "done-deals", "free-agents"],
        "authors": ["lucia-ferrer"],
        "seo_description": (
            "Luka Modric has joined AC Milan on a free transfer after leaving Real Madrid."
        ),
        "hero": {
            "title": "Modric",
            "subtitle": "Real Madrid to AC Milan",
            "clubs": ["ac-milan", "real-madrid"],
            "caption": "Luka Modric has joined AC Milan on a free transfer.",
        },
        "body": """
<p><strong>AC Milan</strong> have completed the signing of Luka Modric on a free transfer, the
club have confirmed, bringing to an end one of the great careers at Real Madrid.</p>
<p>The Croatia midfielder left the Santiago Bernabeu at the end of his contract after more than
a decade in which he won every major honour available to a club player.</p>
<h2>What will Modric bring to Milan?</h2>
<p>Experience, above all. Milan's midfield is young, and the club believe Modric's presence in
the dressing room will be as valuable as his passing on the pitch.</p>
<p>He has signed a one-year contract with the option of a second season.</p>
""",
    },
]
