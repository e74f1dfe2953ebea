"""The ``nnlab`` command: the GUI by default, headless sub-commands for scripts and batches.

    nnlab                                   start the GUI
    nnlab run FILE.toml --out DIR           run an experiment, write DIR/history.csv + summary.json
    nnlab run --preset NAME --out DIR       the same for a built-in experiment
    nnlab export FILE.toml --out DIR        train headless, write the lesson's figures
    nnlab presets                           list the built-in experiments
    nnlab lab                               start the network lab
    nnlab data fetch mnist                  download MNIST into the cache folder (once)
    nnlab data fetch mnist --from DIR       import MNIST's four .gz files from a folder
    nnlab data where                        print the cache folder and whether MNIST is in it
    nnlab --install-desktop-entry           put nnlab into the desktop's menu (Linux, BSD)
    nnlab --uninstall-desktop-entry         take it out again
    nnlab --quit-after SECONDS [lab ...]    close the window after SECONDS (checks, demos)
    nnlab self-check                        train a few epochs in the lab's training process
                                            (not listed by --help; for packaged builds)

Errors are one line on stderr, ``nnlab: error: ...``, never a traceback: exit code 2 for a bad
command line, experiment file or data file, an --out folder that cannot be made or written
(empty, a file, a symbolic link to nothing or a loop, no permission: checked before any
training), or files in --out that only --force may replace; 1 when writing the results fails
all the same, when the window has no display to open on, when ``data fetch`` cannot get or
check a file (or for an unexpected failure); 130 after Ctrl+C. Stopped by Ctrl+C or SIGTERM,
nothing half-written is left in or beside --out, nor in the data cache.
The GUI is imported only when it is started, so ``run`` and ``presets`` never load Qt.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
from typing import Callable, NoReturn, Sequence

import nnlab

PROG = "nnlab"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A bad command line; the message is one line."""


