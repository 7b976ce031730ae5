"""The production server: requests per second on /formations, a course-run
page and a backend list (JSON-RPC search_read of 80 devices) with 1, 4 and
16 concurrent clients, through nginx to Odoo with 2 workers (candidate)
against the same requests straight to an Odoo with workers = 0 (baseline),
both started by scripts/prod.sh serve on the bench database, measured in
turn; then the memory of each set of processes. It prints; it asserts
nothing about time (only that every request was answered 200)."""
import threading
import time

import psutil

import odoo
from odoo.tools import config

from odoo.addons.http_routing.models.ir_http import slug

from prod.stack import Client, ProdStack

from .harness import RESULTS

CLIENT_COUNTS = (1, 4, 16)
REQUESTS = {1: 12, 4: 6, 16: 2}     # per client
ROUNDS = 2
LOT_FIELDS = ["name", "product_id", "ref", "create_date", "write_date"]


def client_source(number):
    """Each client its own loopback address: the proxy limits per address."""
    return "127.0.1.%d" % (number + 10)


class Visitor:
    """One benchmark client of a server: a session (logged in as admin for
    the backend list) and the base URL its requests go to."""

    def __init__(self, stack, number, direct):
        self.client = Client(stack, client_source(number), quiet=True)
        if direct:
            self.client.base = stack.odoo_url
        self.statuses = []

    def login(self):
        self.client.login("admin", "admin")

    def fetch(self, request):
        method, path, payload = request
        answer = self.client.request(method, path, json=payload)
        self.statuses.append(answer.status_code)


def run_clients(visitors, request, per_client):
    """Wall time of ``per_client`` requests by every visitor at once."""
    start = threading.Barrier(len(visitors) + 1, timeout=120)

    def work(visitor):
        start.wait()
        for _number in range(per_client):
            visitor.fetch(request)
    threads = [threading.Thread(target=work, args=(visitor,)) for visitor in visitors]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join(600)
    return time.perf_counter() - began


def tree_memory(pid):
    """RSS and PSS (shared pages counted once) of a process and its children."""
    root = psutil.Process(pid)
    rss = pss = 0
    for process in [root] + root.children(recursive=True):
        info = process.memory_full_info()
        rss += info.rss
        pss += info.pss
    return rss, pss


def stack_memory(stack, names):
    pids = stack.pids()
    parts = [tree_memory(pids[name]) for name in names]
    return sum(part[0] for part in parts), sum(part[1] for part in parts)


def published_run_path():
    with odoo.registry(config["db_name"]).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        run = env["event.event"].search(env["event.event"]._defis_portal_domain(),
                                        order="date_begin", limit=1)
        return "/formations/%s" % slug(run)


def requests_to_measure():
    lots = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
        "model": "stock.production.lot", "fields": LOT_FIELDS, "domain": [],
        "limit": 80, "sort": "", "context": {"lang": "fr_FR"}}}
    return [
        ("/formations", ("GET", "/formations", None)),
        ("course-run page", ("GET", published_run_path(), None)),
        ("search_read 80 devices", ("POST", "/web/dataset/search_read", lots)),
    ]


def measure(visitors, request, per_client):
    for visitor in visitors:          # warm-up: assets, caches, sessions
        visitor.fetch(request)
    return min(run_clients(visitors, request, per_client) for _round in range(ROUNDS))


def test_bench_production_server():
    database = config["db_name"]
    proxied = ProdStack(database, workers=2).start()
    threaded = ProdStack(database, workers=0).start()
    try:
        for label, request in requests_to_measure():
            for count in CLIENT_COUNTS:
                sides = {}
                for name, stack, direct in (("proxy", proxied, False),
                                            ("workers0", threaded, True)):
                    visitors = [Visitor(stack, number, direct) for number in range(count)]
                    if request[0] == "POST":
                        for visitor in visitors:
                            visitor.login()
                    elapsed = measure(visitors, request, REQUESTS[count])
                    statuses = {status for visitor in visitors for status in visitor.statuses}
                    assert statuses == {200}, (name, label, statuses)
                    sides[name] = elapsed
                total = count * REQUESTS[count]
                RESULTS.append({
                    "case": "prod %s, %d client(s): nginx+2 workers vs workers=0" % (
                        label, count),
                    "candidate_s": sides["proxy"], "baseline_s": sides["workers0"],
                    "ratio": sides["proxy"] / sides["workers0"], "units": total})
                print("\nbench prod %-24s %2d clients: proxy+workers=2 %6.1f req/s, "
                      "workers=0 %6.1f req/s, time ratio %5.2f" % (
                          label, count, total / sides["proxy"], total / sides["workers0"],
                          sides["proxy"] / sides["workers0"]))
        for name, stack, parts in (("nginx + Odoo workers=2", proxied, ("odoo", "nginx")),
                                   ("Odoo workers=0", threaded, ("odoo",))):
            rss, pss = stack_memory(stack, parts)
            print("\nbench prod memory %-24s RSS %6.0f MiB, PSS %6.0f MiB" % (
                name, rss / 2 ** 20, pss / 2 ** 20))
    finally:
        proxied.stop()
        threaded.stop()
