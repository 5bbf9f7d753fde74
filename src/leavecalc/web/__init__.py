"""The 咨询台 web desk and the HTTP JSON API (optional extra: ``pip install 'leavecalc[web]'``).

Front end only: fields are parsed here, computed by the engines through ``compute``, turned into
answer pages by ``view`` (the one adapter between results and templates) and into JSON by
``render.to_json``, the same function the CLI's ``--json`` uses.
"""
