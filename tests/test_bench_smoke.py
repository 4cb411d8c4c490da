"""The benchmarks (bench/, run by hand: python -m bench.run) are not tests; this only checks that they still
import, that the floor page compiles, and that the checked-in load-balancer config keeps its essentials."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "name",
    [
        "bench.common",
        "bench.wsclient",
        "bench.pages",
        "bench.scale",
        "bench.viewers",
        "bench.lb",
        "bench.run",
        "bench.packet",
    ],
)
def test_bench_module_imports(name):
    assert importlib.import_module(name).__doc__


def test_floor_app_compiles():
    compile((ROOT / "bench" / "floor_app.py").read_text(), "floor_app.py", "exec")


def test_nginx_config_is_sticky_and_upgrades_websockets():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    for needed in (
        "hash $route_key consistent",
        "proxy_set_header Upgrade $http_upgrade",
        "proxy_set_header Connection $connection_upgrade",
        "@APP_PORT_1@",
        "@APP_PORT_2@",
    ):
        assert needed in conf, needed