# What argparse takes for a negative number rather than an option (its own rule).
_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (and an exception, not an exit), so
    ``main`` can print it in the same form as every other error.

    An unknown option is named before any other problem: argparse reports it last, after
    whatever the option's value went on to spoil (``--bogus 50`` leaves ``50`` as FILE.toml,
    and argparse complains that FILE.toml and --preset do not go together)."""

    _has_commands = False
    _arguments: list[str] = []

    def add_subparsers(self, **kwargs):
        self._has_commands = True
        return super().add_subparsers(**kwargs)

    def parse_known_args(self, args=None, namespace=None):
        self._arguments = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        unknown = self._unknown_options()
        if unknown:
            message = f"unrecognized arguments: {' '.join(unknown)}"
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def _unknown_options(self) -> list[str]:
        """The arguments that look like options and are none of this parser's (also not an
        abbreviation of one); for the top level, only those before the command."""
        known = self._option_string_actions
        unknown = []
        for argument in self._arguments:
            if argument == "--":
                break
            if not argument.startswith("-") or argument == "-" or " " in argument \
                    or _NEGATIVE_NUMBER.match(argument):
                if self._has_commands:
                    break  # the command: what follows is the command's
                continue
            name = argument.split("=", 1)[0]
            if name in known or (name.startswith("--")
                                 and any(option.startswith(name) for option in known)):
                continue
            unknown.append(argument)
        return unknown


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="A desktop lab for teaching how neural networks learn. "
                    "Without a command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {nnlab.__version__}")
    parser.add_argument("--language", choices=("zh_CN", "zh_TW", "en"),
                        help="the window's language for this launch: zh_CN (简体中文), zh_TW "
                             "(繁體中文) or en (default: the one chosen in View › Language, else "
                             "the system's)")
    parser.add_argument("--lesson", metavar="NAME",
                        help="open the course at this lesson (see: nnlab lessons; default: "
                             "the lesson shown last)")
    parser.add_argument("--quit-after", type=_quit_after_seconds, metavar="SECONDS",
                        help="close the window after SECONDS, as if its user had closed it, "
                             "and exit (for checks and unattended demos)")
    desktop_entry = parser.add_mutually_exclusive_group()
    desktop_entry.add_argument(
        "--install-desktop-entry", dest="desktop_entry", action="store_const", const="install",
        help="put nnlab into the desktop's application menu (Linux, BSD): its entry, icon and "
             "metainfo into $XDG_DATA_HOME (default ~/.local/share), running this "
             "installation's nnlab")
    desktop_entry.add_argument(
        "--uninstall-desktop-entry", dest="desktop_entry", action="store_const",
        const="uninstall", help="remove the files --install-desktop-entry wrote")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = commands.add_parser(
        "run", help="run an experiment without the window and write its results",
        description="Train every run of an experiment (one per cost and start, or per value "
                    "of its [compare] table; identical start and data order) and write "
                    "DIR/history.csv and DIR/summary.json.",
    )
    _add_experiment_and_out(run, "folder for history.csv and summary.json (created if missing)")
    run.set_defaults(handler=_run)

    export = commands.add_parser(
        "export", help="write a lesson's figures without the window",
        description="Train a neuron experiment headless and write one figure per plot of the "
                    "one-neuron lesson, plus one of the whole dashboard, into DIR; or, with "
                    "--lesson, write the figures of that lesson as it opens (a lesson that "
                    "explains adds numbers.json, the numbers its page shows).",
    )
    export_source = _add_experiment_and_out(export, "folder for the figures (created if "
                                                    "missing)")
    export_source.add_argument("--lesson", dest="export_lesson", metavar="NAME",
                               help="a lesson of the course (see 'nnlab lessons'), with its "
                                    "defaults")
    export.add_argument("--format", choices=("png", "svg", "pdf"), default="png",
                        help="file format (default: png)")
    export.add_argument("--width", type=int, metavar="PIXELS",
                        help="width of PNG figures (default: 1920 for a plot, 16:9 for slides)")
    export.add_argument("--caption", action="store_true",
                        help="add a caption with the settings under each figure")
    export.add_argument("--projector", action="store_true",
                        help="draw with the projector theme (large fonts, thick lines)")
    export.add_argument("--epoch", metavar="N",
                        help="show epoch N in every figure, from 0 to the experiment's "
                             "epochs (default: the last)")
    export.add_argument("--language", dest="export_language", choices=("zh_CN", "zh_TW", "en"),
                        help="the figures' language (default: the window's)")
    export.set_defaults(handler=_export)

    lab = commands.add_parser(
        "lab", help="open the course at the network lab",
        description="Open the course at the network lab: multi-layer networks on real data, "
                    "runs that differ in one setting trained side by side.",
    )
    lab_source = lab.add_mutually_exclusive_group()
    lab_source.add_argument("experiment", nargs="?", metavar="FILE.toml",
                        help="a network experiment to open (default: the digits)")
    lab_source.add_argument("--preset", metavar="NAME",
                            help="a built-in network experiment (see: nnlab presets)")
    lab.set_defaults(handler=_lab)

    lessons = commands.add_parser("lessons", help="list the lessons of the course",
                                  description="List the lessons in teaching order: the name "
                                              "for --lesson, the title and what it shows.")
    lessons.set_defaults(handler=_lessons)

    presets = commands.add_parser("presets", help="list the built-in experiments",
                                  description="List the built-in experiments, one per line.")
    presets.set_defaults(handler=_presets)

    # Not listed in --help (no help=): it checks an installation, e.g. the smoke test of the
    # frozen build (packaging/pyinstaller), and teaches nothing.
    self_check = commands.add_parser(
        "self-check", description="Train a few epochs of a small network experiment in the "
                                  "lab's training process, as the window does, and say how "
                                  "long it took; exit code 1 if no epoch arrives.")
    self_check.set_defaults(handler=_self_check)

    data = commands.add_parser(
        "data", help="download MNIST into the cache folder, or import it from a folder",
        description="Data sets too large to ship with nnlab. MNIST (four files, 11.6 MB) is "
                    "fetched once into the user's cache folder, each file checked against "
                    "its published SHA-256; the lab and the mnist-... presets read it from "
                    "there.",
    )
    data_actions = data.add_subparsers(dest="data_action", metavar="ACTION", required=True,
                                       parser_class=_Parser)
    fetch = data_actions.add_parser(
        "fetch", help="download a data set into the cache folder (or import it with --from)",
        description="Download MNIST's four files into the cache folder (see 'nnlab data "
                    "where'), trying the known mirrors in turn. Files already there and "
                    "intact are not downloaded again; after a failure or Ctrl+C, what was "
                    "verified stays and a new fetch gets only the rest.",
    )
    fetch.add_argument("dataset", choices=("mnist",), help="the data set (mnist)")
    fetch_source = fetch.add_mutually_exclusive_group()
    fetch_source.add_argument("--mirror", action="append", metavar="URL",
                              help="download from this server only (an http or https address "
                                   "of a folder holding the four .gz files, e.g. a local "
                                   "mirror in the classroom); repeat it to try several in "
                                   "turn")
    fetch_source.add_argument("--from", dest="from_dir", metavar="DIR",
                              help="import the four .gz files from this folder (e.g. a USB "
                                   "stick) instead of downloading; checked the same way")
    fetch.set_defaults(handler=_data_fetch)
    where = data_actions.add_parser(
        "where", help="print the cache folder and whether MNIST is in it",
        description="Print the folder data sets are cached in (the environment variable "
                    "NNLAB_CACHE_DIR moves it) and which of MNIST's files it holds, checked.")
    where.set_defaults(handler=_data_where)
    return parser


def _add_experiment_and_out(command: argparse.ArgumentParser, out_help: str):
    """FILE.toml or --preset NAME, and --out DIR: what run and export both take. Returns
    the group of the first two (one of them is required)."""
    source = command.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE.toml", help="experiment file")
    source.add_argument("--preset", metavar="NAME", help="a built-in experiment (see 'nnlab presets')")
    command.add_argument("--out", required=True, metavar="DIR", help=out_help)
    command.add_argument("--force", action="store_true",
                         help="replace files of the same names already in DIR (without "
                              "it, nnlab refuses and writes nothing)")
    return source


def _experiment_and_out(args: argparse.Namespace, what: str):
    """The experiment FILE.toml or --preset names, after checking that --out can be written;
    a refusal of either is a UsageError (one line, exit code 2)."""
    from nnlab.core.experiment import ExperimentError, load_experiment
    from nnlab.core.presets import load_preset

    if args.out == "":  # os.path.abspath("") is the current folder: nobody means that
        raise UsageError("--out is empty: name a folder (--out . for the current one)")
    try:
        experiment = load_preset(args.preset) if args.preset else load_experiment(args.file)
    except ExperimentError as exc:
        raise UsageError(str(exc)) from None
    _out_dir_writable(args.out, what)
    return experiment


def _out_dir_writable(out: str, what: str) -> None:
    """A UsageError unless ``out`` can be written (or made)."""
    from nnlab.core.files import check_output_dir

    if out == "":  # os.path.abspath("") is the current folder: nobody means that
        raise UsageError("--out is empty: name a folder (--out . for the current one)")
    try:
        check_output_dir(out)
    except OSError as exc:
        raise UsageError(f"cannot write {what} to {out}: {exc.strerror or exc}") from None


def _refuse_existing(out: str, names: Sequence[str]) -> None:
    """Refuse (a UsageError) to replace any of the files ``names`` in ``out``: a figure or a
    result someone kept is overwritten only when asked with --force."""
    existing = [name for name in names if os.path.lexists(os.path.join(out, name))]
    if existing:
        raise UsageError(_existing_message(out, existing))


def _existing_message(out: str, names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"{os.path.join(out, names[0])} already exists (use --force to replace it)"
    return (f"{len(names)} files already exist in {out}: {', '.join(names)} "
            "(use --force to replace them)")


def _epoch(text: str | None, epochs: int) -> int | None:
    """The epoch --epoch names (None: the last), from 0 to ``epochs``; else a UsageError."""
    if text is None:
        return None
    if not re.fullmatch(r"[0-9]+", text.strip()) or int(text) > epochs:
        raise UsageError(f"--epoch {text}: must be a whole number from 0 to {epochs} "
                         "(the experiment's epochs)")
    return int(text)


def _say(text: str = "") -> None:
    print(text, flush=True)


def _error(message: str) -> None:
    # One line, whatever the message contains.
    print(f"{PROG}: error: {' '.join(str(message).split())}", file=sys.stderr, flush=True)


def _presets(args: argparse.Namespace) -> int:
    from nnlab.core.presets import list_presets

    entries = list_presets()
    width = max((len(name) for name, _ in entries), default=0)
    for name, description in entries:
        _say(f"{name:<{width}}  {description}")
    return EXIT_OK


MAX_QUIT_AFTER_SECONDS = 7 * 24 * 3600  # a week: longer than any demo


def _quit_after_seconds(text: str) -> float:
    """--quit-after's value: seconds, more than 0 and at most a week."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= MAX_QUIT_AFTER_SECONDS:  # NaN and inf fail this too
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected seconds, more than 0 and at most {MAX_QUIT_AFTER_SECONDS}")
    return seconds


