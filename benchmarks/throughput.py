"""Speed, scaling and memory of scrutinykit, measured side by side in one run.

Run from the repository root::

    python -m benchmarks.throughput            # the full table (about a minute)
    python -m benchmarks.throughput --quick    # smaller sizes, fewer repeats
    python -m benchmarks.throughput --pdf      # the PDF section alone
    python -m benchmarks.throughput --json-load  # the JSON-load figure alone
    python -m benchmarks.throughput --memory   # the peak-memory section alone

Every figure is the median of repeated runs (``--repeats``).  Throughput is
megabytes of source text (UTF-8) per second on one core, end to end
(text → model → JSON, ``dumps(parse(text))``, the figure the targets
are set on) and, beside it, text → model alone (``parse``, its own
``x parse``).  Three floors are
measured on the same inputs in the same run: Lark's LALR parse alone (the
library's lexer and parser over the text as normalised and laid out, what a
Lark-based parser pays: ``x parse`` is end to end over it), Lark's lexer
alone over the same grammar, and one ``re.split`` of the text on blank lines
(what reading the text at all costs).  Cold start and peak
memory are measured in fresh interpreters.

The PDF section (``pdf``) is PDF → model in pages per second on one core,
``parse_file`` end to end, over the real PDFs of ``../shared/realdocs`` (when
present) and over generated ones (fpdf2, when installed): the median over
repeats of wall time and of the process's CPU time (steadier on a shared
machine), beside the engine's floor (PDFium opening the file and giving
each page's text, nothing else) and the share of the time spent making the
rendering (``render_pdf``) rather than parsing it.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import gc
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from lark import Lark
from lark.lexer import Lexer, LexerThread

import scrutinykit as sk
from scrutinykit.io.batch import parse_many
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "docs"
REALDOCS = ROOT.parent / "shared" / "realdocs" / "docs"
MB = 1_000_000


def _median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _texts(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def _build(texts: list[str], size: int) -> str:
    """One long document of about ``size`` bytes made by repeating ``texts``."""
    out: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            out.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(out)


def _end_to_end(texts: list[str]) -> None:
    for text in texts:
        with contextlib.suppress(sk.NotMinutesError):
            sk.dumps(sk.parse(text))


def _model_only(texts: list[str]) -> None:
    """Text to model, without the JSON: ``parse`` alone."""
    for text in texts:
        with contextlib.suppress(sk.NotMinutesError):
            sk.parse(text)


_BASIC: list[Lexer] = []


def _lex_only(texts: list[str]) -> None:
    """Lark's lexer alone over the same grammar (built once, as the parser's is)."""
    if not _BASIC:
        lark = Lark.open(str(grammar_dir() / GRAMMAR_FILE), parser="lalr", lexer="basic")
        _BASIC.append(lark._build_lexer())
    lexer = _BASIC[0]
    for text in texts:
        for _ in LexerThread.from_text(lexer, normalise(text).text).lex(None):
            pass


def _parse_input(texts: list[str]) -> list[str]:
    """The texts as the parser is given them (normalised, laid out), made once outside the timing."""
    from scrutinykit.layout.lines import layout
    from scrutinykit.parsing.loader import load_parser

    terminals = load_parser().terminals
    return [layout(normalise(text), terminals).text for text in texts]


def _parse_only(prepared: list[str]) -> None:
    """Lark's LALR parse alone (lexer and parser, the library's own) over the prepared texts."""
    from scrutinykit.parsing.loader import load_parser

    parse = load_parser().parse
    for text in prepared:
        with contextlib.suppress(Exception):  # a text the grammar refuses is refused by parse too
            parse(text)


def _split_only(texts: list[str]) -> None:
    for text in texts:
        re.split(r"\n\s*\n", text)


def throughput_rows(corpora: dict[str, list[str]], repeats: int) -> list[dict[str, object]]:
    """End-to-end MB/s and the ratios to the three floors, per corpus."""
    rows = []
    for name, texts in corpora.items():
        size = _mb(texts)
        prepared = _parse_input(texts)
        full = _median_seconds(lambda t=texts: _end_to_end(t), repeats)  # type: ignore[misc]
        model = _median_seconds(lambda t=texts: _model_only(t), repeats)  # type: ignore[misc]
        parse = _median_seconds(lambda p=prepared: _parse_only(p), repeats)  # type: ignore[misc]
        lex = _median_seconds(lambda t=texts: _lex_only(t), repeats)  # type: ignore[misc]
        split = _median_seconds(lambda t=texts: _split_only(t), repeats)  # type: ignore[misc]
        rows.append(
            {
                "input": name,
                "MB": round(size, 3),
                "end_to_end_MB_s": round(size / full, 2),
                "lark_parse_MB_s": round(size / parse, 2),
                "x_lark_parse": round(full / parse, 2),
                "model_only_MB_s": round(size / model, 2),
                "model_only_x_lark_parse": round(model / parse, 2),
                "lexer_MB_s": round(size / lex, 2),
                "x_lexer": round(full / lex, 2),
                "x_re_split": round(full / split, 1),
            }
        )
    return rows


def scaling_exponent(seed_texts: list[str], sizes: list[int], repeats: int) -> dict[str, float]:
    """The k in time ∝ size^k, for one long document and for many documents."""
    out: dict[str, float] = {}
    for shape in ("one long document", "many documents"):
        xs, ys = [], []
        for size in sizes:
            if shape == "one long document":
                texts = [_build(seed_texts, size)]
            else:
                texts = []
                total = 0
                while total < size:
                    for t in seed_texts:
                        texts.append(t)
                        total += len(t)
            seconds = _median_seconds(lambda t=texts: _end_to_end(t), repeats)  # type: ignore[misc]
            xs.append(math.log(_mb(texts)))
            ys.append(math.log(seconds))
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        k = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
        out[shape] = round(k, 3)
    return out


# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
_PEAK = (
    "; print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
)


def _bytecode_env() -> dict[str, str]:
    """This environment with bytecode writing allowed, as an installed wheel has its bytecode.

    Without bytecode a child compiles every module it imports, the built
    parser module's tables among them: tens of milliseconds and megabytes
    that no installed copy pays.
    """
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _child(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, as the child reports it) of a fresh interpreter."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code + _PEAK, *args],
        check=True,
        capture_output=True,
        text=True,
        env=env or _bytecode_env(),
    )
    wall = time.perf_counter() - start
    return wall, int(done.stdout.split()[-1]) / 1000


def cold_start(repeats: int) -> dict[str, float]:
    """Median wall time of import + first parse of a seed in a fresh interpreter.

    As on a machine where scrutinykit has been installed and has run before:
    the bytecode written (as an installed wheel has it; PYTHONDONTWRITEBYTECODE
    is lifted for the children) and the compiled-pattern file written at
    install read.  Measured three ways, the runs interleaved: as installed,
    with nothing written by the library (``s``); with the opt-in pattern
    folder (``SCRUTINYKIT_PATTERN_CACHE=DIR``) filled by one run first; and
    with the pattern store off altogether (``SCRUTINYKIT_PATTERN_CACHE=0``,
    every pattern compiled, the proceedings vocabulary read through Lark),
    close to a first run of a wheel built by another Python build.
    """
    code = "import sys, scrutinykit; scrutinykit.parse_file(sys.argv[1])"
    env = {k: v for k, v in _bytecode_env().items() if k != "SCRUTINYKIT_PATTERN_CACHE"}
    with tempfile.TemporaryDirectory() as folder:
        variants = {
            "s": env,
            "s_opt_in_store": {**env, "SCRUTINYKIT_PATTERN_CACHE": folder},
            "s_pattern_store_off": {**env, "SCRUTINYKIT_PATTERN_CACHE": "0"},
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for variant in variants.values():
            _child(code, str(SEEDS[2]), env=variant)  # writes bytecode and the opt-in store
        for _ in range(repeats):
            for name, variant in variants.items():
                times[name].append(_child(code, str(SEEDS[2]), env=variant)[0])
    return {name: round(statistics.median(values), 3) for name, values in times.items()}


def peak_memory_per_mb(text_path: Path) -> dict[str, float]:
    """Peak RSS per MB of input, in fresh interpreters, over a warm start.

    Every interpreter first parses and dumps a seed, so that every module the
    pipeline imports (lazily) and the parser's tables are loaded; the
    difference from that warm start is what the document itself costs.
    Three ways end to end: parse only; parse and ``dumps`` (the JSON as one
    string in memory, about three times the input); parse and ``dump`` to
    a file (the JSON written as it is made, as ``scrutinykit parse --out``
    does).

    Beside them, the floor: what the returned document holds (its source
    string and the model), counted with :mod:`tracemalloc` once the parse
    is over. No parse that returns the document can peak below it.
    """
    warm = f"import sys, scrutinykit; scrutinykit.dumps(scrutinykit.parse_file({str(SEEDS[0])!r}))"
    size = text_path.stat().st_size / MB
    _child(warm, str(text_path))  # writes the bytecode
    _, idle = _child(warm + "; sys.argv[1]", str(text_path))
    out: dict[str, float] = {"input_MB": round(size, 2), "warm_start_MB": round(idle, 1)}
    variants = {
        "parse": "; d = scrutinykit.parse_file(sys.argv[1])",
        "parse_dumps": "; d = scrutinykit.parse_file(sys.argv[1]); scrutinykit.dumps(d)",
        "parse_dump_to_file": (
            "; d = scrutinykit.parse_file(sys.argv[1])"
            "; f = open(sys.argv[1] + '.json', 'w', encoding='utf-8'); scrutinykit.dump(d, f); f.close()"
        ),
    }
    try:
        for name, code in variants.items():
            peaks = [_child(warm + code, str(text_path))[1] for _ in range(3)]
            out[f"{name}_MB_per_MB"] = round((statistics.median(peaks) - idle) / size, 2)
    finally:
        Path(str(text_path) + ".json").unlink(missing_ok=True)
    held = (
        "; import gc, tracemalloc; tracemalloc.start(); d = scrutinykit.parse_file(sys.argv[1]); gc.collect()"
        "; print(tracemalloc.get_traced_memory()[0])"
    )
    done = subprocess.run(
        [sys.executable, "-c", warm + held, str(text_path)],
        check=True,
        capture_output=True,
        text=True,
        env=_bytecode_env(),
    )
    out["document_held_MB_per_MB"] = round(int(done.stdout.split()[-1]) / MB / size, 2)
    return out


def document_by_kind(text: str) -> dict[str, float]:
    """MB per MB of input that a parsed document holds, by kind of object.

    Every object reachable from the document through its attrs fields and
    tuples is counted once, at ``sys.getsizeof``: the source string, the
    other strings (node texts, names), spans with the offsets they hold,
    and the rest (nodes, tuples, enums' values, dates and decimals).
    """
    doc = sk.parse(text)
    size = len(text.encode("utf-8")) / MB
    seen: set[int] = set()
    kinds = {"source": 0, "other strings": 0, "spans and offsets": 0, "the rest": 0}
    stack: list[object] = [doc]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (enum.Enum, type(None), bool)):
            continue
        seen.add(id(obj))
        if obj is doc.source:
            kinds["source"] += sys.getsizeof(obj)
        elif isinstance(obj, str):
            kinds["other strings"] += sys.getsizeof(obj)
        elif isinstance(obj, sk.Span):
            kinds["spans and offsets"] += sys.getsizeof(obj) + sum(
                sys.getsizeof(v) for v in (obj.start, obj.end) if v > 256  # small ints are shared
            )
        else:
            kinds["the rest"] += sys.getsizeof(obj)
            if attrs.has(type(obj)):
                stack.extend(getattr(obj, a.name) for a in attrs.fields(type(obj)))
            elif isinstance(obj, (tuple, list)):
                stack.extend(obj)
    return {name: round(b / MB / size, 2) for name, b in kinds.items()}


def _peak_memory(seeds: list[str]) -> dict[str, object]:
    """The peak-memory figures of the 1 MB document built from the seeds, and what it holds by kind."""
    text = _build(seeds, MB)
    big = ROOT / ".benchmark-1mb.txt"
    big.write_text(text, encoding="utf-8")
    try:
        figures: dict[str, object] = {**peak_memory_per_mb(big)}
    finally:
        big.unlink()
    figures["document_by_kind_MB_per_MB"] = document_by_kind(text)
    return figures


def json_load_speed(texts: list[str], repeats: int) -> dict[str, float]:
    """MB of source text per second turned back into the model from JSON, and the floors.

    The floors are the standard library's ``json.loads`` alone and
    ``orjson.loads`` alone on the same JSON (``loads`` reads with orjson when
    it is installed, the ``json`` extra): no loader that reads the JSON text
    with one of them can be quicker.  The three are timed in turn, round by
    round; ``x_json_loads`` is the median of the rounds' ratios of ``loads``
    to ``json.loads`` alone (1.0: as quick as the standard library reads).
    """
    dumped = [sk.dumps(sk.parse(t)) for t in texts]
    paths: dict[str, Callable[[], object]] = {
        "MB_s": lambda: [sk.loads(d) for d in dumped],
        "json_loads_alone_MB_s": lambda: [json.loads(d) for d in dumped],
    }
    try:
        import orjson
    except ImportError:  # then the figure is left out
        pass
    else:
        paths["orjson_loads_alone_MB_s"] = lambda: [orjson.loads(d) for d in dumped]
    times: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(repeats):
        for name, fn in paths.items():
            gc.collect()  # each starts with the young generations empty
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    size = _mb(texts)
    out = {name: round(size / statistics.median(t), 1) for name, t in times.items()}
    ratios = [floor / own for own, floor in zip(times["MB_s"], times["json_loads_alone_MB_s"])]
    out["x_json_loads"] = round(statistics.median(ratios), 2)
    return out


def batch_speedup(texts: list[str], repeats: int, chunksizes: Sequence[int] = ()) -> dict[str, float]:
    """Time on 1 worker over time on 2 workers, for the same documents.

    Twice: documents back in the parent (``parse_many``), and each document's
    JSON written by its worker (``parse_many(as_json=True)``, what
    ``scrutinykit parse --jobs N --out FILE`` does), both with the library's
    default chunk size and time limit (supervised workers).  One worker runs
    in this process (``timeout=None``) and does the same work: parse, and
    dump for the JSON figure.  For each of ``chunksizes``
    the JSON figure once more with that many documents sent at a time
    (``json_chunksize_N``), to compare chunk sizes in one run.
    """
    out: dict[str, float] = {}
    runs: list[tuple[str, bool, int | None]] = [("documents", False, None), ("json", True, None)]
    runs += [(f"json_chunksize_{size}", True, size) for size in chunksizes]
    one_seconds: dict[bool, float] = {}
    for name, as_json, size in runs:

        def one(j: bool = as_json) -> object:
            # In this process: no worker to watch, no time limit.
            return list(parse_many(texts=texts, workers=1, as_json=j, timeout=None))  # type: ignore[call-overload]

        def two(j: bool = as_json, c: int | None = size) -> object:
            chunks = {} if c is None else {"chunksize": c}
            return list(parse_many(texts=texts, workers=2, as_json=j, **chunks))  # type: ignore[call-overload]

        if as_json not in one_seconds:
            one_seconds[as_json] = _median_seconds(one, repeats)
        out[name] = round(one_seconds[as_json] / _median_seconds(two, repeats), 2)
    return out


def pdf_sets() -> dict[str, list[bytes]]:
    """The PDFs the PDF figures are measured on, by set: the real ones (when present), the generated ones."""
    sets: dict[str, list[bytes]] = {}
    real = sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []
    if real:
        sets["real PDFs"] = [p.read_bytes() for p in real]
    generated = _generated_pdfs()
    if generated:
        sets["generated PDFs"] = generated
    return sets


def _generated_pdfs() -> list[bytes]:
    """Invented minutes as PDFs (fpdf2): ten pages each, running header, page numbers, lists, columns."""
    try:
        from tests.pdfgen import PAGE_BREAK, Piece, Wrapped, minutes_pdf
    except ImportError:  # fpdf2 is not installed
        return []
    out = []
    for variant in range(3):
        body: list[Piece] = [
            f"Minutes of the meeting of the Environment Scrutiny Panel held on {variant + 3} March 2025",
            "Present:",
            ("Councillor Petra Quillfeather (Chair)", "Councillor Osman Trelawney"),
            ("Councillor Ruth Abernethy", "Councillor Idris Moffatt"),
        ]
        for page in range(10):
            if page:
                body.append(PAGE_BREAK)
            for n in range(3):
                number = page * 3 + n + 1
                body.append(f"E{number}/25 Item number {number} (agenda item {number})")
                body.append(
                    Wrapped(
                        "The Head of Service introduced the report and answered questions from Members"
                        " on the budget, the timetable and the consultation with residents, and said"
                        f" that a further report would follow in month {number}."
                    )
                )
                body.append("RESOLVED that:")
                body.append(["1. The report be noted;", "2. The Panel receive an update in six months."])
        out.append(minutes_pdf(body, running_header="Fernhollow Town Council - Environment Scrutiny Panel"))
    return out


def _cpu_and_wall(fns: Sequence[Callable[[], object]], repeats: int) -> list[tuple[float, float]]:
    """For each of ``fns``: median CPU seconds (this process) and median wall seconds.

    The functions take turns within each repeat, so that their ratios hold
    when the machine's load changes during the run.
    """
    cpu: list[list[float]] = [[] for _ in fns]
    wall: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for n, fn in enumerate(fns):
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            fn()
            cpu[n].append(time.process_time() - start_cpu)
            wall[n].append(time.perf_counter() - start_wall)
    return [(statistics.median(c), statistics.median(w)) for c, w in zip(cpu, wall)]


def pdf_speed(repeats: int) -> dict[str, dict[str, float]]:
    """Pages per second of PDF → model (``parse_file``), per set of PDFs, with the engine's floor."""
    import tempfile

    import pypdfium2

    sets = pdf_sets()
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, datas in sets.items():
            paths = []
            for n, data in enumerate(datas):
                path = Path(folder) / f"{name.split()[0]}-{n}.pdf"
                path.write_bytes(data)
                paths.append(path)
            pages = sum(len(pypdfium2.PdfDocument(d)) for d in datas)

            def parse_all(paths: list[Path] = paths) -> None:
                for path in paths:
                    with contextlib.suppress(sk.ScrutinyKitError):
                        sk.parse_file(path)

            def engine_only(datas: list[bytes] = datas) -> None:
                for data in datas:
                    document = pypdfium2.PdfDocument(data)
                    for page in document:
                        textpage = page.get_textpage()
                        textpage.get_text_range()
                        textpage.close()
                        page.close()
                    document.close()

            def render_only(datas: list[bytes] = datas) -> None:
                from scrutinykit.sources.pdf import render_pdf

                for data in datas:
                    render_pdf(data)

            parse_all()  # warm: the parser built, the engine loaded
            (cpu, wall), (floor_cpu, _), (render_cpu, _) = _cpu_and_wall(
                [parse_all, engine_only, render_only], repeats
            )
            out[name] = {
                "files": len(datas),
                "pages": pages,
                "pages_s_cpu": round(pages / cpu, 1),
                "pages_s_wall": round(pages / wall, 1),
                "engine_floor_pages_s_cpu": round(pages / floor_cpu, 1),
                "rendering_share": round(render_cpu / cpu, 2),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print a table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats")
    ap.add_argument("--repeats", type=int, default=None)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--pdf", action="store_true", help="only the PDF section")
    ap.add_argument("--json-load", action="store_true", help="only the JSON-load figure")
    ap.add_argument("--memory", action="store_true", help="only the peak-memory section (1 MB document)")
    ap.add_argument(
        "--batch-chunks",
        default="",
        metavar="N,N",
        help="also the 2-worker JSON speed-up with each of these chunk sizes (e.g. 4,16)",
    )
    args = ap.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 5)
    if args.pdf:
        pdf = pdf_speed(max(repeats, 5))
        print(json.dumps(pdf, indent=1) if args.json else "\n".join(f"{k}: {v}" for k, v in pdf.items()))
        return 0
    seeds = _texts(SEEDS)
    if args.json_load:
        figure = json_load_speed(seeds * 20, repeats)
        print(json.dumps(figure, indent=1) if args.json else f"json_load: {figure}")
        return 0
    if args.memory:
        memory = _peak_memory(seeds)
        lines = (f"{k}: {v}" for k, v in memory.items())
        print(json.dumps(memory, indent=1) if args.json else "\n".join(lines))
        return 0
    corpora: dict[str, list[str]] = {"seeds": seeds}
    dev = sorted(DEVCORPUS.glob("*.txt")) if DEVCORPUS.is_dir() else []
    if dev:
        corpora["devcorpus"] = _texts(dev)
    corpora["1 MB document"] = [_build(seeds, MB)]
    if not args.quick:
        corpora["10 MB document"] = [_build(seeds, 10 * MB)]
    sizes = [10_000, 100_000, 1 * MB] + ([] if args.quick else [10 * MB])

    figures: dict[str, object] = {"throughput": throughput_rows(corpora, repeats)}
    figures["scaling_exponent"] = scaling_exponent(seeds, sizes, max(1, repeats - 2))
    figures["peak_memory"] = _peak_memory(seeds)
    figures["cold_start"] = cold_start(max(repeats, 7))
    figures["json_load"] = json_load_speed(seeds * 20, repeats)
    chunks = [int(n) for n in args.batch_chunks.split(",") if n.strip()]
    figures["batch_speedup_2_workers"] = batch_speedup(seeds * 50, max(1, repeats - 2), chunks)
    figures["pdf"] = pdf_speed(repeats)

    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(
        f"{'input':<16} {'MB':>7} {'MB/s':>7} {'parse MB/s':>11} {'x parse':>8}"
        f" {'model MB/s':>11} {'x parse':>8} {'lexer MB/s':>11} {'x lexer':>8} {'x re.split':>11}"
    )
    for row in figures["throughput"]:  # type: ignore[attr-defined]
        print(
            f"{row['input']:<16} {row['MB']:>7} {row['end_to_end_MB_s']:>7} {row['lark_parse_MB_s']:>11}"
            f" {row['x_lark_parse']:>8} {row['model_only_MB_s']:>11} {row['model_only_x_lark_parse']:>8}"
            f" {row['lexer_MB_s']:>11} {row['x_lexer']:>8} {row['x_re_split']:>11}"
        )
    keys = ("scaling_exponent", "peak_memory", "cold_start", "json_load", "batch_speedup_2_workers", "pdf")
    for key in keys:
        print(f"{key}: {figures[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
