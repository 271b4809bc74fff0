"""Files in and out: input checks, located YAML, atomic writes, characters Word cannot hold,
the settings file's sections, built-in data, LibreOffice."""
