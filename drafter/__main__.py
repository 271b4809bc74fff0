"""``python -m drafter`` runs the command line."""

from drafter.launch import main

main()
