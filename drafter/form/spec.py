"""The definition of the input form, as one tree of field nodes.

Validation (``validate.py``), the JSON Schema for editors (``schema.py``) and the
commented form that ``drafter init`` writes (``blank.py``) are all generated from this
tree, so the three can never disagree. Keys are Chinese because clerks read them.
"""

from __future__ import annotations

from typing import Any

from drafter.model.catalogue import Catalogue

# The words every example text of a blank form starts with: a value still holding them has
# not been filled in, and the validator refuses it where it stands.
PLACEHOLDER = "在这里写"


def date_note(year: int) -> str:
    """The note beside the 成文日期 a new form is given for report year ``year``; while the date
    is still the one it names, validate reminds the clerk (DATE_NOTE finds it)."""
    return f"暂填 {year + 1}-02-01，请改为实际的成文日期。报告一般应在 {year + 1} 年 3 月 1 日前报送，4 月 1 日前向社会公开。"


DATE_NOTE = r"^\s*#\s*暂填 (\d{4}-\d{2}-\d{2})，请改为实际的成文日期"


class Node:
    """A field: its help text (shown as a comment and in editors), whether it is required,
    and an example value for the blank form."""

    def __init__(self, help: str = "", required: bool = False, example: object = None):
        self.help = help
        self.required = required
        self.example = example


class Text(Node):
    def __init__(self, help: str = "", required: bool = False, example: Any = None, max_length: int | None = None):
        super().__init__(help, required, example)
        self.max_length = max_length  # a name or a title: longer is a slip (and wraps badly)


class Integer(Node):
    def __init__(self, help: str = "", required: bool = False, example: Any = None, minimum: int | None = None, maximum: int | None = None):
        super().__init__(help, required, example)
        self.minimum = minimum
        self.maximum = maximum


class Date(Node):
    pass


class Boolean(Node):
    def __init__(self, help: str = "", required: bool = False, example: Any = None, default: bool | None = False):
        super().__init__(help, required, example)
        self.default = default


class Choice(Node):
    def __init__(self, help: str = "", required: bool = False, example: Any = None, choices: tuple[str, ...] = ()):
        super().__init__(help, required, example)
        self.choices = choices


class Obj(Node):
    def __init__(self, help: str = "", required: bool = False, example: Any = None, fields: dict[str, Node] | None = None):
        super().__init__(help, required, example)
        self.fields = fields or {}


class Seq(Node):
    def __init__(
        self, help: str = "", required: bool = False, example: Any = None, item: Node | None = None, min_items: int = 0, sample: bool = True
    ):
        super().__init__(help, required, example)
        self.item = item or Text()
        self.min_items = min_items
        self.sample = sample  # the blank form shows an item to fill in; else its shape, commented


class Figures(Node):
    """Counts of one theme: {数据组: {指标: 数}}. The theme is fixed or read from 主题."""

    def __init__(self, help: str = "", required: bool = False, example: Any = None, theme: str | None = None):
        super().__init__(help, required, example)
        self.theme = theme  # None: take it from the sibling key "主题"


class Body(Node):
    """The report body written out in full, as ``drafter import`` produces it.

    A list whose items are paragraphs (text) or sections ({标题, 角色, 主题, 内容}), nested
    up to four levels. When it is given, the template prints it as it stands instead of
    composing the body from 成效/问题/下一步, and the required parts become warnings.
    """

    ROLES = ("成效", "问题", "下一步", "第一责任人", "其他")
    MAX_DEPTH = 4


# A title (a heading line's words) is at most this many characters: the reader takes a
# numbered line whose first sentence is longer for a paragraph (reading/parser.split_heading,
# 80), so a longer title would come back from ``check`` as a heading with nothing under it.
TITLE_MAX = 80
NOTE_MAX = 80  # a 附注 is one short line under the date (reading.parser reads it back so)


def measure() -> Obj:
    return Obj(
        help="一项具体做法：小标题加正文。",
        fields={
            "标题": Text("做法的小标题，一句话，以句号结尾或不写标点均可。", True, PLACEHOLDER + "这项做法的小标题", max_length=TITLE_MAX),
            "内容": Text(
                "做法的具体内容和成效。数字用阿拉伯数字，件数等计数最好写进“数据”，由模板自动成句。",
                True,
                PLACEHOLDER + "具体做法、取得的成效。",
            ),
        },
    )


