"""The ``kg`` command: a thin click layer over the library.

Exit codes: 0 ok; 1 the command ran and found problems (violations); 2 it could not do its job
(bad arguments, unreadable input, missing store, remote refused). Errors are one line on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

STORE_HELP = "Store directory (default .kg, or $KG_STORE)."
EXIT_CODES = "\b\nExit codes: 0 ok, 1 problems found, 2 could not run."


def store_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--store",
        "store_path",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path(".kg"),
        envvar="KG_STORE",
        show_default=True,
        help=STORE_HELP,
    )(f)


def echo_err(msg: str) -> None:
    click.echo(msg, err=True)


class KgClickError(click.ClickException):
    """A KgError as click shows it: ``Error: <message>`` and the error's exit code."""

    def __init__(self, error: KgError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code


class KgGroup(click.Group):
    """Turns every user mistake into one ``Error:`` line and an exit code, under CliRunner as
    on the command line: library errors, usage errors and bad option values alike."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as e:
            raise KgClickError(e) from None

    def main(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        no_args = getattr(click.exceptions, "NoArgsIsHelpError", ())
        try:
            rv = super().main(*args, **kwargs)  # type: ignore[arg-type]
        except no_args as e:  # type: ignore[misc]
            click.echo(e.ctx.get_help() if e.ctx else "", err=True)
            sys.exit(2)
        except click.UsageError as e:
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            echo_err(f"Error: {e.format_message()}{hint}")
            sys.exit(2)
        except click.ClickException as e:
            echo_err(f"Error: {e.format_message()}")
            sys.exit(e.exit_code)
        except click.Abort:
            echo_err("Aborted.")
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=KgGroup, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """appeals-kg: human-rights urgent appeals as a validated, evidence-backed knowledge graph."""


# --- build / validate ------------------------------------------------------------------------


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Data folder (default: the project's data/).",
)
def build(store_path: Path, data_dir: Path | None) -> None:
    """Build the store from ontology/, data/reference, data/cases and data/extracted.

    The new store replaces the old one only when the build succeeds.

    Example: kg build --store .kg
    """
    from kg.build import build as run_build
    from kg.vocab import DATA_DIR

    result = run_build(store_path, data_dir or DATA_DIR)
    for case in result.shadowed:
        echo_err(f"note: {case.record_path} is shadowed by the curated record of {case.appeal_id}")
    click.echo(
        f"Built {store_path}: {len(result.cases)} case(s), {result.entities} entities, "
        f"{result.triples} triples in {result.graphs} graphs ({result.derived} derived) "
        f"in {result.seconds:.2f}s"
    )


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
    help="Report format.",
)
def validate(store_path: Path, fmt: str) -> None:
    """Validate the built graph against the SHACL shapes in shapes/.

    Exit 0 when it conforms, 1 with violations (focus node, path, message, source file).

    Example: kg validate --format json
    """
    from kg.store import Store
    from kg.validate import validate_store

    report = validate_store(Store.open(store_path))
    click.echo({"text": report.to_text, "json": report.to_json, "turtle": report.to_turtle}[fmt]())
    sys.exit(0 if report.conforms else 1)


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Data folder (default: the project's data/).",
)
@click.option(
    "--dist",
    "dist_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist"),
    show_default=True,
    help="Where to write kg.ttl and kg.trig.",
)
def run(store_path: Path, data_dir: Path | None, dist_dir: Path) -> None:
    """The main job: build, validate, summarise, and write dist/kg.ttl and dist/kg.trig.

    Example: kg run
    """
    from kg.build import build as run_build
    from kg.export import export
    from kg.stats import collect_stats
    from kg.store import Store
    from kg.validate import validate_store
    from kg.vocab import DATA_DIR

    result = run_build(store_path, data_dir or DATA_DIR)
    store = Store.open(store_path)
    report = validate_store(store)
    stats = collect_stats(store, store_path)
    export(store, "turtle", output=dist_dir / "kg.ttl")
    export(store, "trig", output=dist_dir / "kg.trig")
    click.echo(f"cases:     {len(result.cases)}")
    click.echo(f"entities:  {result.entities}")
    click.echo(f"triples:   {stats.triples} in {len(stats.graphs)} named graphs")
    click.echo(f"conforms:  {'yes' if report.conforms else f'no ({len(report.violations)} results)'}")
    click.echo(f"written:   {dist_dir / 'kg.ttl'}, {dist_dir / 'kg.trig'}")
    if not report.conforms:
        click.echo(report.to_text(), err=True)
        sys.exit(1)


# --- query -----------------------------------------------------------------------------------


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"'{item}' is not NAME=VALUE", param_hint="--param")
        out[name.strip()] = value
    return out


@cli.command(epilog=EXIT_CODES)
@store_option
@click.argument("name_or_file", required=False)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query parameter (an IRI, a CURIE such as akr:…, or a label).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default=None,
    help="Output format (default: table on a terminal, json when piped).",
)
@click.option("--list", "list_", is_flag=True, help="List the queries with their titles.")
@click.option(
    "--allow-network", is_flag=True, help="Allow queries that call remote endpoints (SERVICE)."
)
def query(
    store_path: Path,
    name_or_file: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    list_: bool,
    allow_network: bool,
) -> None:
    """Run a query from queries/ (by name, e.g. cq04) or a .rq file.

    \b
    Examples:
      kg query --list
      kg query cq04 --param defender="Marat Dauletbayev"
      kg query queries/cq02-defender-timeline.rq -p defender=akr:person/p-2a9f31c4 --format csv
    """
    from kg.errors import QueryError
    from kg.query import find_query, format_result, list_queries, run_query
    from kg.store import Store

    if list_:
        for q in list_queries():
            click.echo(f"{q.name:40} {q.title}")
        return
    if not name_or_file:
        raise click.UsageError("give a query name or file, or --list")
    qf = find_query(name_or_file)
    if qf.network or _needs_network(qf.text):
        if not allow_network:
            raise QueryError(
                f"{qf.path}: this query calls a remote endpoint (SERVICE); "
                "rerun with --allow-network to let it use the network"
            )
    result = run_query(Store.open(store_path), qf, _parse_params(params))
    if isinstance(result, bool):
        click.echo("true" if result else "false")
        return
    if not hasattr(result, "variables"):
        click.echo(result.serialize(format="turtle"))
        return
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    click.echo(format_result(result, fmt).rstrip("\n"))


def _needs_network(text: str) -> bool:
    try:
        from kg.federation import needs_network
    except ImportError:
        return "SERVICE" in text.upper()
    return needs_network(text)


# --- export / stats --------------------------------------------------------------------------


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
    default="turtle",
    show_default=True,
)
@click.option("--graph", "graph", default=None, help="Export only this named graph (IRI).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Output file (default: stdout). Written atomically.",
)
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Keep restricted and confidential facts (never for public outputs).",
)
def export(
    store_path: Path, fmt: str, graph: str | None, output: Path | None, include_restricted: bool
) -> None:
    """Export the graph; restricted and confidential facts are left out.

    \b
    Examples:
      kg export --format trig -o dist/kg.trig
      kg export --format jsonld --graph https://w3id.org/appeals-kg/graph/reference
    """
    from rdflib import URIRef

    from kg.export import export as run_export
    from kg.store import Store

    data = run_export(Store.open(store_path), fmt, URIRef(graph) if graph else None, output,
                      include_restricted)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        echo_err(f"wrote {output} ({len(data)} bytes)")


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def stats(store_path: Path, as_json: bool) -> None:
    """Counts per class and per named graph, and the store's size on disk.

    Example: kg stats --json
    """
    from kg.stats import collect_stats
    from kg.store import Store

    s = collect_stats(Store.open(store_path), store_path)
    click.echo(s.to_json() if as_json else s.to_text())


# --- entry point -----------------------------------------------------------------------------


def main() -> None:
    """Console entry point."""
    cli.main()


if __name__ == "__main__":
    main()
