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


def data_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Data folder (default: the project's data/).",
    )(f)


def echo_err(msg: str) -> None:
    click.echo(msg, err=True)


def public_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--public", is_flag=True, help="Read the public store (what exports and kg serve show)."
    )(f)


def _open_store(store_path: Path, public: bool):  # type: ignore[no-untyped-def]
    """Open the full or the public store of a build and say on stderr which one is read."""
    from kg.store import Store, public_store_path

    store = Store.open(public_store_path(store_path) if public else store_path)
    echo_err(f"store: {store_path} ({'public' if public else 'full'})")
    return store


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
@data_option
@click.option("--full", is_flag=True, help="Rebuild every graph, not only what changed.")
@click.option(
    "--compact",
    is_flag=True,
    help="Also compact the store (as every full build does), even when nothing changed: "
    "queries on a store that many rebuilds changed read fewer files.",
)
def build(store_path: Path, data_dir: Path | None, full: bool, compact: bool) -> None:
    """Build the store from ontology/, data/reference, data/cases and data/extracted.

    The new store replaces the old one only when the build succeeds. A build with nothing
    changed since the last one does nothing (unless --compact); progress goes to stderr.

    Examples:
      kg build --store .kg
      kg build --store .kg --compact    # after many rebuilds: minutes at 100,000 appeals
    """
    from kg.store.stream import build_streaming
    from kg.vocab import DATA_DIR

    progress = echo_err if sys.stderr.isatty() else None  # a terminal sees the build's steps
    result = build_streaming(
        store_path, data_dir or DATA_DIR, incremental=not full, progress=progress,
        compact=compact,
    )  # fmt: skip
    for case in result.shadowed:
        echo_err(f"note: {case.record_path} is shadowed by the curated record of {case.appeal_id}")
    _report_identities(result, data_dir or DATA_DIR)
    click.echo(
        f"Built {store_path} (full and public stores): {len(result.cases)} case(s), "
        f"{result.entities} entities, "
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
@click.option(
    "--engine",
    type=click.Choice(["sparql", "pyshacl", "pyshacl-whole"]),
    default="sparql",
    show_default=True,
    help="sparql: shapes compiled to SPARQL in the store, only what changed re-checked; "
    "pyshacl: pyshacl per named graph; pyshacl-whole: one pyshacl run over every graph.",
)
def validate(store_path: Path, fmt: str, engine: str) -> None:
    """Validate the built graph against the SHACL shapes in shapes/.

    Exit 0 when it conforms, 1 with violations (focus node, path, message, source file).

    Example: kg validate --format json
    """
    from kg.check.validate import validate_store
    from kg.store import Store

    report = validate_store(Store.open(store_path), engine=engine)
    for note in report.notes:
        echo_err(note)
    click.echo({"text": report.to_text, "json": report.to_json, "turtle": report.to_turtle}[fmt]())
    sys.exit(0 if report.conforms else 1)


@cli.command(epilog=EXIT_CODES)
@store_option
@data_option
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
    from kg.check.validate import validate_store
    from kg.publish.bundle import write_together
    from kg.publish.export import stream_export, void_description
    from kg.stats import collect_stats
    from kg.store import Store, public_store_path
    from kg.store.build import build as run_build
    from kg.vocab import DATA_DIR

    result = run_build(store_path, data_dir or DATA_DIR)
    _report_identities(result, data_dir or DATA_DIR)
    store = Store.open(store_path)
    report = validate_store(store)
    stats = collect_stats(store, store_path)
    # dist/ is public: it reads only the public store, and its three files change together.
    public = Store.open(public_store_path(store_path))
    write_together(
        {
            # streamed into the files, never whole in memory (kg.publish.export)
            dist_dir / "kg.ttl": lambda f: stream_export(public, "turtle", f),
            dist_dir / "kg.trig": lambda f: stream_export(public, "trig", f),
            dist_dir / "void.ttl": void_description(public),
        },
        own_folder=True,
    )
    click.echo(f"cases:     {len(result.cases)}")
    click.echo(f"entities:  {result.entities}")
    click.echo(f"triples:   {stats.triples} in {len(stats.graphs)} named graphs")
    click.echo(
        f"conforms:  {'yes' if report.conforms else f'no ({len(report.violations)} results)'}"
    )
    click.echo(f"written:   {dist_dir / 'kg.ttl'}, {dist_dir / 'kg.trig'}, {dist_dir / 'void.ttl'}")
    if not report.conforms:
        click.echo(report.to_text(), err=True)
        sys.exit(1)


def _report_identities(result: object, data_dir: Path) -> None:
    """Say what was merged across appeals, and write uncertain merges for review."""
    clusters = getattr(result, "identity_clusters", [])
    review = getattr(result, "identity_review", [])
    changed = getattr(result, "identity_review_changed", None)
    if clusters:
        echo_err(f"identity: {len(clusters)} entities merged across appeals")
    path = Path(data_dir) / "identity-review.csv"
    count = len(review)
    if changed is None and not count:
        return  # nothing resolved (a build with nothing changed): the file stands
    if count and (changed is not False or not path.exists()):
        result.write_review(path)  # type: ignore[attr-defined]
    elif not count and path.exists():
        path.unlink()  # no pair left to review: the last build's would mislead
    if count:
        echo_err(f"identity: {count} uncertain merge(s) to review in {path} (not applied)")


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
@public_option
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run the query on this remote SPARQL endpoint instead of the store (kg push fills it).",
)
def query(
    store_path: Path,
    name_or_file: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    list_: bool,
    allow_network: bool,
    public: bool,
    endpoint: str | None,
) -> None:
    """Run a query from queries/ (by name, e.g. cq04) or a .rq file.

    \b
    Examples:
      kg query --list
      kg query cq04 --param defender="akr:person/p-2a9f31c4"
      kg query queries/cq02-defender-timeline.rq -p defender=akr:person/p-2a9f31c4 --format csv
    """
    from kg.errors import QueryError
    from kg.query import (
        find_query,
        format_result,
        list_queries,
        refuse_local_services,
        run_query,
        write_query,
    )

    if list_:
        for q in list_queries():
            click.echo(f"{q.name:40} {q.title}")
        return
    if not name_or_file:
        raise click.UsageError("give a query name or file, or --list")
    qf = find_query(name_or_file)
    refuse_local_services(qf)
    if qf.network or _needs_network(qf.text):
        if not allow_network:
            raise QueryError(
                f"{qf.path}: this query calls a remote endpoint (SERVICE); "
                "rerun with --allow-network to let it use the network"
            )
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if endpoint is not None:
        from kg.publish.remote import run_remote_query

        result = run_remote_query(endpoint, qf, _parse_params(params))
    elif fmt != "table":  # rows written as the store gives them (kg.query.write_query)
        store = _open_store(store_path, public)
        result = write_query(store, qf, _parse_params(params), fmt, sys.stdout)
        if result is None:
            return
    else:
        result = run_query(_open_store(store_path, public), qf, _parse_params(params))
    if isinstance(result, bool):
        click.echo("true" if result else "false")
        return
    if not hasattr(result, "variables"):
        click.echo(result.serialize(format="turtle"))
        return
    click.echo(format_result(result, fmt).rstrip("\n"))