SELF_CHECK_PRESET = "xor-2-8-2"
SELF_CHECK_EPOCHS = 3
SELF_CHECK_TIMEOUT_SECONDS = 60  # a cold start of a frozen build on a busy machine: seconds


def _self_check(args: argparse.Namespace) -> int:
    """Train SELF_CHECK_EPOCHS epochs of a small lab experiment in the lab's training process
    (the lab's session, its process started with "spawn": in a frozen build, the program
    started again), reading its rows on an event loop as the window does. QtCore only: no
    display is needed."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from nnlab.app.lab_session import LabSession
    from nnlab.core.presets import load_preset

    application = QCoreApplication.instance() or QCoreApplication([PROG])
    session = LabSession(load_preset(SELF_CHECK_PRESET), parent=application)
    session.set_speed(None)  # as fast as it can
    loop = QEventLoop()
    failures: list[str] = []

    def look() -> None:
        if session.latest_epoch >= SELF_CHECK_EPOCHS:
            loop.quit()

    def failed(cause) -> None:
        failures.append(str(cause))
        loop.quit()

    session.data_changed.connect(look)
    session.training_failed.connect(failed)
    deadline = QTimer(singleShot=True)
    deadline.timeout.connect(loop.quit)
    deadline.start(SELF_CHECK_TIMEOUT_SECONDS * 1000)
    started = time.perf_counter()
    session.run()
    loop.exec()
    seconds = time.perf_counter() - started
    deadline.stop()
    process = session.training_process
    pid = process.pid if process is not None else None
    epoch = session.latest_epoch
    session.shutdown()
    session.deleteLater()
    if failures:
        _error(failures[0])
        return EXIT_FAILURE
    if epoch < SELF_CHECK_EPOCHS:
        _error(f"the training process (pid {pid}) sent {epoch} of {SELF_CHECK_EPOCHS} epochs "
               f"of {SELF_CHECK_PRESET} within {SELF_CHECK_TIMEOUT_SECONDS} s")
        return EXIT_FAILURE
    _say(f"training process (pid {pid}): {epoch} epochs of {SELF_CHECK_PRESET} arrived "
         f"{_format_seconds(seconds)} after the start")
    return EXIT_OK


def _format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _run_line(run, regression: bool = False) -> str:
    """One line per run: name, status, the value that tells the lesson, time. A regression
    has no accuracy: its mean squared error (twice its quadratic cost) tells it."""
    from nnlab.core.costs import mse_of_quadratic_cost

    final = run.final
    if run.kind == "neuron":
        result = f"a = {final['a']:.4g}, cost = {final['cost']:.4g}"
    elif regression:
        result = f"train MSE {mse_of_quadratic_cost(final['train_cost']):.4g}"
        if final["test_cost"] == final["test_cost"]:  # not NaN: there is a test set
            result += f", test MSE {mse_of_quadratic_cost(final['test_cost']):.4g}"
    else:
        result = (f"train cost {final['train_cost']:.4g}, "
                  f"train accuracy {100 * final['train_accuracy']:.1f} %")
        if final["test_accuracy"] == final["test_accuracy"]:  # not NaN: there is a test set
            result += f", test accuracy {100 * final['test_accuracy']:.1f} %"
    line = (f"{run.name:<15} {run.status:<9} epoch {final['epoch']}: {result}; "
            f"{_format_seconds(run.train_seconds)}")
    if run.samples_per_second == run.samples_per_second and run.samples_per_second != float("inf"):
        line += f" ({run.samples_per_second:,.0f} samples/s)"
    if run.message:
        line += f" - {run.message}"
    return line


def _run(args: argparse.Namespace) -> int:
    from nnlab.core.datasets import DatasetError
    from nnlab.core.experiment import ExperimentError
    from nnlab.core.runner import HISTORY_FILE, SUMMARY_FILE, run_experiment, write_results

    # Everything that can be refused is checked before any training, and nothing is written
    # until all runs are done: a refused experiment leaves DIR untouched.
    experiment = _experiment_and_out(args, "results")
    if not args.force:
        _refuse_existing(args.out, (HISTORY_FILE, SUMMARY_FILE))
    try:
        regression = experiment.kind == "network" and experiment.data.is_regression
        result = run_experiment(experiment,
                                on_run_done=lambda run: _say(_run_line(run, regression)))
    except (ExperimentError, DatasetError) as exc:
        _error(exc)
        return EXIT_USAGE
    except OSError as exc:
        _error(f"cannot read data: {exc.strerror or exc}"
               + (f": {exc.filename}" if exc.filename else ""))
        return EXIT_USAGE
    try:
        history, summary = write_results(result, args.out)
    except OSError as exc:
        where = exc.filename or args.out
        _error(f"cannot write results to {args.out}: {exc.strerror or exc}"
               + (f" ({where})" if where != args.out else ""))
        return EXIT_FAILURE
    _say(f"wrote {history}")
    _say(f"wrote {summary}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.width is not None and not 100 <= args.width <= 16000:
        _error(f"--width {args.width}: must be from 100 to 16000 pixels")
        return EXIT_USAGE
    lesson = getattr(args, "export_lesson", None)
    if lesson is not None:
        lesson = _lesson_name(lesson)
        if args.epoch is not None:
            raise UsageError("--epoch goes with an experiment (FILE.toml or --preset); "
                             "--lesson exports the lesson as it opens")
        experiment = None
        _out_dir_writable(args.out, "figures")
    else:
        experiment = _experiment_and_out(args, "figures")
        epoch = _epoch(args.epoch, experiment.training.epochs)
    from nnlab.gui.export import ExportError  # Qt only from here on
    from nnlab.gui.shell.headless_export import ExistingFiles, export_figures, export_lesson

    language = getattr(args, "export_language", None)
    try:
        if experiment is None:
            written = export_lesson(lesson, args.out, args.format, width=args.width,
                                    caption=args.caption, projector=args.projector,
                                    overwrite=args.force, language=language)
        else:
            written = export_figures(experiment, args.out, args.format, width=args.width,
                                     caption=args.caption, projector=args.projector,
                                     epoch=epoch, overwrite=args.force, language=language)
    except ValueError as exc:  # a network experiment, or a lesson without figures (the lab)
        _error(exc)
        return EXIT_USAGE
    except ExistingFiles as exc:  # the names are the views': known once the window is built
        _error(_existing_message(args.out, [path.name for path in exc.paths]))
        return EXIT_USAGE
    except ExportError as exc:
        _error(exc)
        return EXIT_FAILURE
    except OSError as exc:
        _error(f"cannot write figures to {args.out}: {exc.strerror or exc}")
        return EXIT_FAILURE
    for path in written:
        _say(f"wrote {path}")
    return EXIT_OK


def _lab(args: argparse.Namespace) -> int:
    from nnlab.core.experiment import ExperimentError, load_experiment
    from nnlab.core.presets import load_preset

    experiment = None
    try:
        if args.preset is not None:
            experiment = load_preset(args.preset)
        elif args.experiment is not None:
            experiment = load_experiment(args.experiment)
    except (ExperimentError, KeyError, OSError) as exc:
        _error(exc)
        return EXIT_FAILURE
    if experiment is not None and experiment.kind != "network":
        _error(f"{experiment.source}: kind = \"{experiment.kind}\": the lab opens network "
               "experiments (open a neuron experiment with File › Open experiment, or "
               "nnlab --lesson neuron)")
        return EXIT_FAILURE
    return _launch_gui([], lesson="lab", experiment=experiment, language=args.language,
                       quit_after=args.quit_after)


def _mirror_url(url: str) -> str:
    """``url`` if it is an http(s) address (of the folder of the files); else a UsageError."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--mirror {url}: expected an http:// or https:// address of the "
                         "folder holding the files")
    return url


