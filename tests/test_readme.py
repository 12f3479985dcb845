"""Every command is documented in the README, with its options."""

from pathlib import Path

import pytest
import typer.main

from bbc_timeline.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)


def test_the_two_setup_commands_are_documented():
    assert "make run" in README and "make test" in README


@pytest.mark.parametrize("name", sorted(COMMAND.commands))
def test_command_is_documented(name):
    assert f"### `timeline {name}" in README, f"`timeline {name}` has no section in the README"
    section = README.split(f"### `timeline {name}", 1)[1].split("\n### ", 1)[0]
    assert f"$ timeline {name}" in section or name == "export" and "$ timeline export" in section


@pytest.mark.parametrize(
    "name,option",
    [
        (name, opt)
        for name, cmd in sorted(COMMAND.commands.items())
        for param in cmd.params
        for opt in param.opts
        if opt.startswith("--") and opt not in {"--help", "--db", "--json", "--model", "--batch-size", "--workers"}
    ],
)
def test_option_is_documented(name, option):
    assert option in README, f"`timeline {name} {option}` is not in the README"