def _needs_network(text: str) -> bool:
    try:
        from kg.federation import needs_network
    except ImportError:
        return "SERVICE" in text.upper()
    return needs_network(text)


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option("--endpoint", metavar="URL", required=True, help="SPARQL endpoint (query, update).")
@click.option("--graph-store", metavar="URL", default=None, help="Graph Store Protocol endpoint.")
@click.option("--user", metavar="U", default=None, help="User name for the remote store.")
@click.option(
    "--password-env", metavar="VAR", default=None, help="Environment variable holding the password."
)
@click.option(
    "--retries",
    type=click.IntRange(0, 20),
    default=4,
    show_default=True,
    help="Retries of a failed request (connection errors, HTTP 429/5xx), with backoff.",
)
def push(
    store_path: Path,
    endpoint: str,
    graph_store: str | None,
    user: str | None,
    password_env: str | None,
    retries: int,
) -> None:
    """Send the public dataset to a remote store: one named graph per appeal, replaced whole.

    Graphs already there and unchanged (by content hash) are skipped, so an interrupted push
    resumes and a second push changes nothing.

    \b
    Example:
      kg push --endpoint http://127.0.0.1:8890/sparql \\
              --graph-store http://127.0.0.1:8890/sparql-graph-crud
    """
    import os

    from kg.publish.push import Remote, push_store
    from kg.store import Store, public_store_path

    password = None
    if password_env is not None:
        if password_env not in os.environ:
            raise click.BadParameter(f"${password_env} is not set", param_hint="--password-env")
        password = os.environ[password_env]
    remote = Remote(endpoint, graph_store, user, password, retries=retries)
    store = Store.open(public_store_path(store_path))

    def progress(i: int, total: int, name: str, action: str) -> None:
        echo_err(f"[{i}/{total}] {action} {name}")

    result = push_store(store, remote, progress=progress)
    click.echo(
        f"Pushed {len(result.pushed)} graph(s), {len(result.skipped)} unchanged, "
        f"{len(result.dropped)} dropped, to {endpoint} ({result.protocol})"
    )


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
    help="Output file (default, or -: stdout). Written atomically.",
)
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Keep restricted and confidential facts (never for public outputs).",
)
@click.option(
    "--void/--no-void",
    "void",
    default=True,
    show_default=True,
    help="With -o, also write a VoID/DCAT description as void.ttl beside the file.",
)
@click.option("--endpoint", default=None, help="SPARQL endpoint URL to name in the description.")
def export(
    store_path: Path,
    fmt: str,
    graph: str | None,
    output: Path | None,
    include_restricted: bool,
    void: bool,
    endpoint: str | None,
) -> None:
    """Export the graph; restricted and confidential facts are left out.

    \b
    Examples:
      kg export --format trig -o dist/kg.trig
      kg export --format jsonld --graph https://w3id.org/appeals-kg/graph/reference
    """
    from kg.publish.listed import export_listed

    if output is not None and str(output) == "-":  # the usual spelling of stdout
        output = None
    void_path = output.parent / "void.ttl" if output is not None and void else None
    if graph is None and not include_restricted:
        # the build's files copied, before anything heavy is imported (kg/publish/listed.py)
        listed = export_listed(store_path, fmt, output, sys.stdout.buffer, void_path, endpoint)
        if listed is not None:
            echo_err(f"store: {store_path} (public)")
            if output is not None:
                also = f" and {void_path}" if void_path else ""
                echo_err(f"wrote {output} ({output.stat().st_size} bytes){also}")
            return
    from rdflib import URIRef

    from kg.publish.export import export as run_export

    data = run_export(
        _open_store(store_path, not include_restricted),
        fmt,
        URIRef(graph) if graph else None,
        output,
        include_restricted,
        void_path,
        endpoint,
        stream=sys.stdout.buffer if output is None else None,
    )
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        also = f" and {void_path}" if void_path else ""
        echo_err(f"wrote {output} ({output.stat().st_size} bytes){also}")


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@public_option
def stats(store_path: Path, as_json: bool, public: bool) -> None:
    """Counts per class and per named graph, and the store's size on disk.

    Example: kg stats --json
    """
    from kg.stats import collect_stats

    s = collect_stats(_open_store(store_path, public), store_path)
    click.echo(s.to_json() if as_json else s.to_text())


