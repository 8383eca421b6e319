"""``kioskctl simulate camera``: drive a ``sim:`` document camera from another process.

Prints the ``camera`` URI to configure (``sim:?scene=…&control=FILE``), then writes each word
typed on standard input into the control file, which the terminal's simulated camera reads
before its next frame: a scene (``flat``, ``angled``, ``blurred``, ``glare``, ``empty``) puts
that picture under the camera; ``unplug`` and ``plug`` act out the cable. Until end of input or
Ctrl-C; the file is left with the last word, so a terminal started later begins there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

WORDS_OF_THE_CABLE = ("unplug", "plug")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``simulate camera``."""
    parser = sub.add_parser(
        "camera",
        help="a sim: document camera driven from stdin (a scene, unplug, plug per line)",
    )
    parser.add_argument(
        "--control",
        type=Path,
        required=True,
        help="the control file the terminal's sim: camera follows",
    )
    parser.add_argument("--scene", default="flat", help="the scene to start with (flat)")
    parser.add_argument("--folder", type=Path, help="pictures other than assets/camera/")
    parser.set_defaults(func=run)


def write_word(control: Path, word: str) -> None:
    """Replace the control file's word at once (the camera never reads half a word)."""
    control.parent.mkdir(parents=True, exist_ok=True)
    partial = control.with_name(control.name + ".new")
    partial.write_text(word + "\n", encoding="utf-8")
    os.replace(partial, control)


def run(args: argparse.Namespace) -> int:
    """Print the URI, then follow stdin until end of input."""
    from drivers.cameras.sim import DEFAULT_FOLDER

    folder: Path = args.folder or DEFAULT_FOLDER
    scenes = sorted(p.stem for p in folder.glob("*.jpg"))
    if args.scene not in scenes:
        print(f"no scene {args.scene!r} in {folder}; choose from {', '.join(scenes)}")
        return 2
    control = args.control.resolve()
    write_word(control, args.scene)
    uri = f"sim:?scene={args.scene}&control={control}"
    if args.folder:
        uri += f"&folder={folder.resolve()}"
    print(uri, flush=True)
    words = (*scenes, *WORDS_OF_THE_CABLE)
    try:
        for line in sys.stdin:
            word = line.strip()
            if not word:
                continue
            if word not in words:
                print(f"unknown {word!r}; type one of: {' '.join(words)}", flush=True)
                continue
            write_word(control, word)
            print(f"camera: {word}", flush=True)
    except KeyboardInterrupt:
        pass
    return 0
