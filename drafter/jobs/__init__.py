"""What both doors (the command line, the local web page) do: render, check, new, batches, template copies. No policy lives in a door."""