# --- extract / eval / anchor -----------------------------------------------------------------


@cli.command(epilog=EXIT_CODES)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Write DIR/<name>.yaml|ttl|trig (default: stdout, one file only).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "turtle", "trig"]),
    default="yaml",
    show_default=True,
)
@click.option(
    "--report",
    is_flag=True,
    help="Per appeal, what was found and what looked doubtful (stdout with -o, else stderr).",
)
def extract(files: tuple[Path, ...], out_dir: Path | None, fmt: str, report: bool) -> None:
    """Draft case records from appeals (.txt, .html, .pdf), every fact with its evidence.

    Drafts are access: restricted and reviewed: false, each fact with a confidence.
    Bad files are reported one line each and skipped; exit 2 if any failed.

    \b
    Examples:
      kg extract appeal.txt
      kg extract corpus/*.txt -o data/extracted
      kg extract page.html --format trig -o out/
      kg extract corpus/*.txt -o drafts/ --report
    """
    from kg.errors import InputError
    from kg.extract.batch import extract_file

    if out_dir is None and len(files) > 1:
        raise InputError("several input files need -o DIR")
    failed = 0
    with (
        click.progressbar(files, label="extracting", file=sys.stderr, show_pos=True)
        if len(files) > 1
        else _plain_iter(files) as bar
    ):
        for path in bar:
            try:
                data, written, record = extract_file(path, fmt, out_dir)
            except KgError as e:
                failed += 1
                echo_err(f"Error: {e}")
                continue
            if report:
                from kg.extract.review import format_report

                click.echo(format_report(record), err=out_dir is None)
            if out_dir is None:
                sys.stdout.write(data)
            elif len(files) == 1:
                echo_err(f"wrote {', '.join(str(w) for w in written)}")
    if failed:
        echo_err(f"{failed} of {len(files)} file(s) failed")
        sys.exit(2)


