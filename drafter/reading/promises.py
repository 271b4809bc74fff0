"""Last year's promises: the items of a report's 下一步 part, read from the Report tree.

``drafter check --last`` looks for each in this year's report; ``drafter new`` lists them
in next year's form as 去年安排. An item is a sub-section of the 下一步 part (its heading
and body), or a 一是/二是 item of a paragraph standing directly in the part, or of a merged
closing paragraph from its 下一步 on; a paragraph standing alone in a part that has
sub-sections is a lead-in, not a promise.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from drafter.files.patterns import lazy_re
from drafter.model.report import Paragraph, Report, Section
from drafter.reading.parser import closing, enumerations


class Promise(NamedTuple):
    node: Section | Paragraph  # where it was read
    heading: str  # a sub-section's heading, or an item's first 30 characters
    text: str  # heading and body


def next_steps(report: Report) -> list[Promise]:
    """Every promise of the report's 下一步 part, in order (roles must be classified)."""
    out: list[Promise] = []

    def walk(sec: Section, part: str) -> None:
        for item in sec.body:
            if isinstance(item, Section):
                # an item of the 下一步 part, or a plan standing as a sub-section of a part written
                # for 问题 and 下一步 together (三、存在的问题和下一步打算 / （一）深化…), not the
                # sub-section that holds the plans (（二）下一步工作打算)
                item_of = part == "下一步" and item.role in (None, "下一步")
                plan = item.role == "下一步" and part != "下一步" and item.role_confidence < 0.9
                if item_of or plan:
                    # 特此报告。closes the report, not the last item (it stands in the item's
                    # section when the document was not re-saved)
                    body = "".join(p.text for p in item.paragraphs if not closing(p.text))
                    out.append(Promise(item, item.heading, item.heading + body))
                walk(item, item.role or part)  # a sub-section of a part written for two has its own
            elif "下一步" in item.roles or (not item.roles and part == "下一步" and (sec.level == 1 or sec.role == part)):
                text = item.text
                if item.roles and "下一步" in text:  # a merged closing paragraph: from 下一步 on
                    text = text[text.index("下一步") :]
                whole = _measures(text) if len(text) > 20 and not (sec.sections and not item.roles) else []
                for entry in enumerations(text) or whole:  # a lead-in before sub-sections is none
                    out.append(Promise(item, entry[:30], entry))

    for sec in report.sections:
        walk(sec, sec.role or "成效")
    return out


# What opens a plan without being one: 下一步，/ 2026年，我们将 / 今后，我县将
LEAD_IN = lazy_re(
    r"^(?:(?:下一步|下步|今后一个时期|今后|明年|来年|新的一年|\d{4}年)(?:工作中|中)?[，,：:]?\s*)?"
    r"(?:我们|我[县区市镇乡局委办])?(?:将|要)?(?:重点)?(?:做好以下工作[：:])?"
)
_MEASURE_MIN = 6  # characters a measure between two ；has at least (着力提升执法质量)


def _measures(text: str) -> list[str]:
    """A plan paragraph without 一是/二是: its measures one by one when it lists them between ；
    (下一步，持续压实责任；着力提升执法质量；深化源头化解。), else the paragraph as one."""
    lead = LEAD_IN.match(text)
    body = text[len(lead.group(0)) :] if lead else text
    parts = [p.strip() for p in re.split(r"[；;]", body)]
    if len(parts) > 1 and all(len(p.rstrip("。")) >= _MEASURE_MIN for p in parts):
        return parts
    return [text]