def _data_fetch(args: argparse.Namespace) -> int:
    from contextlib import closing

    from nnlab.core import mnist
    from nnlab.core.files import terminate_cleanly

    mirrors = [_mirror_url(url) for url in args.mirror] if args.mirror else None
    if args.from_dir is not None and not os.path.isdir(args.from_dir):
        raise UsageError(f"--from {args.from_dir}: not a folder")
    folder = mnist.default_cache_folder()
    report = _FetchReport(sys.stderr)
    # files= looked up now, not the default bound when fetch_mnist was defined: the tests
    # put small files in its place
    fetch = mnist.fetch_mnist(folder, mirrors=mirrors, source_dir=args.from_dir,
                              files=mnist.MNIST_FILES)
    try:
        # closing: Ctrl+C (or SIGTERM) between two pieces closes the fetch, which removes
        # the file it was writing
        with terminate_cleanly(), closing(fetch):
            for progress in fetch:
                report.show(progress)
    except mnist.FetchError as exc:
        report.end_line()
        _error(exc)
        return EXIT_FAILURE
    finally:
        report.end_line()
    _say(f"MNIST is in {folder}")
    presets = _mnist_presets()
    _say("The lab can use it now (MNIST in its data list)"
         + (f", and so can --preset {' / '.join(presets)}" if presets else "") + ".")
    return EXIT_OK


