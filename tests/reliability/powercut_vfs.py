"""A SQLite VFS that forgets every write not followed by a sync when the process dies.

A SIGKILL loses nothing the process had written: the operating system's page cache still
holds it. A power cut loses everything that was not flushed to the disk. This shim makes the
two the same for SQLite: installed in a process as SQLite's default VFS, it keeps the writes
to each database, WAL and journal file in memory (shared by every connection of the
process, as the page cache is) and writes them to the real file only when SQLite calls
``xSync`` on it. Kill the process and exactly the unsynced writes are gone: a power cut.

It wraps the default ``unix`` VFS of the ``libsqlite3`` that Python's ``sqlite3`` module
uses, through ctypes: the terminal's own code (SQLAlchemy over ``sqlite3``) runs unchanged,
with its own PRAGMAs. Locks and the WAL index (``-shm``, not persistent data) go straight
to the real VFS; memory-mapped reads are off, so every read comes through here. Files come
and go at once (creating and deleting is not delayed): SQLite flushes the folder itself
where that matters.

``marks`` (optional) gets ``s`` when a sync starts writing and ``e`` when it is done, so a
test can count cuts that came in the middle of a sync.
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import threading
import traceback
from collections.abc import Callable
from ctypes import CFUNCTYPE, POINTER, c_char_p, c_int, c_int64, c_void_p
from pathlib import Path
from typing import Any

SQLITE_OK = 0
SQLITE_IOERR = 10
SQLITE_IOERR_SHORT_READ = SQLITE_IOERR | (2 << 8)
SQLITE_ACCESS_EXISTS = 0
SQLITE_FCNTL_SIZE_HINT = 5
# Files whose content must survive a power cut: only these are held back until synced.
PERSISTENT = 0x00000100 | 0x00000800 | 0x00004000 | 0x00080000  # main db, journals, WAL
HEADER = 8  # our sqlite3_file: its pMethods pointer, then the real VFS's file
# The unix VFS writes at most ``n & 0x1ffff`` bytes per pwrite: a write of 128 KiB or more
# comes back short and SQLite reports SQLITE_FULL ("database or disk is full"). SQLite itself
# never writes more than a page at once; the shim writes merged ranges, so in pieces.
WRITE_PIECE = 64 * 1024

VFS_FIELDS = (
    "xOpen xDelete xAccess xFullPathname xDlOpen xDlError xDlSym xDlClose xRandomness "
    "xSleep xCurrentTime xGetLastError xCurrentTimeInt64 xSetSystemCall xGetSystemCall "
    "xNextSystemCall"
).split()
IO_FIELDS = (
    "xClose xRead xWrite xTruncate xSync xFileSize xLock xUnlock xCheckReservedLock "
    "xFileControl xSectorSize xDeviceCharacteristics xShmMap xShmLock xShmBarrier xShmUnmap "
    "xFetch xUnfetch"
).split()


class Vfs(ctypes.Structure):
    """``struct sqlite3_vfs`` (version 3)."""

    _fields_ = [
        ("iVersion", c_int),
        ("szOsFile", c_int),
        ("mxPathname", c_int),
        ("pNext", c_void_p),
        ("zName", c_char_p),
        ("pAppData", c_void_p),
        *[(name, c_void_p) for name in VFS_FIELDS],
    ]


class IoMethods(ctypes.Structure):
    """``struct sqlite3_io_methods`` (version 3)."""

    _fields_ = [("iVersion", c_int), *[(name, c_void_p) for name in IO_FIELDS]]


OPEN = CFUNCTYPE(c_int, c_void_p, c_void_p, c_void_p, c_int, POINTER(c_int))
DELETE = CFUNCTYPE(c_int, c_void_p, c_char_p, c_int)
ACCESS = CFUNCTYPE(c_int, c_void_p, c_char_p, c_int, POINTER(c_int))
TYPES = {
    "xClose": CFUNCTYPE(c_int, c_void_p),
    "xRead": CFUNCTYPE(c_int, c_void_p, c_void_p, c_int, c_int64),
    "xWrite": CFUNCTYPE(c_int, c_void_p, c_void_p, c_int, c_int64),
    "xTruncate": CFUNCTYPE(c_int, c_void_p, c_int64),
    "xSync": CFUNCTYPE(c_int, c_void_p, c_int),
    "xFileSize": CFUNCTYPE(c_int, c_void_p, POINTER(c_int64)),
    "xLock": CFUNCTYPE(c_int, c_void_p, c_int),
    "xUnlock": CFUNCTYPE(c_int, c_void_p, c_int),
    "xCheckReservedLock": CFUNCTYPE(c_int, c_void_p, POINTER(c_int)),
    "xFileControl": CFUNCTYPE(c_int, c_void_p, c_int, c_void_p),
    "xSectorSize": CFUNCTYPE(c_int, c_void_p),
    "xDeviceCharacteristics": CFUNCTYPE(c_int, c_void_p),
    "xShmMap": CFUNCTYPE(c_int, c_void_p, c_int, c_int, c_int, c_void_p),
    "xShmLock": CFUNCTYPE(c_int, c_void_p, c_int, c_int, c_int),
    "xShmBarrier": CFUNCTYPE(None, c_void_p),
    "xShmUnmap": CFUNCTYPE(c_int, c_void_p, c_int),
}
PASS_THROUGH = (
    "xLock xUnlock xCheckReservedLock xSectorSize xDeviceCharacteristics xShmMap xShmLock "
    "xShmBarrier xShmUnmap"
).split()


class Shadow:
    """What the process sees of one file (the page cache); ``dirty`` is not on disk yet."""

    def __init__(self, content: bytes) -> None:
        self.data = bytearray(content)
        self.dirty: list[tuple[int, int]] = []
        self.lock = threading.Lock()


class Handle:
    """One open file: the real VFS's file behind ours, its methods, and the shadow if any."""

    def __init__(self, real: int, methods: IoMethods, shadow: Shadow | None) -> None:
        self.real = real
        self.methods = methods
        self.shadow = shadow

    def call(self, name: str, *args: Any) -> Any:
        return TYPES[name](getattr(self.methods, name))(self.real, *args)


