"""A player's record tables: his season rows grouped by club, each table with its totals."""

from dataclasses import dataclass, field


@dataclass
class RecordTotals:
    appearances: int = 0
    club_matches_played: int = 0
    goals: int = 0
    assists: int = 0
    minutes: int = 0
    every_row_has_matches: bool = True

    @property
    def appearances_display(self):
        # "25/30" only when every row says how many matches the club played; a partial
        # denominator would understate how often he plays.
        if self.every_row_has_matches and self.club_matches_played:
            return f"{self.appearances}/{self.club_matches_played}"
        return str(self.appearances)


@dataclass
class RecordTable:
    """“<Player>'s <Club> record”: rows newest season first, then the totals."""

    player: object
    club: object
    rows: list = field(default_factory=list)

    @property
    def title(self):
        return f"{self.player.known_as}’s {self.club.name} record"

    @property
    def totals(self):
        totals = RecordTotals()
        for row in self.rows:
            totals.appearances += row.appearances
            totals.club_matches_played += row.club_matches_played
            totals.goals += row.goals
            totals.assists += row.assists
            totals.minutes += row.minutes
            totals.every_row_has_matches &= bool(row.club_matches_played)
        return totals


def record_tables(player, seasons):
    """One table per club, the most recent club first; `seasons` newest first, clubs joined."""
    tables = {}
    for season in seasons:
        table = tables.setdefault(season.club_id, RecordTable(player, season.club))
        table.rows.append(season)
    return list(tables.values())


def record_table_at_club(player, seasons):
    """The table for his current club, else his most recent one (None without any rows)."""
    tables = record_tables(player, seasons)
    for table in tables:
        if table.club.pk == player.current_club_id:
            return table
    return tables[0] if tables else None
