"""What the process that reads files for the import dialog runs (``ui/counsel/import_reader``).

It first loads the Korean analyzer and runs it once (about 3 s of CPU, which a PDF's line joins
need and a user choosing files does not wait for), then reads each path it is sent: through its
end of the pipe go ``("progress", done, total)`` as the reader goes, then ``("done", text,
left_out)`` with the preview's text and what the reader left out on purpose (kind, text), or
``("failed", message)`` in the UI's language, which it is given. ``None`` ends it.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from pathlib import Path

from desktop.importing.blocks import LeftOut
from desktop.importing.errors import ImportFailed
from desktop.importing.readers import read_document
from desktop.importing.split import render_document, split_document
from desktop.messages import say, set_language
from desktop.writing import korean


def serve(pipe: Connection, lang: str) -> None:
    """Read each path ``pipe`` sends until it sends None (messages in ``lang``)."""
    set_language(lang)
    kiwi = korean.load()
    if kiwi is not None:
        kiwi.analyze("가")  # its first analysis sets it up: seconds, better spent now
    while (path := pipe.recv()) is not None:
        read_into(path, pipe)
    pipe.close()


def read_into(path: Path, pipe: Connection) -> None:
    """Read ``path`` for the preview, telling ``pipe`` how it goes."""
    left_out: LeftOut = []

    def progress(done: int, total: int) -> None:
        pipe.send(("progress", done, total))

    try:
        text = render_document(split_document(read_document(path, progress, left_out)))
    except ImportFailed as exc:
        pipe.send(("failed", str(exc)))
    except Exception as exc:  # noqa: BLE001 (whatever it is, the dialog gets one message)
        pipe.send(
            (
                "failed",
                say(
                    f"{path.name} 파일을 읽지 못했습니다 ({type(exc).__name__}).",
                    f"{path.name} could not be read ({type(exc).__name__}).",
                ),
            )
        )
    else:
        pipe.send(("done", text, left_out))
