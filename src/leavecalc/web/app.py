"""The Starlette application: question pages (POST forms), the JSON API, health and schema.

Privacy: answers come from POST bodies only; nothing is stored, no cookie is set, the access log
has method, path (no query string), status and time; every page carries a strict Content
Security Policy and all CSS/JS is served from the package (works offline)."""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timezone
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import render
from ..errors import InputError, LeavecalcError
from ..messages import LANGS, Pair, pair, text
from ..render import Lang
from .compute import Context, compute
from .fields import API_KINDS, CONDITIONS, DELIVERIES, FIELDS, REASONS, FieldError, Parsed, api_fields, parse_fields
from .openapi import openapi_schema
from .questions import BY_SLUG, QUESTIONS, Question
from .view import answer

MAX_BODY = 64 * 1024
log = logging.getLogger("leavecalc.web")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]

# The desk's own words: each key's catalogue code (data/messages.toml, desk.page.*); the answers'
# words come from the engine.
UI_WORDS: dict[str, str] = {
    "title": "desk.page.title",
    "ask": "desk.page.ask",
    "copy_answer": "desk.page.copy_answer",
    "copied": "desk.page.copied",
    "print": "desk.page.print",
    "switch": "desk.page.switch",
    "back": "desk.page.back",
    "verdict": "desk.page.verdict",
    "dates": "desk.page.dates",
    "figures": "desk.page.figures",
    "articles": "desk.page.articles",
    "warnings": "desk.page.warnings",
    "readings": "desk.page.readings",
    "remedies": "desk.page.remedies",
    "where": "desk.page.where",
    "summary": "desk.page.summary",
    "fix": "desk.page.fix",
    "ics": "desk.page.ics",
    "questions": "desk.page.questions",
    "policy": "desk.page.policy",
    "provisional": "desk.page.provisional",
    "privacy": "desk.page.privacy",
    "detail": "desk.page.detail",
}
UI = {lang: {k: text(code, lang) for k, code in UI_WORDS.items()} for lang in LANGS}
# The error page's heading for a status (any other: something went wrong).
ERROR_HEADINGS = {404: "desk.page.error_not_found", 413: "desk.page.error_too_large", 405: "desk.page.error_method"}


def templates() -> Environment:
    env = Environment(loader=PackageLoader("leavecalc.web", "templates"), autoescape=select_autoescape(["html"]))
    env.globals["QUESTIONS"] = QUESTIONS
    # render.LABELS holds catalogue codes: each worded in both languages (a template indexes the pair).
    env.globals["CHOICES"] = {**{c: pair(render.LABELS["delivery:" + c]) for c in DELIVERIES}, **REASONS, **CONDITIONS}
    env.globals["CONFIDENCE"] = {c: pair(render.LABELS[c]) for c in ("text", "secondary", "interpretation")}
    return env


