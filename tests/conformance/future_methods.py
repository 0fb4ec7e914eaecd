import asyncio

# Rules B6/B7: a Future's state machine: result/exception/done/cancelled, InvalidStateError,
# callbacks through call_soon in registration order, remove_done_callback.


def report(fut):
    print("callback sees", "cancelled" if fut.cancelled() else repr(fut.exception() or fut.result()))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done", fut.done(), "cancelled", fut.cancelled())
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError", e)
    fut.add_done_callback(report)
    fut.add_done_callback(lambda f: print("second callback"))
    fut.add_done_callback(report)
    print("removed", fut.remove_done_callback(report))
    fut.set_result(7)
    print("set; callbacks not run yet")
    try:
        fut.set_result(8)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    print("cancel after done", fut.cancel())
    await asyncio.sleep(0)
    print("await done future", await fut)
    err = loop.create_future()
    err.set_exception(ValueError("bad"))
    print("exception()", repr(err.exception()))
    try:
        await err
    except ValueError as e:
        print("await raised", repr(e))
    c = loop.create_future()
    c.add_done_callback(report)
    print("cancel", c.cancel("why"), c.cancelled(), c.done())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("result() raised", repr(e))
    await asyncio.sleep(0)


asyncio.run(main())