class _plain_iter:
    def __init__(self, items: tuple[Path, ...]) -> None:
        self.items = items

    def __enter__(self) -> tuple[Path, ...]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None


@cli.command(name="eval", epilog=EXIT_CODES)
@click.argument("gold_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--pred",
    "pred_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Folder of extracted <case>.yaml (default: extract the texts now).",
)
@click.option("--case", "case", default=None, help="List every miss and false hit of one case.")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Cases to score: the fixed test split (data/corpus-test-split.txt), the rest, or all.",
)
@click.option(
    "--folds",
    type=click.IntRange(min=2),
    default=None,
    help="Also show F1 per fold (cases dealt round-robin in name order) and per issuer.",
)
@click.option(
    "--against",
    "against",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A report saved by kg eval --json: show F1 before and after, and per case each miss "
    "and false hit fixed or new.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def eval_(
    gold_dir: Path,
    pred_dir: Path | None,
    case: str | None,
    split: str,
    folds: int | None,
    against: Path | None,
    as_json: bool,
) -> None:
    """Score extraction against the gold files (*.gold.yaml) in GOLD_DIR.

    \b
    Examples:
      kg eval ../shared/corpus --split test
      kg eval ../shared/corpus --split dev --folds 5
      kg eval ../shared/corpus --case dev-004-bialiatski-2023
      kg eval ../shared/corpus --split dev --json > before.json
      kg eval ../shared/corpus --split dev --against before.json
    """
    import json

    from kg.errors import InputError, did_you_mean
    from kg.extract.batch import extract_corpus
    from kg.extract.evaluate import (
        compare_reports,
        evaluate,
        fold_spread,
        issuer_spread,
        load_report,
        select_cases,
    )

    if against is not None and (case is not None or folds is not None):
        raise InputError("--against: use it without --case and --folds")
    saved = load_report(against) if against is not None else None  # read first: fail early
    names = select_cases(gold_dir, split)
    preds = pred_dir if pred_dir is not None else extract_corpus(gold_dir, names)
    report = evaluate(gold_dir, preds, names)
    if saved is not None:
        comparison = compare_reports(saved, report)
        if as_json:
            click.echo(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(comparison.to_text())
        return
    if case is not None:
        names = [c.case for c in report.cases]
        chosen = [c for c in report.cases if c.case == case or c.case.startswith(case + "-")]
        if len(chosen) != 1:
            raise InputError(f"--case: unknown case '{case}'.{did_you_mean(case, names)}")
        data = report.to_dict()["cases"][chosen[0].case]
        if as_json:
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        for cat, row in data.items():
            click.echo(f"{cat}: P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}")
            for miss in row["misses"]:
                click.echo(f"  miss       {miss}")
            for hit in row["false_hits"]:
                click.echo(f"  false hit  {hit}")
        return
    if folds is None:
        click.echo(report.to_json() if as_json else report.to_text())
        return
    by_fold, by_issuer = fold_spread(report, folds), issuer_spread(report)
    if as_json:
        data = {**report.to_dict(), "folds": by_fold.to_dict(), "issuers": by_issuer.to_dict()}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(report.to_text())
    click.echo("\nF1 per fold\n" + by_fold.to_text("fold"))
    click.echo("\nF1 per issuer\n" + by_issuer.to_text("issuer"))


@cli.command(epilog=EXIT_CODES)
@click.argument("record_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--text",
    "text_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="The appeal text (default: appeal.source, beside or in data/appeals).",
)
def anchor(record_path: Path, text_path: Path | None) -> None:
    """Fill the character offsets of every evidence quote in a curated record.

    Quotes may be typed with plain spaces and straight quotes; the exact text is written back.

    Example: kg anchor data/cases/my-case.yaml
    """
    from kg.errors import DataError
    from kg.record.caserecord import anchor_evidence, load_record
    from kg.vocab import DATA_DIR

    record = load_record(record_path)
    if text_path is None:
        from kg.store.build import _text_path

        source = record["appeal"].get("source")
        if not source:
            raise DataError(f"{record_path}: appeal.source is empty; pass --text FILE")
        text_path = _text_path(DATA_DIR, record_path, source)
    missing = anchor_evidence(record, text_path.read_text(encoding="utf-8"))
    if missing:
        raise DataError(
            f"{record_path}: quote not found in {text_path}: {missing[0][:80]!r}"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        )
    from kg.record.keys import mint_keys
    from kg.record.mint import keys_in_use, write_record

    minted = mint_keys(record, keys_in_use(DATA_DIR))  # a record's first anchoring keys it
    write_record(record_path, record)
    echo_err(f"anchored {record_path}" + (f"; {minted} new key(s)" if minted else ""))


@cli.command(epilog=EXIT_CODES)
@click.argument(
    "records",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
)
@data_option
def mint(records: tuple[Path, ...], data_dir: Path | None) -> None:
    """Write a stable key into every item of the case records that lacks one.

    An item's IRI is minted from its key (docs/identifiers.md), so renumbering local ids or
    reordering lists never moves a published IRI. Keys are random, 64 bits, checked against
    every key already used under --data; existing keys are never changed.

    Example: kg mint data/cases/my-case.yaml
    """
    from kg.record.mint import keys_in_use, mint_file
    from kg.vocab import DATA_DIR

    taken = keys_in_use(data_dir or DATA_DIR)
    for path in records:
        echo_err(f"{path}: {mint_file(path, taken)} new key(s)")


@cli.command(epilog=EXIT_CODES)
@store_option
@data_option
@click.argument("target")
@click.option("--note", default="", help="Why (kept in data/takedowns.csv, never published).")
def takedown(store_path: Path, data_dir: Path | None, target: str, note: str) -> None:
    """Make one person or case restricted everywhere, then rebuild.

    TARGET is an IRI or CURIE (akr:person/p-…, akr:case/c-…), an appeal id (its case) or an
    exact label. The decision goes to data/takedowns.csv; the rebuilt public store drops the
    case, or shows the person only under a pseudonym, in every output that reads it.

    Example: kg takedown akr:person/p-2a9f31c4 --note "asked by the defender"
    """
    from kg.record.takedown import add_takedown, resolve_target
    from kg.store import Store
    from kg.store.build import build as run_build
    from kg.vocab import DATA_DIR

    data_dir = data_dir or DATA_DIR
    iri = resolve_target(Store.open(store_path).to_graph(), target)
    added = add_takedown(data_dir, iri, note)
    result = run_build(store_path, data_dir)
    state = "recorded" if added else "already recorded"
    click.echo(f"takedown of {iri} {state}; rebuilt {store_path} ({len(result.cases)} case(s))")


# --- link / serve ----------------------------------------------------------------------------


LINKS_HELP = "Folder of link decisions (default: the project's data/links)."


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option(
    "--endpoint", default=None, help="SPARQL endpoint (default: the Wikidata Query Service)."
)
@click.option(
    "--types",
    "types",
    default=None,
    help="Comma-separated kinds: person,organisation,place,country,instrument.",
)
@click.option(
    "--min-score",
    type=float,
    default=0.85,
    show_default=True,
    help="Score from which a non-person candidate is accepted automatically.",
)
@click.option("--offline", is_flag=True, help="Answer from the cache only; send no request.")
@click.option(
    "--links",
    "links_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=LINKS_HELP,
)
@click.option(
    "--review",
    "review_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Where to write the candidates to decide (default: data/link-review.csv).",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(".kg-cache/wikidata"),
    show_default=True,
    help="Answer cache.",
)
@click.option(
    "--min-interval",
    type=float,
    default=1.0,
    show_default=True,
    help="Seconds between two requests to the endpoint.",
)
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Also look up restricted and confidential entities (sends their names to the endpoint).",
)
def link(
    store_path: Path,
    endpoint: str | None,
    types: str | None,
    min_score: float,
    offline: bool,
    links_dir: Path | None,
    review_path: Path | None,
    cache_dir: Path,
    min_interval: float,
    include_restricted: bool,
) -> None:
    """Propose Wikidata links for the graph's entities; people always go to review.

    Unambiguous non-person matches at or above --min-score are written to LINKS/auto.csv; the
    rest to the review file. Answers are cached, so a second run sends no request.

    \b
    Examples:
      kg link --types country,organisation
      kg link --offline
      kg link --endpoint http://127.0.0.1:7878/sparql
    """
    from kg.link import (
        KINDS,
        WIKIDATA_ENDPOINT,
        WikidataClient,
        propose_links,
        write_auto_links,
        write_review,
    )
    from kg.vocab import DATA_DIR

    kinds = tuple(t.strip() for t in types.split(",")) if types else KINDS
    unknown = [t for t in kinds if t not in KINDS]
    if unknown:
        raise click.BadParameter(
            f"unknown kind '{unknown[0]}'; choose from {', '.join(KINDS)}", param_hint="--types"
        )
    links_dir = links_dir or DATA_DIR / "links"
    # Not inside the links folder: the build reads every CSV there as decisions.
    review_path = review_path or DATA_DIR / "link-review.csv"
    graph = _entities_to_link(_open_store(store_path, not include_restricted))
    client = WikidataClient(
        endpoint or WIKIDATA_ENDPOINT,
        cache_dir=cache_dir,
        offline=offline,
        min_interval=min_interval,
    )
    candidates = propose_links(
        graph,
        endpoint=client.endpoint,
        types=kinds,
        min_score=min_score,
        cache_dir=cache_dir,
        offline=offline,
        progress=echo_err,
        links_dir=links_dir,
        client=client,
    )
    auto = write_auto_links(candidates, links_dir)
    n_review = write_review(candidates, review_path)
    n_auto = sum(1 for c in candidates if c.auto)
    click.echo(
        f"{len(candidates)} candidate(s): {n_auto} accepted automatically ({auto}), "
        f"{n_review} to review in {review_path}; requests sent: {client.requests_sent}"
    )