class Privacy:
    """ASGI middleware: security headers on every response and an access log line without query
    strings or bodies (the personal data of a call never reaches a log)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()
        status = 0

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"set-cookie"]
                message["headers"] = headers + HEADERS
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            log.info("%s %s %s %.1fms", scope["method"], scope["path"], status, (time.perf_counter() - t0) * 1000)


async def read_body(request: Request) -> bytes:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413)
    return body


def lang_of(request: Request) -> Lang:
    return "en" if request.url.path.startswith("/en/") or request.url.path == "/en" else "zh"


def prefix(lang: Lang) -> str:
    return "/en" if lang == "en" else ""


def cities(ctx: Context, lang: Lang) -> list[tuple[str, str]]:
    """The places a counsellor picks from, each province followed by its cities (those with a
    layer of their own, then the others of its list, which take the province's law): (the name
    --jurisdiction takes, the place's name)."""
    layers = [x.layer for x in ctx.registry.layers if x.layer.level != "country"]
    out: list[tuple[str, str]] = []
    for prov in sorted((x for x in layers if x.level == "province"), key=lambda x: x.code):
        out.append((prov.id, prov.name if lang == "zh" else prov.name_en))
        own = sorted((x for x in layers if x.parent == prov.id), key=lambda x: x.code)
        out += [(c.id, c.name if lang == "zh" else c.name_en) for c in own]
        taken = {c.code for c in own}
        out += [(c.id, c.name if lang == "zh" else c.id.title()) for c in prov.cities if c.code not in taken]
    known = {i for i, _ in out}
    out += [(x.id, x.name if lang == "zh" else x.name_en) for x in layers if x.id not in known]
    return out


def place_names(ctx: Context) -> dict[str, tuple[str, str]]:
    """Each jurisdiction id's name in Chinese and English."""
    return {x.layer.id: (x.layer.name, x.layer.name_en) for x in ctx.registry.layers}


def create_app(ctx: Context | None = None) -> Starlette:
    """The desk and the API; ``ctx`` (policies, calendar) is loaded once here unless given."""
    if ctx is None:
        from ..cli import calendar, registry

        ctx = Context(registry(), calendar())
    env = templates()

    def page(request: Request, name: str, status: int = 200, **kw: Any) -> HTMLResponse:
        lang = lang_of(request)
        other = request.url.path.removeprefix("/en") or "/" if lang == "en" else "/en" + request.url.path
        html = env.get_template(name).render(lang=lang, ui=UI[lang], p=prefix(lang), other=other, **kw)
        return HTMLResponse(html, status)

    async def index(request: Request) -> Response:
        return page(request, "index.html")

    def form_page(request: Request, q: Question, values: dict[str, str], errors: list[FieldError], status: int = 200) -> Response:
        lang = lang_of(request)
        by_field = {e.field: (e.zh if lang == "zh" else e.en) for e in errors if e.field}
        general = [e.zh if lang == "zh" else e.en for e in errors if not e.field or e.field not in {f.name for f in q.fields()}]
        return page(request, "form.html", status, q=q, values=values, errors=by_field, general=general,
                    cities=cities(ctx, lang), default_place=ctx.registry.place(None))

    def question(request: Request) -> Question:
        q = BY_SLUG.get(request.path_params["slug"])
        if q is None:
            raise HTTPException(404)
        return q

    async def ask(request: Request) -> Response:
        return form_page(request, question(request), {}, [])

    async def solve(request: Request) -> tuple[Question, dict[str, str], Parsed, Any]:
        q = question(request)
        raw = {k: v[-1] for k, v in parse_qs((await read_body(request)).decode("utf-8", "replace")).items()}
        parsed = parse_form(q, raw)
        result = None
        if not parsed.errors:
            try:
                result = compute(ctx, q.kind, parsed.values)
                result.answer  # worked out here, so its errors are shown on the form  # noqa: B018
            except FieldError as e:
                parsed.errors.append(e)
            except LeavecalcError as e:
                parsed.errors.append(FieldError.of("desk.error.cannot_answer", None, reason=Pair(e.worded("zh"), e.worded("en"))))
        # No outcome when its answer failed: the page would work the answer out again, and fail.
        return q, raw, parsed, None if parsed.errors else result

    async def answer_post(request: Request) -> Response:
        q, raw, parsed, result = await solve(request)
        if result is None:
            return form_page(request, q, raw, parsed.errors, 400)
        lang = lang_of(request)
        a = answer(result, lang)
        title = q.zh if lang == "zh" else q.en
        return page(request, "answer.html", q=q, a=a, raw=raw, summary=a.summary(lang, title))

    async def ics(request: Request) -> Response:
        from ..ics import plan_ics

        q, raw, parsed, result = await solve(request)
        if result is None or q.kind != "plan":
            return form_page(request, q, raw, parsed.errors, 400)
        body = plan_ics(result.result, datetime.now(timezone.utc), lang_of(request))
        return Response(body, media_type="text/calendar", headers={"content-disposition": 'attachment; filename="leavecalc.ics"'})

    async def api(request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in API_KINDS:
            return api_error(404, None, f"no such question {kind!r} (known: {', '.join(API_KINDS)})", "没有这个问题")
        try:
            data = json.loads(await read_body(request) or b"{}")
        except (ValueError, UnicodeDecodeError):
            return errors_json(400, [FieldError.of("desk.error.not_json", None)])
        if not isinstance(data, dict):
            return errors_json(400, [FieldError.of("desk.error.not_object", None)])
        parsed = parse_fields(api_fields(kind), data, strict=True)
        if parsed.errors:
            return errors_json(400, parsed.errors)
        try:
            body = render.to_json(compute(ctx, kind, parsed.values).json_model())
        except FieldError as e:
            return errors_json(400, [e])
        except InputError as e:  # the case as given cannot be computed: bad input
            return api_error(400, None, e.worded("en"), e.worded("zh"))
        except LeavecalcError as e:  # no policy in force on the date, a date past the calendar...
            return api_error(422, None, e.worded("en"), e.worded("zh"))
        return Response(body + "\n", media_type="application/json")

    async def jurisdictions(request: Request) -> Response:
        names = place_names(ctx)
        return JSONResponse([
            {"id": j, "name": names[j][0], "name_en": names[j][1],
             "cities": [c.name for x in ctx.registry.layers if x.layer.id == j for c in x.layer.cities], "policies": [
                {"id": p.id, "title": p.title, "title_en": p.title_en, "effective_from": str(p.effective_from),
                 "effective_until": str(p.effective_until) if p.effective_until else None}
                for p in ctx.registry.policies if p.jurisdiction == j]}
            for j in ctx.registry.jurisdictions
        ])

    async def schema(request: Request) -> Response:
        return JSONResponse(openapi_schema())

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def on_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if status == 500:
            log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        if request.url.path.startswith("/api/"):
            internal = FieldError.of("desk.error.internal", None)
            return api_error(status, None, internal.en if status == 500 else str(getattr(exc, "detail", "")), internal.zh)
        try:
            heading = ERROR_HEADINGS.get(status, "desk.page.error_other")
            return page(request, "error.html", status, heading=text(heading, lang_of(request)))
        except Exception:  # the last resort: never a stack trace
            return Response("error", status, media_type="text/plain")

    static = StaticFiles(directory=str(files("leavecalc.web").joinpath("static")))
    # The API first: payroll systems call it in bulk, and routes are matched in order.
    routes: list[BaseRoute] = [
        Route("/api/v1/jurisdictions", jurisdictions, methods=["GET"]),
        Route("/api/v1/openapi.json", schema, methods=["GET"]),
        Route("/openapi.json", schema, methods=["GET"]),
        Route("/api/v1/{kind}", api, methods=["POST"]),
    ]
    for pre in ("", "/en"):
        routes += [
            Route(pre + "/", index, methods=["GET"]),
            Route(pre + "/q/{slug}", ask, methods=["GET"]),
            Route(pre + "/q/{slug}", answer_post, methods=["POST"]),
            Route(pre + "/q/{slug}/ics", ics, methods=["POST"]),
        ]
    routes += [
        Route("/en", index, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"]),
        Mount("/static", static),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: on_error, HTTPException: on_error})
    app.add_middleware(Privacy)
    return app


def parse_form(q: Question, raw: dict[str, str]) -> Parsed:
    """A question's form: the kind's fields and the desk's own (the employer's figure)."""
    out = parse_fields(q.fields(), raw)
    out.values = {f.name: None for f in FIELDS[q.kind]} | out.values  # the fields the page leaves out
    if q.need_one and all(out.values.get(name) is None for name in q.need_one) and not out.errors:
        first, last = (next(f for f in q.fields() if f.name == n) for n in (q.need_one[0], q.need_one[-1]))
        out.errors.append(FieldError.of("desk.error.either", first.name, first=first.words, last=last.words))
    return out


def api_error(status: int, field: str | None, en: str, zh: str) -> Response:
    return errors_json(status, [FieldError(field, zh, en)])


def errors_json(status: int, errors: list[FieldError]) -> Response:
    return JSONResponse({"errors": [{"field": e.field, "message": e.en, "message_zh": e.zh} for e in errors]}, status)
