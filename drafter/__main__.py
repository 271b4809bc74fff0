"""``python -m drafter`` runs the command line."""

from drafter.cli.launch import main

main()
