"""The hotline questions the desk answers, in the order a counsellor meets them: each names the
computation (``kind``, a CLI command), the fields it leaves out and those of which it needs one."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import FIELDS, Field

CLAIMS = ("claimed_days", "claimed_end")


@dataclass(frozen=True)
class Question:
    slug: str
    kind: str
    zh: str
    en: str
    omit: tuple[str, ...] = ()
    need_one: tuple[str, ...] = ()

    def fields(self) -> tuple[Field, ...]:
        return tuple(f for f in FIELDS[self.kind] if f.name not in self.omit)


QUESTIONS = (
    Question("maternity", "maternity", "产假到哪天、哪天上班", "When does maternity leave end, and when is she back at work?", CLAIMS),
    Question("hr-check", "maternity", "单位说的天数对吗", "Is the employer's figure right?", ("due",), CLAIMS),
    Question("miscarriage", "miscarriage", "流产、引产假", "Leave after a miscarriage or termination"),
    Question("paternity", "paternity", "配偶护理假（陪产假）", "The husband's paternity leave", CLAIMS),
    Question("parenting", "parenting", "育儿假", "Parenting leave", ("on", *CLAIMS)),
    Question("allowance", "allowance", "生育津贴和单位补差", "Maternity allowance and the employer's top-up"),
    Question("pregnancy-rest", "pregnancy-rest", "孕期休息工资合法吗", "Is the pay during pregnancy rest lawful?"),
    Question("contract", "contract", "合同到期（三期内）", "A contract ending in the protected period"),
    Question("dismissal", "dismissal", "被辞退（三期保护）", "Dismissal in the protected period"),
    Question("overtime", "overtime", "孕期、哺乳期加班夜班", "Overtime and night shifts in pregnancy and nursing"),
    Question("lactation", "lactation", "哺乳时间", "Nursing time"),
    Question("arbitration", "arbitration", "劳动仲裁时效", "Time limit for labour arbitration"),
    Question("timeline", "plan", "全家时间线（可下载日历）", "The family timeline (calendar download)"),
)
BY_SLUG = {q.slug: q for q in QUESTIONS}
