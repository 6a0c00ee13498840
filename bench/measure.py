"""Drives a running portal with wrk and prints the figures of bench/run.

Every figure is also given as a ratio to /healthz, the trivial handler of the same server,
measured in the same run: absolute numbers vary from machine to machine, ratios much less.
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

PAGES = [
    ("trivial handler (baseline)", "/healthz"),
    ("home", "/"),
    ("statements list", "/statements"),
    ("statements, deep page", "/statements?page=4000"),
    ("statements, filtered", "/statements?area=space-technology"),
    ("statement", "/statements/synthetic-statement-77"),
    ("MoUs list", "/mous"),
    ("MoUs, deep page", "/mous?page=4000"),
    ("MoUs, filtered", "/mous?status=in_force&year=2020"),
    ("MoU", "/mous/synthetic-mou-5"),
    ("organisations list", "/organisations"),
    ("organisations, deep page", "/organisations?page=400"),
    ("organisations, filtered", "/organisations?country=CN&kind=company"),
    ("organisation", "/organisations/synthetic-organisation-5"),
    ("people list", "/people"),
    ("person", "/people/synthetic-person-9"),
    ("meetings list", "/meetings"),
    ("meeting", "/meetings/synthetic-meeting-9"),
    ("delegations list", "/delegations"),
    ("delegation", "/delegations/synthetic-delegation-9"),
    ("agreement", "/agreements/sti-cooperation-agreement-2013"),
    ("focus area", "/areas/space-technology"),
    ("search", "/search?q=semiconductor"),
    ("Atom feed", "/feed.atom"),
    ("JSON API list", "/api/v1/mous"),
    ("static asset", "/static/css/site.css"),
]
QUICK_PAGES = {"/healthz", "/", "/statements", "/statements?page=4000", "/mous/synthetic-mou-5", "/search?q=semiconductor"}


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


def wrk(url, connections, seconds, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = lambda pct: re.search(rf"^\s+{pct}%\s+(\S+)", out, re.M)
    if requests == 0 or not latency(50):
        return {"requests": 0, "rate": 0.0, "p50": float("nan"), "p99": float("nan"), "non2xx": 0, "socket_errors": ""}
    p50 = to_ms(latency(50).group(1))
    p99 = to_ms(latency(99).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"requests": requests, "rate": rate, "p50": p50, "p99": p99,
            "non2xx": int(bad.group(1)) if bad else 0, "socket_errors": errors.group(1) if errors else ""}


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
    for _ in range(600):
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


def measure(binary, database, cache, quick):
    seconds = 1 if quick else 5
    connections = [64] if quick else [64, 256]
    pages = [p for p in PAGES if not quick or p[1] in QUICK_PAGES]
    server, base = start(binary, database, cache)
    mode = "with the page cache" if cache else "without the page cache (--no-page-cache)"
    print(f"\n### {mode}\n")
    print("| page | conns | req/s | ratio | p50 ms | p99 ms | CPU µs/req | CPU ratio | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    total_bad = 0
    try:
        # Each worker fills what it keeps on its first request after a write (see README), so
        # every page is asked for on a few fresh connections, which the server hands to its
        # workers in turn, before anything is measured.
        for _, path in pages:
            for _ in range(4 * (os.cpu_count() or 1)):
                urllib.request.urlopen(base + path).read()
        for conns in connections:
            baseline = None
            for name, path in pages:
                before = proc_cpu_seconds(server.pid)
                drain(base)
                result = wrk(base + path, conns, seconds)
                cpu_us = (proc_cpu_seconds(server.pid) - before) / max(result["requests"], 1) * 1e6
                if baseline is None:
                    baseline = (result["rate"], cpu_us)
                total_bad += result["non2xx"]
                print(f"| {name} | {conns} | {result['rate']:.0f} | {result['rate'] / baseline[0]:.2f} | "
                      f"{result['p50']:.2f} | {result['p99']:.2f} | {cpu_us:.0f} | {cpu_us / baseline[1]:.1f} | "
                      f"{result['non2xx']} |")
        if not quick:
            listing = base + "/mous"
            calm = wrk(listing, 64, seconds)["rate"]
            script = login_storm_script(base)
            storm = subprocess.Popen(["wrk", "-t1", "-c16", f"-d{seconds + 2}s", "-s", script, base + "/staff/login"],
                                     stdout=subprocess.DEVNULL)
            time.sleep(1)
            stormy = wrk(listing, 64, seconds)["rate"]
            storm.wait()
            drop = (1 - stormy / calm) * 100
            print(f"\nMoU list during a storm of wrong-password logins: {stormy:.0f} req/s against "
                  f"{calm:.0f} req/s without it ({abs(drop):.0f}% {'lower' if drop >= 0 else 'higher'}).")
        print(f"\nPeak RSS of the server during the whole run: {peak_rss_mib(server.pid):.1f} MiB.")
    finally:
        server.terminate()
        server.wait()
    return total_bad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(f"# sti-portal load benchmark ({'smoke run' if args.quick else 'full run'}), {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores")
    bad = measure(args.binary, args.database, False, args.quick)
    bad += measure(args.binary, args.database, True, args.quick)
    if bad:
        sys.exit(f"{bad} responses were not 2xx")


if __name__ == "__main__":
    main()
