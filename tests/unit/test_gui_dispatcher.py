"""GuiDispatcher: callables posted from any thread run on the GUI thread, later, in order."""

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread

from ui.bridge import GuiDispatcher


def test_a_post_from_the_gui_thread_runs_later_not_inside_the_call(qtbot):
    dispatcher = GuiDispatcher()
    ran: list[int] = []
    dispatcher.post(ran.append, 1)
    assert ran == []  # queued, never a direct call
    qtbot.waitUntil(lambda: ran == [1], timeout=2000)


def test_posts_from_many_threads_all_run_on_the_gui_thread_each_in_its_order(qtbot):
    dispatcher = GuiDispatcher()
    gui = QThread.currentThread()
    seen: list[tuple[int, int]] = []
    wrong_thread: list[int] = []

    def record(worker: int, n: int) -> None:
        if QThread.currentThread() is not gui:
            wrong_thread.append(worker)
        seen.append((worker, n))

    def work(worker: int) -> None:
        for n in range(500):
            dispatcher.post(record, worker, n)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gc.collect()  # the posted events belong to Qt, not to Python's collector
    qtbot.waitUntil(lambda: len(seen) == 2000, timeout=5000)
    assert wrong_thread == []
    for worker in range(4):
        assert [n for w, n in seen if w == worker] == list(range(500))


def test_a_wrapped_callback_forwards_its_arguments(qtbot):
    dispatcher = GuiDispatcher()
    got: list[tuple[str, int]] = []
    callback = dispatcher.wrap(lambda a, b: got.append((a, b)))
    threading.Thread(target=callback, args=("x", 2)).start()
    qtbot.waitUntil(lambda: got == [("x", 2)], timeout=2000)


def test_a_post_after_the_dispatcher_is_gone_is_dropped_quietly(qtbot):
    parent = QObject()
    dispatcher = GuiDispatcher(parent)
    ran: list[int] = []
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)  # deferred deletes
    qtbot.wait(10)
    dispatcher.post(ran.append, 1)  # no exception from a worker's callback at shutdown
    qtbot.wait(20)
    assert ran == []


def test_other_events_still_reach_the_object(qtbot):
    dispatcher = GuiDispatcher()
    dispatcher.setObjectName("before")
    dispatcher.setProperty("dynamic", 1)  # a DynamicPropertyChange event goes through event()
    assert dispatcher.property("dynamic") == 1
