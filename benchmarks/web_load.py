"""Load test of the JSON API (not part of the test suite): `leavecalc serve` on a free loopback
port, then a bounded stream of maternity requests over keep-alive connections from this process.

    python benchmarks/web_load.py                 # 20,000 requests, 8 connections, at most 60 s
    python benchmarks/web_load.py --requests 5000 --connections 4

Loopback only (127.0.0.1), bounded by a request count and a time limit. Prints requests per
second, the latency percentiles (from writing a request to reading its whole response) and the
server's CPU time per request (what a core given wholly to it would sustain);
figures are recorded in docs/performance.md (target of issue 13: >= 1,000/s, p99 < 50 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

DELIVERIES = ["normal", "cesarean", "assisted", "other_difficult"]


def bodies(n: int = 500) -> list[bytes]:
    """A fixed mix of maternity cases: births over 2023-2026, every delivery, 1-3 babies."""
    out = []
    for i in range(n):
        birth = date(2023, 1, 1) + timedelta(days=(i * 37) % 1450)
        case = {"birth": birth.isoformat(), "delivery": DELIVERIES[i % 4], "babies": 1 + i % 3}
        body = json.dumps(case).encode()
        out.append(
            b"POST /api/v1/maternity HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body
        )
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status


async def connection(port: int, requests: list[bytes], deadline: float, latencies: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for req in requests:
            if time.perf_counter() > deadline:
                break
            t0 = time.perf_counter()
            writer.write(req)
            status = await read_response(reader)
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(status)
    finally:
        writer.close()


async def load(port: int, total: int, conns: int, seconds: float) -> tuple[float, list[float], list[int]]:
    mix = bodies()
    per = total // conns
    latencies: list[float] = []
    errors: list[int] = []
    t0 = time.perf_counter()
    await asyncio.gather(*(
        connection(port, [mix[(c * per + i) % len(mix)] for i in range(per)], t0 + seconds, latencies, errors)
        for c in range(conns)
    ))
    return time.perf_counter() - t0, latencies, errors


def wait_up(port: int, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit("the server stopped")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=20_000)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60.0, help="time limit of the measured run")
    args = ap.parse_args()
    port = free_port()
    cmd = [sys.executable, "-m", "leavecalc", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(port, proc)
        asyncio.run(load(port, 1000, args.connections, 10))  # warm-up: caches, first imports
        cpu0 = cpu_seconds(proc.pid)
        elapsed, lat, errors = asyncio.run(load(port, args.requests, args.connections, args.seconds))
        cpu = cpu_seconds(proc.pid) - cpu0
    finally:
        proc.terminate()
        proc.wait(10)
    lat.sort()
    q = statistics.quantiles(lat, n=100)
    print(f"load average before: {os.getloadavg()[0]:.2f}; cores: {os.cpu_count()}")
    print(f"{len(lat)} requests, {args.connections} connections, {elapsed:.2f} s: {len(lat) / elapsed:,.0f} requests/s")
    print(f"latency ms: p50 {q[49] * 1000:.1f}, p90 {q[89] * 1000:.1f}, p99 {q[98] * 1000:.1f}, max {lat[-1] * 1000:.1f}")
    print(f"non-200 responses: {len(errors)}")
    # What one core given wholly to the server would sustain: independent of the other load.
    print(f"server CPU: {cpu:.2f} s for {len(lat)} requests = {cpu / len(lat) * 1e6:.0f} µs each, "
          f"{len(lat) / cpu:,.0f} requests/s per core")


if __name__ == "__main__":
    main()