def _entities_to_link(store: object) -> object:
    """The union graph, less the reference countries that no appeal mentions (all of ISO 3166
    would cost requests and review time for nothing)."""
    from rdflib import RDF, URIRef

    from kg.store.public import is_pseudonym
    from kg.vocab import AKG

    graph = store.to_graph()  # type: ignore[attr-defined]
    appeal_graphs = [g for g in store.graph_names() if "/graph/appeal/" in g]  # type: ignore[attr-defined]
    used: set[URIRef] = set()
    for triple in store.to_graph(appeal_graphs):  # type: ignore[attr-defined]
        used.update(t for t in triple if isinstance(t, URIRef))
    for country in list(graph.subjects(RDF.type, AKG.Country)):
        if country not in used:
            graph.remove((country, None, None))
    for person in list(graph.subjects(RDF.type, AKG.Person)):
        if is_pseudonym(person):  # a pseudonym is no name to look up
            graph.remove((person, None, None))
    return graph


@cli.command(name="link-import", epilog=EXIT_CODES)
@click.argument("review_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--links",
    "links_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=LINKS_HELP,
)
def link_import(review_path: Path, links_dir: Path | None) -> None:
    """Import a reviewed candidate file: accepted rows become links, rejected rows are
    never proposed again. Run kg build afterwards.

    Example: kg link-import data/link-review.csv
    """
    from kg.link import import_review
    from kg.vocab import DATA_DIR

    links_dir = links_dir or DATA_DIR / "links"
    n = import_review(review_path, links_dir)
    click.echo(f"imported {n} decision(s) into {links_dir / 'reviewed.csv'}")


