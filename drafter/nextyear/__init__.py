"""``drafter new``: next year's form, started from last year's form or last year's report.

``carry`` moves a form's figures to 上年数据 and keeps its text as commented reference;
``recover`` does the same for a report through the reading side (parse, classify, figures);
``start`` loads whichever was given and writes the form.
"""