def _mnist_presets() -> list[str]:
    """The built-in experiments on the full MNIST (by their names: mnist-..., not mnist-5k-...)."""
    from nnlab.core.presets import preset_names

    return [name for name in preset_names()
            if name.startswith("mnist-") and not name.startswith("mnist-5k")]


def _data_where(args: argparse.Namespace) -> int:
    from nnlab.core import mnist

    folder = mnist.default_cache_folder()
    missing = mnist.missing_files(folder, mnist.MNIST_FILES)
    _say(f"cache folder: {folder}")
    if not missing:
        _say(f"MNIST: complete ({len(mnist.MNIST_FILES)} files, checked)")
    elif len(missing) == len(mnist.MNIST_FILES):
        _say("MNIST: not there (get it with: nnlab data fetch mnist)")
    else:
        _say(f"MNIST: {len(mnist.MNIST_FILES) - len(missing)} of {len(mnist.MNIST_FILES)} "
             f"files; missing {', '.join(file.name for file in missing)} "
             "(nnlab data fetch mnist gets only those)")
    return EXIT_OK


class _FetchReport:
    """The progress of a fetch on ``stream``: on a terminal, one line per file that counts up
    (percent, megabytes, time left); elsewhere (a log, a pipe), plain lines: where each file
    comes from and when it is checked."""

    INTERVAL_SECONDS = 0.1  # a terminal line is redrawn at most this often

    def __init__(self, stream) -> None:
        from nnlab.core.pace import Pace

        self.stream = stream
        self.terminal = stream.isatty()
        # ten seconds of a download's pace, watched for one before it is said
        self.remaining = Pace(window_seconds=10.0, settle_seconds=1.0)
        self.source: str | None = None
        self.open_line = False
        self.drawn_at = float("-inf")

    def show(self, progress) -> None:
        import time

        now = time.monotonic()
        self.remaining.add(now, progress.done)
        left = self.remaining.seconds_left(progress.total)
        if progress.cached:
            self._line(f"{progress.file}: already in the cache, checked")
        elif progress.verified:  # replaces the line that counted up
            self._line(f"{progress.file}: {progress.file_total:,} bytes, SHA-256 checked")
        elif progress.source != self.source or progress.file_done == 0:
            self.end_line()
            self.source = progress.source
            if not self.terminal:
                self._line(f"{progress.file}: fetching from {progress.source}")
        elif self.terminal and (now - self.drawn_at >= self.INTERVAL_SECONDS
                                or progress.file_done == progress.file_total):
            self._draw(progress, left)
            self.drawn_at = now

    def _draw(self, progress, left: float | None) -> None:
        percent = 100 * progress.file_done // max(progress.file_total, 1)
        text = (f"\r{progress.file}: {percent:3d} %  {progress.done / 1e6:.1f} of "
                f"{progress.total / 1e6:.1f} MB")
        if left is not None:
            text += f", about {_format_duration(left)} left"
        self.stream.write(text + "\x1b[K")  # erase what a longer line left
        self.stream.flush()
        self.open_line = True

    def _line(self, text: str) -> None:
        if self.open_line:
            self.stream.write("\r\x1b[K")
            self.open_line = False
        print(text, file=self.stream, flush=True)

    def end_line(self) -> None:
        if self.open_line:
            print(file=self.stream, flush=True)
            self.open_line = False


