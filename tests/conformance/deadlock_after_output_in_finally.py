import asyncio

# A deadlock ends the run at once: pending tasks' finally blocks never run (the harness exits, the
# engine tears the frames down without recording their output).


async def waiter(ev):
    try:
        await ev.wait()
    finally:
        print("never printed")


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.5)
    print("main waits for the waiter")
    await t


asyncio.run(main())
