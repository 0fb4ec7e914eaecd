"""Title: Cancelling a task
Group: Cancellation & timeouts
Summary: main starts a long download, changes its mind after 1 second, and cancels it with a message.
Notice: the cancellation arrives while the task sleeps; its except and finally blocks run at 1.000 s, and cancelled() only becomes True once the task has actually finished.
"""
import asyncio


async def download():
    try:
        for part in range(1, 6):
            print(f"download: part {part} of 5")
            await asyncio.sleep(0.4)      # each part takes 0.4 s
        return "file"
    except asyncio.CancelledError as e:
        # The message passed to cancel() travels with the exception.
        print(f"download: cancelled ({e})")
        raise                             # re-raise so the task ends cancelled
    finally:
        print("download: deleting the partial file")


async def main():
    task = asyncio.create_task(download(), name="download")
    await asyncio.sleep(1)                # let it run for a while
    print("main: cancelling the download")
    task.cancel("user pressed stop")
    # cancel() only REQUESTS cancellation; the task hasn't run yet.
    print("main: right after cancel(): cancelled() =", task.cancelled())
    try:
        await task
    except asyncio.CancelledError:
        print("main: the download ended")
    print("main: now cancelled() =", task.cancelled())


asyncio.run(main())
