"""``drafter check``: a table of rules over the Report tree, for forms and for any report."""
