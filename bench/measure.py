"""Drives a running portal with wrk and prints the figures of bench/run.

Every figure is also given as a ratio to /healthz, the trivial handler of the same server,
measured just before it in the same run: absolute numbers vary from machine to machine and
minute to minute, ratios much less. At the end it checks the figures against the portal's
targets and exits non-zero when one is missed (with --check).
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

# What browsers and feed readers send: the page cache keeps each page compressed in the coding
# they prefer. The mode without it is measured without compression, to see the rendering alone.
BROWSER_CODINGS = "gzip, deflate, br, zstd"

# (name, path, kind); a deep page names the first page it is compared with.
PAGES = [
    ("trivial handler (baseline)", "/healthz", "baseline"),
    ("home", "/", "home"),
    ("statements list", "/statements", "list"),
    ("statements, deep page", "/statements?page=4000", "deep:/statements"),
    ("statements, filtered", "/statements?area=space-technology", "list"),
    ("statement", "/statements/synthetic-statement-77", "detail"),
    ("agreements list", "/agreements", "list"),
    ("agreements, filtered", "/agreements?country=CN", "list"),
    ("agreement", "/agreements/sti-cooperation-agreement-2013", "detail"),
    ("meetings list", "/meetings", "list"),
    ("meetings, deep page", "/meetings?page=40", "deep:/meetings"),
    ("meetings, filtered", "/meetings?area=space-technology", "list"),
    ("meeting", "/meetings/synthetic-meeting-9", "detail"),
    ("delegations list", "/delegations", "list"),
    ("delegations, deep page", "/delegations?page=90", "deep:/delegations"),
    ("delegations, filtered", "/delegations?country=CN", "list"),
    ("delegation", "/delegations/synthetic-delegation-9", "detail"),
    ("MoUs list", "/mous", "list"),
    ("MoUs, deep page", "/mous?page=4000", "deep:/mous"),
    ("MoUs, filtered", "/mous?status=in_force&year=2020", "list"),
    ("MoU", "/mous/synthetic-mou-5", "detail"),
    ("organisations list", "/organisations", "list"),
    ("organisations, deep page", "/organisations?page=400", "deep:/organisations"),
    ("organisations, filtered", "/organisations?country=CN&kind=company", "list"),
    ("organisation", "/organisations/synthetic-organisation-5", "detail"),
    ("people list", "/people", "list"),
    ("people, deep page", "/people?page=200", "deep:/people"),
    ("people, filtered", "/people?country=MY", "list"),
    ("person", "/people/synthetic-person-9", "detail"),
    ("focus areas list", "/areas", "list"),
    ("focus area", "/areas/space-technology", "detail"),
    ("search", "/search?q=semiconductor", "search"),
    ("Atom feed", "/feed.atom", "machine"),
    ("sitemap", "/sitemap.xml", "machine"),
    # The API's list is a list page for machines, held to the same target.
    ("JSON API list", "/api/v1/mous", "list"),
    ("static asset", "/static/css/site.css", "static"),
    # What any page of the layout costs before it reads anything: no target of its own, the
    # ceiling of the others.
    ("open data (a page that reads nothing)", "/open-data", "reference"),
]
QUICK_PAGES = {"/healthz", "/", "/statements", "/statements?page=4000", "/mous/synthetic-mou-5",
               "/search?q=semiconductor", "/feed.atom"}

# Targets: ratios of req/s to the baseline at 256 connections on the 100,000-record database.
DETAIL_RATIO = 0.40
LIST_RATIO = 0.10
SEARCH_RATIO = 0.05
SEARCH_P99_MS = 25.0
DEEP_LATENCY = 1.2
# A saturated server's p50 moves between two runs of a few seconds by about as much as the
# target allows, so each deep page and its first page are measured in turn this many times and
# the medians compared.
DEEP_ROUNDS = 3
CACHED_RATIO = 0.70
PEAK_RSS_MIB = 96.0
STORM_DROP = 0.20
# One search at a time per core: what a reader's search waits for when the server is not
# saturated (at 256 connections each request also waits for the 255 queued before it).
SEARCH_LATENCY_CONNECTIONS = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def to_ms(text):
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, connections, seconds, headers=(), script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = lambda pct: re.search(rf"^\s+{pct}%\s+(\S+)", out, re.M)
    if requests == 0 or not latency(50):
        return {"requests": 0, "rate": 0.0, "p50": float("nan"), "p99": float("nan"), "non2xx": 0}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"requests": requests, "rate": rate, "p50": to_ms(latency(50).group(1)),
            "p99": to_ms(latency(99).group(1)),
            "non2xx": (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)}


def drain(base):
    """Waits until requests left queued by the last run are done, so each figure starts clean."""
    deadline = time.time() + 120
    while time.time() < deadline:
        started = time.time()
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5)
            if time.time() - started < 0.05:
                return
        except OSError:
            pass
        time.sleep(0.5)


def start(binary, database, cache):
    port = free_port()
    args = [binary, "serve", "--bind", f"127.0.0.1:{port}", "--database", database, "--insecure-cookies"]
    if not cache:
        args.append("--no-page-cache")
    server = subprocess.Popen(args, env={**os.environ, "RUST_LOG": "warn"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("the portal did not start")


def login_storm_script(base):
    """A wrk script that sends wrong passwords with a valid login-form token."""
    page = urllib.request.urlopen(base + "/staff/login").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    path = "bench/data/login-storm.lua"
    with open(path, "w") as f:
        f.write(
            'wrk.method = "POST"\n'
            f'wrk.body = "username=editor&password=not-the-password&csrf_token={token}"\n'
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
            f'wrk.headers["Cookie"] = "sti_login_csrf={token}"\n'
        )
    return path


def row(name, conns, result, baseline, cpu_us):
    print(f"| {name} | {conns} | {result['rate']:.0f} | {result['rate'] / baseline['rate']:.2f} | "
          f"{result['p50']:.2f} | {result['p99']:.2f} | {cpu_us:.0f} | {cpu_us / baseline['cpu']:.1f} | "
          f"{result['non2xx']} |", flush=True)


def measure(binary, database, cache, quick):
    """Figures of one mode: {path: result at the highest connection count, with its ratio}."""
    seconds = 1 if quick else 4
    connections = [64] if quick else [64, 256]
    pages = [p for p in PAGES if not quick or p[1] in QUICK_PAGES]
    headers = [f"Accept-Encoding: {BROWSER_CODINGS}"] if cache else []
    server, base = start(binary, database, cache)
    mode = "with the page cache (requests accept br and gzip, as browsers' do)" if cache \
        else "without the page cache (--no-page-cache; requests accept no compression)"
    print(f"\n### {mode}\n", flush=True)
    print("| page | conns | req/s | ratio | p50 ms | p99 ms | CPU µs/req | CPU ratio | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    figures = {"bad": 0}

    def run(path, conns, secs):
        before = proc_cpu_seconds(server.pid)
        drain(base)
        result = wrk(base + path, conns, secs, headers)
        result["cpu"] = (proc_cpu_seconds(server.pid) - before) / max(result["requests"], 1) * 1e6
        figures["bad"] += result["non2xx"]
        return result

    try:
        # Each worker fills what it keeps on its first request after a write (see README), so
        # every page is asked for on a few fresh connections, which the server hands to its
        # workers in turn, before anything is measured.
        for _, path, _ in pages:
            for _ in range(4 * (os.cpu_count() or 1)):
                request = urllib.request.Request(base + path, headers=dict(h.split(": ", 1) for h in headers))
                urllib.request.urlopen(request).read()
        for conns in connections:
            last = conns == connections[-1]
            baseline = run("/healthz", conns, seconds)
            for name, path, kind in pages:
                if kind == "baseline":
                    row(name, conns, baseline, baseline, baseline["cpu"])
                    continue
                if last and not quick:
                    # The ratios the targets are about: each page against a baseline measured
                    # just before it, so that a change in the machine's load between the two
                    # is as small as it can be.
                    baseline = run("/healthz", conns, seconds)
                result = run(path, conns, seconds)
                result["ratio"] = result["rate"] / baseline["rate"]
                row(name, conns, result, baseline, result["cpu"])
                if last:
                    figures[path] = result
        if not quick and not cache:
            figures["deep"] = {}
            print(f"\nDeep pages and their first pages, {connections[-1]} connections, measured in turn "
                  f"{DEEP_ROUNDS} times (median p50):\n", flush=True)
            for name, path, kind in pages:
                if not kind.startswith("deep:"):
                    continue
                first_path = kind[5:]
                rounds = [(run(first_path, connections[-1], seconds)["p50"], run(path, connections[-1], seconds)["p50"])
                          for _ in range(DEEP_ROUNDS)]
                first = statistics.median(p50 for p50, _ in rounds)
                deep = statistics.median(p50 for _, p50 in rounds)
                figures["deep"][path] = (first, deep)
                print(f"- {name}: {deep:.2f} ms against {first:.2f} ms ({deep / first:.2f}×)", flush=True)
        if not quick:
            search = run("/search?q=semiconductor", SEARCH_LATENCY_CONNECTIONS, seconds)
            figures["search latency"] = search
            print(f"\nSearch with {SEARCH_LATENCY_CONNECTIONS} connections (one search at a time per "
                  f"core): p50 {search['p50']:.2f} ms, p99 {search['p99']:.2f} ms.", flush=True)
            listing = "/mous"
            calm = run(listing, 256, seconds)["rate"]
            script = login_storm_script(base)
            storm = subprocess.Popen(["wrk", "-t1", "-c16", f"-d{seconds + 2}s", "-s", script, base + "/staff/login"],
                                     stdout=subprocess.DEVNULL)
            time.sleep(1)
            stormy = wrk(base + listing, 256, seconds, headers)
            figures["bad"] += stormy["non2xx"]
            storm.wait()
            drop = 1 - stormy["rate"] / calm
            figures["storm drop"] = drop
            print(f"\nMoU list during a storm of wrong-password logins: {stormy['rate']:.0f} req/s against "
                  f"{calm:.0f} req/s without it ({abs(drop) * 100:.0f}% {'lower' if drop >= 0 else 'higher'}).",
                  flush=True)
        figures["rss"] = peak_rss_mib(server.pid)
        print(f"\nPeak RSS of the server during the whole run: {figures['rss']:.1f} MiB.", flush=True)
    finally:
        server.terminate()
        server.wait()
    return figures


def check(plain, cached):
    """The targets each figure is held to, and whether it meets them."""
    misses = []

    def hold(ok, text):
        print(f"- {'met' if ok else 'MISSED'}: {text}")
        if not ok:
            misses.append(text)

    print("\n### Targets (256 connections; ratios to the baseline measured just before)\n")
    for name, path, kind in PAGES:
        if path not in plain:
            continue
        ratio = plain[path]["ratio"]
        if kind == "detail":
            hold(ratio >= DETAIL_RATIO, f"{name} without the page cache: {ratio:.2f} ≥ {DETAIL_RATIO}")
        elif kind in ("list", "home") or kind.startswith("deep:"):
            hold(ratio >= LIST_RATIO, f"{name} without the page cache: {ratio:.2f} ≥ {LIST_RATIO}")
        elif kind == "search":
            hold(ratio >= SEARCH_RATIO, f"{name} without the page cache: {ratio:.2f} ≥ {SEARCH_RATIO}")
        if path in plain.get("deep", {}):
            first, deep = plain["deep"][path]
            hold(deep <= first * DEEP_LATENCY,
                 f"{name}: median p50 {deep:.2f} ms within {DEEP_LATENCY}× of the first page's {first:.2f} ms")
        if path in cached and kind != "static":
            ratio = cached[path]["ratio"]
            hold(ratio >= CACHED_RATIO, f"{name} with the page cache: {ratio:.2f} ≥ {CACHED_RATIO}")
    if "search latency" in plain:
        p99 = plain["search latency"]["p99"]
        hold(p99 < SEARCH_P99_MS, f"search p99 without the page cache, {SEARCH_LATENCY_CONNECTIONS} "
                                  f"connections: {p99:.2f} ms < {SEARCH_P99_MS} ms")
    for label, figures in (("without", plain), ("with", cached)):
        hold(figures["bad"] == 0, f"responses other than 2xx {label} the page cache: {figures['bad']}")
        hold(figures["rss"] < PEAK_RSS_MIB, f"peak RSS {label} the page cache: {figures['rss']:.1f} MiB < {PEAK_RSS_MIB}")
        if "storm drop" in figures:
            drop = figures["storm drop"]
            hold(drop <= STORM_DROP, f"MoU list during a login storm {label} the page cache: "
                                     f"{max(drop, 0) * 100:.0f}% lower ≤ {STORM_DROP * 100:.0f}%")
    return misses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(f"# sti-portal load benchmark ({'smoke run' if args.quick else 'full run'}), {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores", flush=True)
    plain = measure(args.binary, args.database, False, args.quick)
    cached = measure(args.binary, args.database, True, args.quick)
    if args.quick:
        bad = plain["bad"] + cached["bad"]
        if bad:
            sys.exit(f"{bad} responses were not 2xx")
        return
    misses = check(plain, cached)
    print(f"\n{len(misses)} target(s) missed." if misses else "\nEvery target met.")


if __name__ == "__main__":
    main()
