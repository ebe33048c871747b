"""The demo newsroom's people: three logins and three bylines.

The passwords are for the demo only: they are printed by `load_demo` and must never be used
on a site that faces the internet.
"""

USERS = [
    {
        "username": "admin",
        "password": "admin-demo-pass",
        "first_name": "Site",
        "last_name": "Administrator",
        "email": "admin@transferdesk.example",
        "is_superuser": True,
        "group": None,
        "label": "Admin",
    },
    {
        "username": "editor",
        "password": "editor-demo-pass",
        "first_name": "Hannah",
        "last_name": "Whitlock",
        "email": "hannah.whitlock@transferdesk.example",
        "is_superuser": False,
        "group": "Editors",
        "label": "Editor",
    },
    {
        "username": "writer",
        "password": "writer-demo-pass",
        "first_name": "Tom",
        "last_name": "Okafor",
        "email": "tom.okafor@transferdesk.example",
        "is_superuser": False,
        "group": "Writers",
        "label": "Writer",
    },
]

AUTHORS = [
    {
        "slug": "hannah-whitlock",
        "name": "Hannah Whitlock",
        "user": "editor",
        "job_title": "Transfer Editor",
        "social_handle": "@hwhitlock_td",
        "bio": (
            "Hannah runs Transfer Desk's coverage of the Premier League market. She spent eight "
            "years on regional sports desks in the North West before joining, and keeps a "
            "record of every deadline-day deal since 2010."
        ),
    },
    {
        "slug": "tom-okafor",
        "name": "Tom Okafor",
        "user": "writer",
        "job_title": "Senior Football Writer",
        "social_handle": "@tomokafor_td",
        "bio": (
            "Tom covers Liverpool, Arsenal and Chelsea, with a particular interest in how clubs "
            "plan their squads around contracts. He previously reported on the Championship "
            "and League One."
        ),
    },
    {
        "slug": "lucia-ferrer",
        "name": "Lucía Ferrer",
        "user": None,
        "job_title": "European Football Correspondent",
        "social_handle": "@luciaferrer_td",
        "bio": (
            "Lucía is based in Madrid and reports on La Liga, Serie A and the deals that cross "
            "borders. She speaks Spanish, Italian and Catalan and has covered four European "
            "Championships."
        ),
    },
]
