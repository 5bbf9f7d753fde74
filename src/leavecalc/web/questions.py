"""The hotline questions the desk answers, in the order a counsellor meets them: each names the
computation (``kind``, a CLI command), the fields it leaves out and those of which it needs one."""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import text
from .fields import FIELDS, Field

CLAIMS = ("claimed_days", "claimed_end")


@dataclass(frozen=True)
class Question:
    slug: str
    kind: str
    title: str  # its catalogue code
    omit: tuple[str, ...] = ()
    need_one: tuple[str, ...] = ()

    @property
    def zh(self) -> str:
        return text(self.title, "zh")

    @property
    def en(self) -> str:
        return text(self.title, "en")

    def fields(self) -> tuple[Field, ...]:
        return tuple(f for f in FIELDS[self.kind] if f.name not in self.omit)


QUESTIONS = (
    Question("maternity", "maternity", "desk.question.maternity", CLAIMS),
    Question("hr-check", "maternity", "desk.question.hr_check", ("due",), CLAIMS),
    Question("miscarriage", "miscarriage", "desk.question.miscarriage"),
    Question("paternity", "paternity", "desk.question.paternity", CLAIMS),
    Question("parenting", "parenting", "desk.question.parenting", ("on", *CLAIMS)),
    Question("allowance", "allowance", "desk.question.allowance"),
    Question("pregnancy-rest", "pregnancy-rest", "desk.question.pregnancy_rest"),
    Question("contract", "contract", "desk.question.contract"),
    Question("dismissal", "dismissal", "desk.question.dismissal"),
    Question("overtime", "overtime", "desk.question.overtime"),
    Question("lactation", "lactation", "desk.question.lactation"),
    Question("arbitration", "arbitration", "desk.question.arbitration"),
    Question("timeline", "plan", "desk.question.timeline"),
)
BY_SLUG = {q.slug: q for q in QUESTIONS}