@cli.command(epilog=EXIT_CODES)
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--timeout", default=30.0, show_default=True, type=float, help="Query time limit (s)."
)
@click.option("--workers", default=4, show_default=True, type=int, help="Concurrent evaluations.")
@click.option(
    "--max-result-bytes", default=16 * 2**20, show_default=True, type=int, help="Answer size cap."
)
@click.option("--backlog", default=1024, show_default=True, type=int, help="Listen backlog.")
@click.option(
    "--max-pending", default=64, show_default=True, type=int, help="Queries waiting for a worker."
)
@click.option(
    "--max-connections", default=256, show_default=True, type=int, help="Open connections."
)
@click.option(
    "--slow-after", default=1.0, show_default=True, type=float, help="When a query is long (s)."
)
@click.option("--max-slow", default=2, show_default=True, type=int, help="Long queries at once.")
@click.option(
    "--worker-memory", default=2048, show_default=True, type=int, help="MiB per query (0: no cap)."
)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (loopback, with token).")
@click.option("--update-token", envvar="KG_UPDATE_TOKEN", help="Bearer token for updates.")
@click.option("--quiet", is_flag=True, help="No access log.")
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Serve restricted and confidential facts too (never on a public interface).",
)
def serve(
    store_path: Path,
    host: str,
    port: int,
    timeout: float,
    workers: int,
    max_result_bytes: int,
    backlog: int,
    max_pending: int,
    max_connections: int,
    slow_after: float,
    max_slow: int,
    worker_memory: int,
    allow_update: bool,
    update_token: str | None,
    quiet: bool,
    include_restricted: bool,
) -> None:
    """A SPARQL 1.1 endpoint over the public facts of the store, for YASGUI, SPARQLWrapper
    and curl. Queries run in worker processes, stopped at the time limit; SERVICE, LOAD and
    FROM outside the store are refused; see the README for the limits. A new build or
    takedown is served without a restart.

    \b
    Example:
      kg serve --port 7878   # then query http://127.0.0.1:7878/sparql
    """
    from kg.web import DatasetSource, Limits, Listen, ServeSettings, StoreWatch
    from kg.web import serve as serve_app
    from kg.web.server import is_loopback_host

    if include_restricted and not is_loopback_host(host):
        raise KgError(f"--include-restricted serves on loopback only, not on {host}")

    limits = Limits(
        timeout=timeout,
        workers=workers,
        max_result_bytes=max_result_bytes,
        max_pending=max_pending,
        slow_after=slow_after,
        max_slow=max_slow,
        worker_memory=worker_memory * 2**20,
    )
    limits.check()
    listen = Listen(host, port, backlog, max_connections, quiet)
    settings = ServeSettings(update_token=update_token if allow_update else None)
    # The public store by default, so no query can reach a restricted or confidential fact.
    store = _open_store(store_path, not include_restricted)
    serve_app(
        DatasetSource.from_store(store.oxigraph),
        listen,
        limits,
        settings,
        allow_update=allow_update,
        # Each new build or takedown is served without a restart (kg/web/watch.py).
        watch=StoreWatch(store_path, store.path or store_path, public=not include_restricted),
    )


# --- entry point -----------------------------------------------------------------------------


def main() -> None:
    """Console entry point."""
    cli.main()


if __name__ == "__main__":
    main()
