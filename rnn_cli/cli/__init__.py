"""The command line: a Typer app whose thin commands read build spec → pipeline → view → print.

Only this package prints or exits. The entry point is main.py; launch.py loads the command a run
names; core.py holds the app, its consoles and its errors.
"""
