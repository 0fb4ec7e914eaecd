import asyncio

# Rule C12: both timers fire in the same iteration; the canceller's was scheduled first,
# so it resumes first and cancels the sleeper, whose sleep has already completed. The
# finished future can't be cancelled, so the cancellation is thrown in at the sleeper's
# next step instead of delivering the sleep's result.


async def sleeper():
    try:
        await asyncio.sleep(1)
        print("sleeper woke normally")
    except asyncio.CancelledError as e:
        print("sleeper cancelled after its sleep finished", [e])
        raise


async def canceller(targets):
    await asyncio.sleep(1)
    t = targets[0]
    print("canceller: sleeper done?", t.done(), "cancel ->", t.cancel("late"))


async def main():
    targets = []
    c = asyncio.create_task(canceller(targets))
    s = asyncio.create_task(sleeper())
    targets.append(s)
    r = await asyncio.gather(c, s, return_exceptions=True)
    print("results", r)


asyncio.run(main())
