import asyncio

# Rule A5: the clock only moves when nothing is ready. A task that spins on sleep(0)
# keeps something ready forever, so main's timer never fires: after more than 100000
# iterations at one instant while a timer waits, the run is reported as a livelock.


async def spinner():
    count = 0
    while True:
        count += 1
        if count % 25000 == 0:
            print("spun", count)
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(spinner())
    print("main sleeps 1 s")
    await asyncio.sleep(1)
    print("never printed")


asyncio.run(main())
