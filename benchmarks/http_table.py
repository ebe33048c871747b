"""Turn one run of peers/bench.sh and benchmarks/http.sh into a Markdown section with ratios.

Usage: python benchmarks/http_table.py PEERS.txt OURS.txt [--date D --machine M --versions V
       --command C --setup S]

Ratios compare figures from the same run only: absolute req/s move with the machine's load.
"""

import argparse
import re

PEER_LINE = re.compile(
    r"^(?P<name>\S+)\s+(?P<rps>[\d.]+) req/s\s+p50\s+(?P<p50>\S+)\s+p99\s+(?P<p99>\S+)"
    r"\s+queries\s+(?P<queries>\S+)\s+(?P<bytes>\d+) bytes"
)
PEER_NAMES = {
    "bare-13-bytes": "bare Django, 13-byte response (ceiling)",
    "bare-template": "bare Django, 20 KB template",
    "wagtail-index": "Wagtail news index (20/page)",
    "wagtail-article": "Wagtail article",
    "wagtail-rss": "Wagtail RSS",
}
# Which peer page each of ours is compared with, and the target ratio when uncached.
MATCH = {
    "home": ("wagtail-index", 2.0),
    "club": ("wagtail-index", 2.0),
    "article": ("wagtail-article", 2.0),
    "club-rss": ("wagtail-rss", 2.0),
    "player": ("wagtail-article", None),
    "tracker": ("wagtail-index", None),
    "tracker-filtered": ("wagtail-index", None),
    "search": ("wagtail-index", None),
}
CEILING = "bare-13-bytes"
CACHED_TARGET = 0.5


def read_peers(path):
    peers, notes = {}, []
    with open(path) as lines:
        for line in lines:
            match = PEER_LINE.match(line)
            if match:
                peers[match["name"]] = match.groupdict()
            elif line.startswith("versions:"):
                notes.append("Peers' " + line.strip())
    return peers, notes


def read_ours(path):
    rows, notes = [], []
    with open(path) as lines:
        for line in lines:
            fields = line.split()
            if line.startswith(("load average", "article page weight")):
                notes.append(line.strip())
            elif len(fields) >= 7:
                rows.append(fields)
    return rows, notes


def verdict(label, page, vs_peer, vs_ceiling):
    if label.endswith("uncached"):
        peer_name, target = MATCH.get(page, (None, None))
        if not target or vs_peer is None:
            return ""
        return f"≥ {target:.0f}× {peer_name}: {'met' if vs_peer >= target else 'MISSED'}"
    return f"≥ {CACHED_TARGET}× ceiling: {'met' if vs_ceiling >= CACHED_TARGET else 'MISSED'}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peers")
    parser.add_argument("ours")
    for option in ("date", "machine", "versions", "command", "setup"):
        parser.add_argument(f"--{option}", default="")
    args = parser.parse_args()
    peers, peer_notes = read_peers(args.peers)
    ours, our_notes = read_ours(args.ours)
    ceiling = float(peers[CEILING]["rps"])

    print(f"\n## HTTP throughput side by side with the peers ({args.date})\n")
    print(f"- Command: `{args.command}`")
    print(f"- Machine: {args.machine}")
    print(f"- Versions: {args.versions}")
    for note in peer_notes:
        print(f"- {note}")
    print(f"- Set-up: {args.setup}")
    print("- Queries are counted on a miss (page cache off) in both rounds; bytes uncompressed.")
    for note in our_notes:
        print(f"- {note[0].upper()}{note[1:]}")
    print()
    print(
        "| site / round | page | req/s | p50 | p99 | queries | bytes "
        "| vs peer | vs ceiling | target |"
    )
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|---|")
    for name, peer in peers.items():
        rps = float(peer["rps"])
        print(
            f"| peer | {PEER_NAMES.get(name, name)} | {rps:,.0f} | {peer['p50']} | {peer['p99']} "
            f"| {peer['queries']} | {int(peer['bytes']):,} | | {rps / ceiling:.2f}× | |"
        )
    for fields in ours:
        label, page, rps, p50, p99, queries, size = fields[:7]
        errors = " ".join(fields[7:]).replace("_", " ")
        rps = float(rps or 0)
        peer_name, _target = MATCH.get(page, (None, None))
        vs_peer = rps / float(peers[peer_name]["rps"]) if peer_name in peers else None
        vs_ceiling = rps / ceiling
        outcome = verdict(label, page, vs_peer, vs_ceiling)
        if errors:
            outcome += f" (wrk: {errors.strip(';')})"
        peer_text = f"{vs_peer:.2f}× {peer_name}" if vs_peer is not None else ""
        print(
            f"| {label} | {page} | {rps:,.0f} | {p50} | {p99} | {queries} | {int(size):,} "
            f"| {peer_text} | {vs_ceiling:.2f}× | {outcome} |"
        )


if __name__ == "__main__":
    main()
