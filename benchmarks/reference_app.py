"""The reference for benchmarks/startup.py: a minimal Typer + Rich app printing a three-row table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main(name: str = "x") -> None:
    table = Table("row", "name")
    for i in range(3):
        table.add_row(str(i), name)
    Console().print(table)


if __name__ == "__main__":
    app()
