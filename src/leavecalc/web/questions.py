"""The hotline questions the desk answers, in the order a counsellor meets them: each names the
computation (``kind``, a CLI command), the fields it leaves out and those of which it needs one."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import FIELDS, Field, Worded

CLAIMS = ("claimed_days", "claimed_end")


@dataclass(frozen=True)
class Question(Worded):
    slug: str
    kind: str
    label: str  # its title's catalogue code (desk.question.*)
    omit: tuple[str, ...] = ()
    need_one: tuple[str, ...] = ()

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
