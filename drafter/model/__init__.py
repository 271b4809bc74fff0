"""The report itself, whoever makes or reads it: the Report tree and its markup, the catalogue,
how figures are written, political formulations, typography."""
