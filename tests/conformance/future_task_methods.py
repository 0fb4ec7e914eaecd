import asyncio

# Rules C8/C12/C13: Task methods: get_name/set_name, get_coro, cancel(msg), cancelling,
# uncancel, set_result refused, done callbacks on tasks.


async def work():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("work cancelled with", e.args)
        raise


async def main():
    t = asyncio.create_task(work(), name="worker")
    print(t.get_name(), t.get_coro().__name__, t.done())
    t.set_name("renamed")
    t.add_done_callback(lambda task: print("done callback for", task.get_name(), task.cancelled()))
    await asyncio.sleep(0)
    print("cancel", t.cancel("stop it"), "cancelling", t.cancelling())
    print("cancel again", t.cancel(), "cancelling", t.cancelling())
    print("uncancel", t.uncancel(), "cancelling", t.cancelling())
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        await t
    except asyncio.CancelledError as e:
        print("await raised", repr(e))
    print("cancelled", t.cancelled(), "cancel now", t.cancel())
    me = asyncio.current_task()
    print("current", me.get_name(), "all", sorted(x.get_name() for x in asyncio.all_tasks()))


asyncio.run(main())
