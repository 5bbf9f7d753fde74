"""``leavecalc serve``: the desk under uvicorn. Registered by cli.py; imports nothing heavy until run."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option("--host", help="cli.opt.host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="cli.opt.port")] = 8000,
) -> None:
    """The 咨询台 web desk and the HTTP JSON API (needs: pip install 'leavecalc[web]')."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError as e:
        from ..errors import LeavecalcError

        raise LeavecalcError.of("cli.error.web_extra", missing=e.name) from None
    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    from ..cli import ui_lang
    from ..messages import text

    typer.echo(text("cli.serve.listening", ui_lang(), url=f"http://{host}:{port}/"), err=True)
    # access_log off: uvicorn's lines carry query strings; the app logs its own, without them.
    uvicorn.run(create_app(), host=host, port=port, access_log=False, server_header=False, log_level="warning")