def form_spec(cat: Catalogue) -> Obj:
    """The whole form. ``cat`` supplies the themes and their figures."""
    achievements = tuple(t.key for t in cat.themes_of("成效"))
    part_names = tuple(p.key for p in cat.parts if p.own)
    figures_help = (
        "本年度的计数。按“数据组: 指标: 数字”填写；只填数字，单位自动加上；不知道的不填，报告中就不出现。"
        "比率（如纠错率）不填，由计数自动算出。"
    )
    last_help = "上年的同一批计数（可选）。填了就自动写出同比（如“同比增长12.3%”）。"
    return Obj(
        fields={
            "单位": Text("报告单位全称，如“某某县人民政府”。也作为落款署名。", True, "示例县人民政府", max_length=50),
            "年度": Integer("报告的是哪一年的工作，写四位数字。", True, 2025, 2000, 2100),
            "成文日期": Date("落款处的成文日期，写成 2026-02-06 的形式。", True, "2026-02-06"),
            "标题": Text("报告标题（可选）。不填时自动生成“单位关于某年度法治政府建设情况的报告”。", max_length=TITLE_MAX),
            "主送机关": Text("主送机关（可选），如“县委、县人大常委会”。网上公开的版本一般不写。"),
            "开头": Obj(
                help="开头段落。",
                fields={
                    "主要成效": Seq(
                        item=Text("一句话成效，不要句号。"),
                        help="开头段里概括的一两项突出成效（可选），如获评的示范称号。",
                        example=[PLACEHOLDER + "一项突出成效"],
                    ),
                    "会议精神": Text(
                        "开头“全面贯彻……”后面的会议精神提法（可选），如“党的二十大和二十届历次全会精神”。"
                        "不填时按年度使用内置的提法；内置数据没有这一年时，开头不写这一句，validate 会提醒。"
                    ),
                    "纲要": Text(
                        "开头引用的法治政府建设实施纲要的全称（可选），如“《法治政府建设实施纲要（2021—2025年）》”。"
                        "不填时按年度使用内置的纲要；没有可以确认的纲要时，开头不引用纲要。"
                    ),
                    "句式": Seq(
                        item=Text("开头段的一项。"),
                        sample=False,
                        help="整段开头怎么写（可选），写法与句式表相同：一行一项，项与项之间自动加“，”，单独一行“。”表示句子结束，"
                        "以“：”结尾的一项结束全段；大括号里可以写 {年度}、{下一年度}、{单位}、{会议精神}、{纲要}、{主要成效}，"
                        "没有内容的那一项不写。不填时按句式表里的“开头”写。",
                    ),
                },
            ),
            "去年安排": Seq(
                item=Obj(
                    help="去年报告提出的一项下一步安排。",
                    fields={
                        "标题": Text("去年这项安排的小标题。", True, "去年的一项安排", max_length=TITLE_MAX),
                        "去年内容": Text("去年写的具体措施（可选，供对照，不进入报告）。"),
                        "落实情况": Text(
                            "今年落实得怎样（可选）。填了就写进报告“成效”部分的“落实上年度工作安排”一节；"
                            "不填的，drafter check 核对报告其他地方有没有写到它。",
                            example="今年落实得怎样。",
                        ),
                    },
                ),
                help="去年报告“下一步”提出的安排，逐项写落实情况（可选；drafter new 从去年的表单或报告中列出）。",
                sample=False,
            ),
            "成效": Seq(
                item=Obj(
                    help="一个工作主题的成效。",
                    fields={
                        "主题": Choice("主题的名称，从目录中选：" + "、".join(achievements) + "。", True, achievements[0], achievements),
                        "标题": Text("这一部分的小标题（可选），不填时用目录中的默认标题。", max_length=TITLE_MAX),
                        "数据": Figures(figures_help),
                        "上年数据": Figures(last_help),
                        "做法": Seq(item=measure(), help="这个主题下的具体做法，按重要程度排列。"),
                    },
                ),
                help="本年度推进法治政府建设的主要举措和成效，按主题逐项填写。同一主题只写一次。",
                required=True,
                min_items=1,
            ),
            "第一责任人": Obj(
                help="党政主要负责人履行推进法治建设第一责任人职责的情况（必需）。",
                required=True,
                fields={
                    "数据": Figures(figures_help, theme="第一责任人"),
                    "上年数据": Figures(last_help, theme="第一责任人"),
                    "做法": Seq(item=measure(), help="主要负责人的具体履职做法。", min_items=1, required=True),
                },
            ),
            "问题": Seq(
                item=Obj(
                    help="一个问题。",
                    fields={
                        "标题": Text("问题的概括（可选），一句话。", max_length=TITLE_MAX),
                        "表现": Text("问题的具体表现。", True, PLACEHOLDER + "问题的具体表现。"),
                        "原因": Text("产生问题的原因。", True, PLACEHOLDER + "问题产生的原因。"),
                    },
                ),
                help="存在的不足和原因（必需），每项写表现和原因。",
                required=True,
                min_items=1,
            ),
            "下一步": Seq(
                item=Obj(
                    help="一项安排。",
                    fields={
                        "标题": Text("安排的小标题。", True, PLACEHOLDER + "下一年的一项重点安排", max_length=TITLE_MAX),
                        "内容": Text("具体措施。", True, PLACEHOLDER + "具体措施。"),
                    },
                ),
                help="下一年度推进法治政府建设的主要安排（必需）。",
                required=True,
                min_items=1,
            ),
            "其他": Seq(item=Text("一段文字。"), help="其他需要报告的情况（可选），每项一段。"),
            "正文": Body(
                "报告正文的原文（可选，由 drafter import 从已有报告生成）：每项是一段文字，或一节"
                "（标题、角色、主题、内容）。填了它，报告正文就按它原样排版，上面的成效、问题等只作为数据。"
            ),
            "写法": Obj(
                help="报告的写法（可选），不用改模板就能调整：各部分的标题、结尾是否写“特此报告。”、问题的表现和原因之间的连接词。"
                "成效写哪些主题、按什么顺序，就按“成效”里列的主题和次序；每个主题的标题写在它的“标题”里。"
                "写数字的句子怎么说，在句式表里改（drafter templates copy default 文件夹 句式.yaml）。",
                fields={
                    "部分标题": Obj(
                        help="各部分的一级标题（可选），不填的用默认标题；可以写 {年度}、{下一年度}，生成时换成年份。",
                        fields={p.key: Text(f"“{p.about}”这一部分的标题，默认：{p.heading}", max_length=60) for p in cat.parts},
                    ),
                    "部分次序": Seq(
                        item=Choice("一个部分的名称。", choices=part_names),
                        help="正文各部分的先后（可选），如 [第一责任人, 成效, 问题, 下一步]。不填时按规定的次序："
                        "成效、问题（不足和原因）、第一责任人、下一步、其他；写了的要把成效、问题、第一责任人、下一步都列上，"
                        "没列“其他”的，“其他”排在最后。",
                    ),
                    "成效分列": Boolean(
                        "成效的各个主题是否各作一个一级标题（一、二、三……）：true 是，不再写成效的总标题；"
                        "false（默认）各主题排在成效的总标题下面。"
                    ),
                    "问题和下一步合写": Boolean(
                        "不足和原因、下一年度安排是否合成一个部分：true 是，标题见“部分标题”里的“问题和下一步”，"
                        "排在两者中靠后的位置；false（默认）各成一部分。"
                    ),
                    "特此报告": Boolean(
                        "正文最后是否另起一段写“特此报告。”：true 写，false 不写。不填时有主送机关就写（导入的“正文”照原文结尾，不另加）。",
                        default=None,
                    ),  # not given: decided by 主送机关
                    "原因连接词": Text(
                        "问题的表现和原因之间的连接词（可选），默认“主要原因是”；原因本身已经以“究其原因”“原因是”等开头时不再加。",
                        max_length=20,
                    ),
                },
            ),
            "落款": Obj(
                help="署名、印章和附注。",
                fields={
                    "署名": Text("落款署名（可选），不填时用“单位”。两个单位联合报送时，单位之间空一格，报告里各占一行。", max_length=50),
                    "盖章": Boolean("是否加盖印章：false 按不加盖印章的格式排落款，true 按加盖印章的格式留出盖章位置。", example=False),
                    "附注": Text("附注（可选），如“此件公开发布”，排在成文日期下一行并加圆括号。", max_length=NOTE_MAX),
                },
            ),
        }
    )
