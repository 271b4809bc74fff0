"""The .docx package (WordprocessingML parts), written from the layout settings.

Rather than patching python-docx's stock template (whose theme fonts make WPS ask for
missing fonts and East Asian text fall back to MS Mincho, anchors.md §b.2), we write a
small package of our own: named styles for every element with all four rFonts slots
set, no theme at all, a font table that names the usual fallbacks, odd and even footers
with the page number, and the GB/T 9704 page.

The parts are written as text and zipped directly. python-docx is what tests (and the
reading side) use to open the result; importing it on the render path would cost about
90 ms, more than the cold-render budget allows (design.md, budgets).
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

from drafter.files.xmltext import strip_invalid
from drafter.typeset.layout import TWIPS_PER_PT, Layout
from drafter.typeset.provenance import CORE_PART, VERBATIM, fingerprint

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Style ids (ASCII, stable) → names a clerk sees in Word's or WPS's style list.
STYLE_NAMES = {
    "GwBody": "公文正文",
    "GwTitle": "公文标题",
    "GwAddressee": "主送机关",
    "GwH1": "一级标题",
    "GwH2": "二级标题",
    "GwH3": "三级标题",
    "GwH4": "四级标题",
    "GwH1Char": "一级标题文字",
    "GwH2Char": "二级标题文字",
    "GwH3Char": "三级标题文字",
    "GwH4Char": "四级标题文字",
    "GwSignature": "署名",
    "GwDate": "成文日期",
    "GwNote": "附注",
    "GwPageNumber": "页码",
}
LEVEL_FONT_KEYS = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}

# Fallbacks Word and WPS use when the GB2312-era font names are missing.
FONT_ALT = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体", "方正仿宋_GBK": "仿宋", "方正楷体_GBK": "楷体"}


def xml_text(text: str) -> str:
    """Escape character data for an XML text node. Characters XML cannot carry are refused
    with their place where they come in (form, layout file, template output); dropping any
    that got past is the last guard, so a document Word cannot open is never written."""
    return strip_invalid(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value) -> str:
    """A quoted XML attribute value (xml.sax.saxutils would pull in urllib: 40 ms)."""
    text = strip_invalid(str(value)).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return f'"{text}"'


def rfonts(latin: str, east_asian: str, hint: bool = False) -> str:
    """All four slots written, so nothing falls back to a theme or a default face."""
    extra = ' w:hint="eastAsia"' if hint else ""
    return f"<w:rFonts w:ascii={_attr(latin)} w:hAnsi={_attr(latin)} w:eastAsia={_attr(east_asian)} w:cs={_attr(latin)}{extra}/>"


def _rpr(lay: Layout, east_asian: str, size_pt: float, bold: bool = False, latin: str | None = None, spacing: int | None = None) -> str:
    half = round(size_pt * 2)
    out = rfonts(latin or lay["字体"]["西文和数字"], east_asian)
    if bold:
        out += "<w:b/><w:bCs/>"
    if spacing is not None:
        out += f'<w:spacing w:val="{spacing}"/>'
    out += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    return f"<w:rPr>{out}</w:rPr>"


def _line(twips: int) -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{twips}" w:lineRule="exact"/>'


def _indent_first(lay: Layout) -> str:
    chars = lay["首行缩进字数"]
    return f'<w:ind w:firstLineChars="{round(chars * 100)}" w:firstLine="{round(chars * lay.char_twips)}"/>'


def _pstyle(sid: str, ppr: str, rpr: str, based: str | None = "GwBody", nxt: str = "GwBody", qformat: bool = True) -> str:
    parts = [f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}">', f"<w:name w:val={_attr(STYLE_NAMES[sid])}/>"]
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    parts.append(f'<w:next w:val="{nxt}"/>')
    if qformat:
        parts.append("<w:qFormat/>")
    parts.append(f"<w:pPr>{ppr}</w:pPr>{rpr}</w:style>")
    return "".join(parts)


def _cstyle(sid: str, rpr: str) -> str:
    return (
        f'<w:style w:type="character" w:customStyle="1" w:styleId="{sid}">'
        f"<w:name w:val={_attr(STYLE_NAMES[sid])}/><w:qFormat/>{rpr}</w:style>"
    )


def styles_xml(lay: Layout) -> str:
    fonts, size = lay["字体"], lay["字号"]
    body, body_pt = fonts["正文"], lay.body_pt
    line = _line(lay.line_twips)
    cs = lay.char_spacing
    bold3 = bool(lay["三级标题加粗"])
    heading_rpr = {
        1: _rpr(lay, fonts["一级标题"], body_pt),
        2: _rpr(lay, fonts["二级标题"], body_pt),
        3: _rpr(lay, fonts["三级标题"], body_pt, bold=bold3),
        4: _rpr(lay, fonts["四级标题"], body_pt),
    }
    styles = [
        # docDefaults: the body face in all four slots, no theme fonts (WPS "缺失字体").
        "<w:docDefaults><w:rPrDefault>",
        _rpr(lay, body, body_pt, spacing=cs or None)
        .replace("<w:sz ", '<w:kern w:val="0"/><w:sz ')
        .replace("</w:rPr>", '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'),
        f"</w:rPrDefault><w:pPrDefault><w:pPr>{line}</w:pPr></w:pPrDefault></w:docDefaults>",
        # Normal: widow/orphan control; no punctuation hanging into the margin (the text must
        # stay inside the 156 mm block) and no extra space between Chinese and digits, so a
        # line holds exactly 每行字数 characters.
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:widowControl/><w:kinsoku/><w:overflowPunct w:val="0"/>'
        f'<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>{line}<w:jc w:val="both"/></w:pPr></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        # Body paragraphs leave widow/orphan control off by default, so every full page holds
        # its 22 lines (GB/T 9704 5.2.3); headings keep with the next paragraph instead.
        _pstyle("GwBody", ("" if lay["孤行控制"] else '<w:widowControl w:val="0"/>') + _indent_first(lay), "", based="Normal"),
        _pstyle(
            "GwTitle",
            "<w:keepNext/><w:keepLines/>"
            + _line(round(lay["标题"]["行距"] * TWIPS_PER_PT))
            + '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>',
            _rpr(lay, fonts["标题"], size["标题"], spacing=0),
            nxt="GwBody",
        ),
        _pstyle("GwAddressee", '<w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/>', ""),
    ]
    for level in range(1, 5):
        # The heading styles are based on Word's built-in "heading N" (stated in full, so that
        # no application's own defaults for it show through): converters and platforms that
        # read the outline by the built-in names see it, while Word's and WPS's lists show
        # the Chinese names.
        bold = level == 3 and bold3
        ppr = f'<w:keepNext/><w:keepLines/>{line}<w:outlineLvl w:val="{level - 1}"/>'
        rpr = heading_rpr[level].replace(
            "</w:rPr>", ("" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>') + '<w:i w:val="0"/><w:color w:val="000000"/></w:rPr>'
        )
        styles.append(
            f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
            f'<w:basedOn w:val="GwBody"/><w:next w:val="GwBody"/><w:uiPriority w:val="9"/>'
            f"<w:semiHidden/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>"
        )
        styles.append(_pstyle(f"GwH{level}", ppr, rpr, based=f"Heading{level}"))
        styles.append(_cstyle(f"GwH{level}Char", heading_rpr[level]))
    styles += [
        _pstyle("GwSignature", '<w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>', ""),
        _pstyle("GwDate", '<w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>', ""),
        _pstyle("GwNote", _indent_first(lay), ""),
        _pstyle(
            "GwPageNumber",
            f'{_line(round(size["页码"] * TWIPS_PER_PT))}<w:ind w:firstLineChars="0" w:firstLine="0"/>',
            _rpr(lay, fonts["页码"], size["页码"], latin=fonts["页码"], spacing=0),
            based="Normal",
            nxt="GwPageNumber",
        ),
    ]
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">{"".join(styles)}</w:styles>'


def _page_number_paragraph(lay: Layout, even: bool) -> str:
    """ "— N —" in 4号宋体; odd pages right, even pages left, one 字 in (GB/T 9704 7.5)."""
    font = lay["字体"]["页码"]
    inset = round(lay["字号"]["页码"] * TWIPS_PER_PT)
    if not lay["页码"]["单页右双页左"]:
        ppr = '<w:jc w:val="center"/>'
    elif even:
        ppr = f'<w:ind w:left="{inset}" w:firstLine="0"/><w:jc w:val="left"/>'
    else:
        ppr = f'<w:ind w:right="{inset}" w:firstLine="0"/><w:jc w:val="right"/>'
    dash = f"<w:rPr>{rfonts(font, font, hint=True)}</w:rPr>"
    run = f"<w:rPr>{rfonts(font, font)}</w:rPr>"
    return (
        f'<w:p><w:pPr><w:pStyle w:val="GwPageNumber"/>{ppr}</w:pPr>'
        f'<w:r>{dash}<w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r>{run}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{run}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{run}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{run}<w:t>1</w:t></w:r>"
        f'<w:r>{run}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{dash}<w:t xml:space="preserve"> —</w:t></w:r></w:p>'
    )


def footer_xml(lay: Layout, even: bool) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W}" xmlns:r="{R}">{_page_number_paragraph(lay, even)}</w:ftr>'
    )


def sect_pr(lay: Layout) -> str:
    paper, m = lay["纸张"], lay.margins
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        f'<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:pgSz w:w="{lay.mm(paper["宽"])}" w:h="{lay.mm(paper["高"])}"/>'
        f'<w:pgMar w:top="{m["上"]}" w:right="{m["右"]}" w:bottom="{m["下"]}" '
        f'w:left="{m["左"]}" w:header="851" w:footer="{lay.footer_distance}" w:gutter="0"/>'
        f'<w:cols w:space="425"/></w:sectPr>'
    )


def document_xml(lay: Layout, body: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}{sect_pr(lay)}</w:body></w:document>'
    )


def settings_xml(lay: Layout) -> str:
    mirror = "<w:mirrorMargins/>" if lay["对称页边距"] else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings xmlns:w="{W}">{mirror}<w:defaultTabStop w:val="{lay.char_twips * 2}"/>'
        f'<w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>'
        f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        f'w:val="15"/></w:compat></w:settings>'
    )


def font_table_xml(lay: Layout) -> str:
    names = dict.fromkeys(lay["字体"].values())
    fonts = []
    for name in names:
        cjk = any(ord(ch) > 127 for ch in name)
        alt = f"<w:altName w:val={_attr(FONT_ALT[name])}/>" if name in FONT_ALT else ""
        charset = '<w:charset w:val="86"/>' if cjk else '<w:charset w:val="00"/>'
        fonts.append(
            f"<w:font w:name={_attr(name)}>{alt}{charset}"
            f'<w:family w:val="{"modern" if cjk else "roman"}"/>'
            f'<w:pitch w:val="{"fixed" if cjk else "variable"}"/></w:font>'
        )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}">{"".join(fonts)}</w:fonts>'


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL}">\
<Relationship Id="rId1" Type="{DOC_TYPE}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{DOC_TYPE}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

DOC_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL}">\
<Relationship Id="rIdStyles" Type="{DOC_TYPE}/styles" Target="styles.xml"/>\
<Relationship Id="rIdSettings" Type="{DOC_TYPE}/settings" Target="settings.xml"/>\
<Relationship Id="rIdFonts" Type="{DOC_TYPE}/fontTable" Target="fontTable.xml"/>\
<Relationship Id="rIdFooterOdd" Type="{DOC_TYPE}/footer" Target="footer1.xml"/>\
<Relationship Id="rIdFooterEven" Type="{DOC_TYPE}/footer" Target="footer2.xml"/>\
</Relationships>"""


