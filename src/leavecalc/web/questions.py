"""The hotline questions the desk answers, in the order a counsellor meets them: each names the
computation (``kind``) and any fields asked by the desk only."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import CLAIMED_DAYS, CLAIMED_END, FIELDS, Field


@dataclass(frozen=True)
class Question:
    slug: str
    kind: str
    zh: str
    en: str
    extra: tuple[Field, ...] = ()

    def fields(self) -> tuple[Field, ...]:
        base = FIELDS[self.kind]
        return base[:-1] + self.extra + base[-1:]  # the city stays last


QUESTIONS = (
    Question("maternity", "maternity", "产假到哪天、哪天上班", "When does maternity leave end, and when is she back at work?"),
    Question("hr-check", "maternity", "单位说的天数对吗", "Is the employer's figure right?", (CLAIMED_DAYS, CLAIMED_END)),
    Question("miscarriage", "miscarriage", "流产、引产假", "Leave after a miscarriage or termination"),
    Question("paternity", "paternity", "配偶护理假（陪产假）", "The husband's paternity leave"),
    Question("parenting", "parenting", "育儿假", "Parenting leave"),
    Question("allowance", "allowance", "生育津贴和单位补差", "Maternity allowance and the employer's top-up"),
    Question("pregnancy-rest", "pregnancy-rest", "孕期休息工资合法吗", "Is the pay during pregnancy rest lawful?"),
    Question("dismissal", "dismissal", "合同到期、被辞退（三期保护）", "Contract ending or dismissal in the protected period"),
    Question("overtime", "overtime", "孕期加班、夜班", "Overtime and night shifts in pregnancy"),
    Question("lactation", "lactation", "哺乳时间", "Nursing time"),
    Question("arbitration", "arbitration", "劳动仲裁时效", "Time limit for labour arbitration"),
    Question("timeline", "plan", "全家时间线（可下载日历）", "The family timeline (calendar download)"),
)
BY_SLUG = {q.slug: q for q in QUESTIONS}