def sqlite_library() -> str:
    """The libsqlite3 file that the ``sqlite3`` module runs on (already loaded)."""
    for line in Path("/proc/self/maps").read_text().splitlines():
        path = line.split()[-1]
        if "libsqlite3" in path and path.startswith("/"):
            return path
    raise RuntimeError("the sqlite3 module is not linked to a shared libsqlite3")


class PowerCutVfs:
    """Install with :func:`install`; one per process."""

    def __init__(self, marks: str | None = None) -> None:
        self.lib = ctypes.CDLL(sqlite_library())
        self.lib.sqlite3_vfs_find.restype = c_void_p
        self.lib.sqlite3_vfs_find.argtypes = [c_char_p]
        self.lib.sqlite3_vfs_register.argtypes = [c_void_p, c_int]
        self.real_address = self.lib.sqlite3_vfs_find(None)
        self.real = Vfs.from_address(self.real_address)
        self.shadows: dict[str, Shadow] = {}
        self.handles: dict[int, Handle] = {}
        self.opened: set[str] = set()
        self.lock = threading.Lock()
        self.marks = os.open(marks, os.O_WRONLY | os.O_CREAT | os.O_APPEND) if marks else None
        self._keep: list[Any] = []  # the callbacks must live as long as SQLite may call them
        self.methods = IoMethods(iVersion=2)  # version 2: no memory-mapped reads
        for name in IO_FIELDS[:16]:
            setattr(self.methods, name, self._callback(TYPES[name], getattr(self, "_" + name)))
        self.vfs = Vfs()
        for name, _ in Vfs._fields_:
            setattr(self.vfs, name, getattr(self.real, name))
        self.vfs.zName = b"powercut"
        self.vfs.pNext = None
        self.vfs.szOsFile = HEADER + (self.real.szOsFile + 7) // 8 * 8
        self.vfs.xOpen = self._callback(OPEN, self._open)
        self.vfs.xDelete = self._callback(DELETE, self._delete)
        self.vfs.xAccess = self._callback(ACCESS, self._access)

    def _callback(self, kind: Any, fn: Callable[..., Any]) -> int:
        def guarded(*args: Any) -> Any:
            try:
                return fn(*args)
            except BaseException:
                traceback.print_exc()
                return SQLITE_IOERR if kind is not TYPES["xShmBarrier"] else None

        made = kind(guarded)
        self._keep.append(made)
        return ctypes.cast(made, c_void_p).value or 0

    def register(self) -> None:
        """Make this the default VFS of every connection opened from now on."""
        rc = self.lib.sqlite3_vfs_register(ctypes.addressof(self.vfs), 1)
        if rc != SQLITE_OK:
            raise RuntimeError(f"sqlite3_vfs_register failed: {rc}")

    # -- the VFS ------------------------------------------------------------------------------

    def _open(self, _vfs: int, name: int | None, file: int, flags: int, out: Any) -> int:
        real = file + HEADER
        rc = OPEN(self.real.xOpen)(self.real_address, name, real, flags, out)
        methods = c_void_p.from_address(real).value
        if not methods:
            c_void_p.from_address(file).value = None
            return int(rc)
        shadow = None
        if name and flags & PERSISTENT:
            path = ctypes.string_at(name).decode()
            with self.lock:
                shadow = self.shadows.get(path)
                if shadow is None:
                    shadow = self.shadows[path] = Shadow(Path(path).read_bytes())
                self.opened.add(path)
        with self.lock:
            self.handles[file] = Handle(real, IoMethods.from_address(methods), shadow)
        c_void_p.from_address(file).value = ctypes.addressof(self.methods)
        return int(rc)

    def _delete(self, _vfs: int, name: bytes, sync_dir: int) -> int:
        with self.lock:
            self.shadows.pop(name.decode(), None)
        return int(DELETE(self.real.xDelete)(self.real_address, name, sync_dir))

    def _access(self, _vfs: int, name: bytes, flags: int, out: Any) -> int:
        shadow = self.shadows.get(name.decode())
        if shadow is not None and flags == SQLITE_ACCESS_EXISTS:
            out[0] = 1 if shadow.data else 0  # like unix: an empty file does not count
            return SQLITE_OK
        return int(ACCESS(self.real.xAccess)(self.real_address, name, flags, out))

    # -- the files ----------------------------------------------------------------------------

    def _handle(self, file: int) -> Handle:
        return self.handles[file]

    def _xClose(self, file: int) -> int:
        with self.lock:
            handle = self.handles.pop(file)
        return int(handle.call("xClose"))

    def _xRead(self, file: int, buf: int, amount: int, offset: int) -> int:
        handle = self._handle(file)
        if handle.shadow is None:
            return int(handle.call("xRead", buf, amount, offset))
        with handle.shadow.lock:
            chunk = bytes(handle.shadow.data[offset : offset + amount])
        ctypes.memmove(buf, chunk, len(chunk))
        if len(chunk) < amount:
            ctypes.memset(buf + len(chunk), 0, amount - len(chunk))
            return SQLITE_IOERR_SHORT_READ
        return SQLITE_OK

    def _xWrite(self, file: int, buf: int, amount: int, offset: int) -> int:
        handle = self._handle(file)
        if handle.shadow is None:
            return int(handle.call("xWrite", buf, amount, offset))
        shadow = handle.shadow
        with shadow.lock:
            if offset > len(shadow.data):
                shadow.data.extend(bytes(offset - len(shadow.data)))
            shadow.data[offset : offset + amount] = ctypes.string_at(buf, amount)
            shadow.dirty.append((offset, offset + amount))
        return SQLITE_OK

    def _xTruncate(self, file: int, size: int) -> int:
        handle = self._handle(file)
        if handle.shadow is None:
            return int(handle.call("xTruncate", size))
        with handle.shadow.lock:
            del handle.shadow.data[size:]
        return SQLITE_OK

    def _xSync(self, file: int, flags: int) -> int:
        handle = self._handle(file)
        if handle.shadow is None:
            return int(handle.call("xSync", flags))
        shadow = handle.shadow
        with shadow.lock:
            self._mark(b"s")
            for start, end in _merged(shadow.dirty):
                end = min(end, len(shadow.data))
                for at in range(start, end, WRITE_PIECE):
                    size = min(WRITE_PIECE, end - at)
                    piece = ctypes.create_string_buffer(bytes(shadow.data[at : at + size]), size)
                    rc = handle.call("xWrite", ctypes.cast(piece, c_void_p), size, at)
                    if rc != SQLITE_OK:
                        return int(rc)
            real_size = c_int64()
            rc = handle.call("xFileSize", ctypes.byref(real_size))
            if rc == SQLITE_OK and real_size.value > len(shadow.data):
                rc = handle.call("xTruncate", len(shadow.data))
            if rc != SQLITE_OK:
                return int(rc)
            shadow.dirty.clear()
            self._mark(b"e")
        return SQLITE_OK

    def _xFileSize(self, file: int, out: Any) -> int:
        handle = self._handle(file)
        if handle.shadow is None:
            return int(handle.call("xFileSize", out))
        with handle.shadow.lock:
            out[0] = len(handle.shadow.data)
        return SQLITE_OK

    def _xFileControl(self, file: int, op: int, arg: int) -> int:
        if op == SQLITE_FCNTL_SIZE_HINT and self._handle(file).shadow is not None:
            return SQLITE_OK  # the real file grows only when a sync writes to it
        return int(self._handle(file).call("xFileControl", op, arg))

    def _mark(self, what: bytes) -> None:
        if self.marks is not None:
            os.write(self.marks, what)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_x") and name[1:] in PASS_THROUGH:
            method = name[1:]
            return lambda file, *args: self._handle(file).call(method, *args)
        raise AttributeError(name)


_INSTALLED: list[PowerCutVfs] = []


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def install(marks: str | None = None, probe_dir: Path | None = None) -> PowerCutVfs:
    """Register the shim as the default VFS and check that ``sqlite3`` really goes through
    it (a Python whose ``sqlite3`` carries its own SQLite would make the test pointless)."""
    shim = PowerCutVfs(marks)
    _INSTALLED.append(shim)  # SQLite keeps pointers into it for the life of the process
    # ... and past the module's teardown at exit, when the last connections close: never free.
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(shim))
    shim.register()
    folder = probe_dir or Path.cwd()
    probe = folder / f".powercut-probe-{os.getpid()}.db"
    conn = sqlite3.connect(probe)
    try:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    finally:
        conn.close()
    for leftover in folder.glob(probe.name + "*"):
        leftover.unlink()
    if str(probe) not in shim.opened:
        raise RuntimeError("sqlite3 does not use the libsqlite3 the shim was registered in")
    with shim.lock:
        shim.shadows.pop(str(probe), None)
    return shim