def core_xml(title: str, fingerprint: str = "", now: str | None = None, verbatim: bool = False) -> str:
    """The package's core properties: drafter as the last to save it, and the fingerprint of
    the whole package but this element (typeset/provenance.py: an edit that leaves the other
    properties alone is still seen)."""
    now = now or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:language>zh-CN</dc:language>"
        + (f"<dc:identifier>{fingerprint}</dc:identifier>" if fingerprint else "")
        + (f"<cp:keywords>{VERBATIM}</cp:keywords>" if verbatim else "")
        + "<cp:lastModifiedBy>drafter</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
    )


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>drafter</Application></Properties>"
)


def package(lay: Layout, body: str, title: str, verbatim: bool = False) -> bytes:
    """The whole .docx as bytes: ``body`` is the paragraphs' XML, ``title`` goes to metadata."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "docProps/core.xml": "",  # written last: it holds the fingerprint of the others
        "docProps/app.xml": APP_XML,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document_xml(lay, body),
        "word/styles.xml": styles_xml(lay),
        "word/settings.xml": settings_xml(lay),
        "word/fontTable.xml": font_table_xml(lay),
        "word/footer1.xml": footer_xml(lay, even=False),
        "word/footer2.xml": footer_xml(lay, even=True),
    }
    data = {name: text.encode("utf-8") for name, text in parts.items() if name != CORE_PART}
    now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    data[CORE_PART] = core_xml(title, "", now, verbatim).encode("utf-8")  # hashed without its fingerprint
    data[CORE_PART] = core_xml(title, fingerprint(data), now, verbatim).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name in parts:
            z.writestr(name, data[name])
    return buf.getvalue()