def _format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(round(seconds), 1)} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def _desktop_entry(args: argparse.Namespace) -> int:
    from nnlab import desktop_entry  # the standard library only: no Qt

    option = f"--{args.desktop_entry}-desktop-entry"
    if args.command is not None or args.lesson is not None or args.language is not None:
        raise UsageError(f"{option} goes alone: it opens no window and runs no command")
    try:
        if args.desktop_entry == "install":
            lines = desktop_entry.install()
        else:
            lines = desktop_entry.uninstall()
    except desktop_entry.NotFreedesktop as exc:
        _error(exc)
        return EXIT_USAGE
    except desktop_entry.DesktopEntryError as exc:
        _error(exc)
        return EXIT_FAILURE
    for line in lines:
        _say(line)
    return EXIT_OK


def _lessons(args: argparse.Namespace) -> int:
    from nnlab.gui.lessons import LESSONS  # QtCore (for the texts' translations), no display

    width = max(len(lesson.name) for lesson in LESSONS)
    for lesson in LESSONS:
        _say(f"{lesson.name:<{width}}  {lesson.title} — {lesson.description}")
    return EXIT_OK


def _lesson_name(name: str | None) -> str | None:
    """``name`` if a lesson has it (None stays None); else a usage error listing them."""
    if name is None:
        return None
    from nnlab.gui.lessons import LESSONS

    names = [lesson.name for lesson in LESSONS]
    if name not in names:
        raise UsageError(f"argument --lesson: unknown lesson {name!r} "
                         f"(choose from: {', '.join(names)})")
    return name


