"""One module per subcommand; each returns an exit code and prints only through ``out``."""
