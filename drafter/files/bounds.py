"""Every bound on what drafter reads, makes and runs, in one place: each is set from what real
reports, forms and templates need, with a wide margin, keeps time and memory bounded
(benchmarks/bench_check_size.py), and is said in the message that refuses what passes it.
The modules that enforce a bound import it from here under their own short name.
"""

# -- a report read (check, import, new, mine) ------------------------------------------------
# A full report is 10,000–60,000 characters in a few hundred paragraphs (well under 1 MB of
# text in any encoding); these are over 60 times that.
REPORT_BYTES = 32 * 2**20  # a text file
REPORT_CHARS = 4_000_000  # characters read from one report, of any kind
REPORT_PARAGRAPHS = 100_000  # paragraphs (lines) read from one report
# A .docx or .doc may carry pictures, which are never read: the file may be larger than any
# text, and only its main part is bounded by what a report holds (DOCUMENT_XML).
PACKAGE_BYTES = 200 * 2**20
PACKAGE_UNPACKED = 2 * PACKAGE_BYTES  # all parts unpacked; pictures hardly pack
PACKAGE_PARTS = 10_000  # parts of a .docx package; a real one has a few dozen
PACK_RATIO = 200  # XML packs about 10:1; a part packed 200:1 or better is a bomb
PACKAGE_RELS = 2**20  # the package's own relationships part, read before the main part
# The main part (word/document.xml) unpacked: the largest real reports' are about 1 MB (a
# 20 000-character report with Word's run markup); 20 MB leaves a wide margin.
DOCUMENT_XML = 20 * 2**20
DOCX_AUX = 8 * 2**20  # styles.xml / numbering.xml: real ones are tens of KB
STYLE_DEPTH = 16  # basedOn chains longer than this are cut (and cycles broken)

# -- a template run (render) -------------------------------------------------------------------
TEMPLATE_OUTPUT = 500_000  # characters of markup one render may produce (a long report: 30,000)
TEMPLATE_LINES = 30_000  # lines of that markup: paragraphs and headings (a long report: 500)
TEMPLATE_MADE = 50_000_000  # characters one render may make in all (values, buffers)
TEMPLATE_ITERATIONS = 5_000_000  # turns of all {% for %} loops of one render
TEMPLATE_STRING = 2_000_000  # characters of one string made by a template
TEMPLATE_ITEMS = 100_000  # items of one list made by a template (also range())
TEMPLATE_INT_BITS = 4_000  # about 1,200 digits
TEMPLATE_WIDTH = 1_000  # width or precision in a format
TEMPLATE_SECONDS = 10  # one render, compiling included
MACRO_DEPTH = 50  # macros calling macros
INCLUDE_DEPTH = 20  # include / import / extends inside each other
TEMPLATE_NESTING = 20  # tags and brackets inside each other in one template file
TEMPLATE_TAGS = 2_000  # {% %} tags and {# #} comments of one template file (the default's longest has 66): 4,000 compile for 6 s
TEMPLATE_STEPS = 150  # operators, filters and calls in one {{ }} or {% %}: Python nests each in the code it compiles, at most 200 deep
TEMPLATE_BYTES = 1_000_000  # one template file
TEMPLATE_FILES = 1_000  # files in one template folder (the default has four): more is the wrong folder
PHRASE_ITEM = 500  # characters of one phrase-table item: a clause, not a paragraph
BYTECACHE_FILES = 400  # compiled templates kept in the cache folder
BYTECACHE_BYTES = 8 * 1024 * 1024

# -- a form (validate, render, import) ---------------------------------------------------------
FORM_BYTES = 10 * 2**20  # a form is a few KB; a long imported report a few hundred
YAML_DEPTH = 50  # levels of nesting; a form needs about ten
YAML_INT_BITS = 14_000  # Python prints integers up to 4,300 digits (about 14,280 bits)
YAML_NODES = 100_000  # values after expanding aliases; a form has about a thousand
# What a form may hold in all, and what import writes into one: below the template's output
# and line bounds, so whatever a form holds can be rendered.
FORM_TEXT = 400_000
FORM_ITEMS = 20_000
assert FORM_TEXT < TEMPLATE_OUTPUT and FORM_ITEMS < TEMPLATE_LINES
