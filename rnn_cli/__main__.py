"""`python -m rnn_cli` runs the same app as `rnnx`."""

from rnn_cli.cli.main import main

main()
