"""No network in ``build``, ``query`` and ``viz``: an audit hook kills any attempt.

The commands run in a subprocess whose ``sitecustomize`` installs ``sys.addaudithook``
(worker processes inherit it through ``PYTHONPATH``); an internet socket connect, a name
lookup or a ``urllib`` request makes the process exit with code 97 at once.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .corpus_factory import html_page, statement

NETWORK_EXIT = 97
HOOK = f'''
import os, socket, sys

def _no_network(event, args):
    if event in ("socket.connect", "socket.connect_ex"):
        if args[0].family not in (socket.AF_INET, socket.AF_INET6):
            return  # local pipes and unix sockets are not the network
    elif event not in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                       "socket.gethostbyaddr", "urllib.Request", "http.client.connect", "ftplib.connect",
                       "smtplib.connect"):
        return
    os.write(2, ("NETWORK ACCESS: %s %r\\n" % (event, args[1:])).encode())
    os._exit({NETWORK_EXIT})

sys.addaudithook(_no_network)
'''


@pytest.fixture(scope="module")
def guarded_env(tmp_path_factory):
    site = tmp_path_factory.mktemp("audit-site")
    (site / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _run(env, *args, timeout=180):
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_the_hook_catches_network_access(guarded_env):
    proc = _run(guarded_env, "-c", "import urllib.request; urllib.request.urlopen('http://192.0.2.1/', timeout=1)")
    assert proc.returncode == NETWORK_EXIT and "NETWORK ACCESS" in proc.stderr
    proc = _run(guarded_env, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)")
    assert proc.returncode == NETWORK_EXIT


def test_build_query_viz_stay_offline(guarded_env, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = statement(0)[0]
    (inputs / "a.txt").write_text(text, encoding="utf-8")
    # A web page full of remote references: none may be fetched.
    page = html_page(statement(1)[0]).replace(
        "<body>", "<body><img src='http://192.0.2.1/x.png'><link rel=stylesheet href='https://192.0.2.1/s.css'>"
        "<iframe src='http://192.0.2.1/'></iframe>")
    (inputs / "b.html").write_text(page, encoding="utf-8")
    (inputs / "c.md").write_text(text + "\n[home](http://192.0.2.1/) ![x](http://192.0.2.1/p.png)\n", encoding="utf-8")
    out = tmp_path / "out"
    build = _run(guarded_env, "-m", "sopgraph", "build", str(inputs), "--output", str(out), "--workers", "2")
    assert build.returncode == 0, build.stderr
    ttl = out / "graph.ttl"
    query = _run(guarded_env, "-m", "sopgraph", "query", str(ttl), "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    assert query.returncode == 0, query.stderr
    remote = _run(guarded_env, "-m", "sopgraph", "query", str(ttl),
                  "SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }")
    assert remote.returncode not in (0, NETWORK_EXIT), remote.stderr
    viz = _run(guarded_env, "-m", "sopgraph", "viz", str(ttl), "--output", str(tmp_path / "v.html"))
    assert viz.returncode == 0, viz.stderr
    assert "NETWORK ACCESS" not in build.stderr + query.stderr + remote.stderr + viz.stderr