NO_DISPLAY_HELP = ("start nnlab in a desktop session, or on a machine without a screen "
                   "with 'xvfb-run nnlab' (the commands run, export and presets need no "
                   "display)")


def _display_problem(argv: Sequence[str]) -> str | None:
    """Why the window cannot open here, or None. Without a display, Qt's xcb platform ends
    the interpreter (an abort, exit code 134) with a misleading message about missing
    libraries, so the GUI commands look before Qt does. A platform chosen explicitly
    (QT_QPA_PLATFORM, -platform: offscreen, vnc, ...) is the user's call and not checked."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM") \
            or any(arg in ("-platform", "--platform") for arg in argv):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        return f"no display found (DISPLAY and WAYLAND_DISPLAY are not set): {NO_DISPLAY_HELP}"
    if not _x_server_reachable():
        return f"cannot connect to the display DISPLAY={display}: {NO_DISPLAY_HELP}"
    return None


def _x_server_reachable() -> bool:
    """Connect to $DISPLAY as Qt's xcb platform will (libxcb, with the same authorisation)
    and hang up. Without libxcb, Qt cannot open a window on X either: say yes, and let Qt
    name the missing library."""
    import ctypes
    import ctypes.util

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        try:
            xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so")
        except OSError:
            return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    connection = xcb.xcb_connect(None, None)  # never NULL: a failed one carries its error
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def _launch_gui(argv: Sequence[str], lesson: str | None = None, experiment=None,
                language: str | None = None, quit_after: float | None = None) -> int:
    problem = _display_problem(argv)
    if problem:
        _error(problem)
        return EXIT_FAILURE
    from nnlab.gui.app import launch  # Qt only when the window is wanted

    # quit_after only when given: a launch without it is called as it always was
    timer = {} if quit_after is None else {"quit_after": quit_after}
    return launch(list(argv), lesson=lesson, experiment=experiment, language=language,
                  **timer)


def _wants_gui(argv: Sequence[str]) -> bool:
    """No sub-command: nothing at all, or Qt's own single-dash options (``-platform offscreen``,
    ``-style fusion``, ...), which the GUI passes on to Qt. A double-dash option is nnlab's, so
    a mistyped ``--versoin`` is an error rather than a window."""
    if not argv:
        return True
    first = argv[0]
    return first.startswith("-") and not first.startswith("--") and first != "-h"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nnlab`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit
    code instead of exiting, so tests can call it."""
    # in a frozen build the training process is this program started again: it trains here
    # and never reaches the parser (a no-op otherwise)
    multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    try:
        if _wants_gui(argv):
            return _launch_gui(argv)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version print and "exit" 0
            return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
        lesson = _lesson_name(args.lesson)
        if args.desktop_entry is not None:
            return _desktop_entry(args)
        if args.command is None:
            return _launch_gui([], lesson=lesson, language=args.language,
                               quit_after=args.quit_after)
        if args.quit_after is not None and args.command != "lab":
            raise UsageError(f"--quit-after closes the window; '{args.command}' opens none")
        if args.language is not None and args.command != "lab":
            raise UsageError(f"--language chooses the window's language; "
                             f"'{args.command}' opens no window")
        if lesson is not None:
            raise UsageError(f"--lesson chooses the lesson the window opens at; "
                             f"'{args.command}' opens no window")
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except UsageError as exc:
        _error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # e.g. "nnlab presets | head -1": the reader left; not worth a message. Point stdout
        # at devnull so the interpreter's final flush does not complain either (the recipe of
        # the Python docs, "Note on SIGPIPE").
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one line, but say what kind, for the bug report
        if os.environ.get("NNLAB_TRACEBACK"):
            raise
        _error(f"unexpected {type(exc).__name__}: {exc} (set NNLAB_TRACEBACK=1 to see where)")
        return EXIT_FAILURE
