"""Title: Gather three downloads
Group: Basics
Summary: three fake downloads run concurrently under asyncio.gather and finish in order of speed.
Notice: all three tasks start at 0.000 s, each wakes when its own sleep ends, and the whole gather takes as long as the slowest download (1.5 s), not the sum (3.0 s).
"""
import asyncio


# A pretend download: "waiting for the network" is an await on asyncio.sleep.
# While one download waits, the event loop is free to run the others.
async def fetch(name, seconds):
    print(f"{name}: request sent")
    await asyncio.sleep(seconds)          # suspend this task; others run meanwhile
    print(f"{name}: {seconds} s later, data arrived")
    return f"{name} ({seconds} s)"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("starting three downloads at once")

    # gather wraps each coroutine in its own Task (Task-2, Task-3, Task-4),
    # waits for all of them, and returns their results in ARGUMENT order,
    # even though they finish in a different order.
    results = await asyncio.gather(
        fetch("photo.jpg", 1.5),
        fetch("notes.txt", 0.5),
        fetch("song.mp3", 1.0),
    )

    elapsed = loop.time() - start
    print("results in argument order:", results)
    print(f"all done after {elapsed:.1f} s (one after another would take 3.0 s)")


asyncio.run(main())
