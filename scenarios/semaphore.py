"""Title: Two at a time
Group: Synchronization
Summary: five workers share a Semaphore(2), so at most two of them are inside the guarded section at once.
Notice: workers 1 and 2 enter at 0.000 s, the other three queue up; each time a worker leaves, the longest-waiting one enters (first come, first served), so the active count never goes above 2.
"""
import asyncio

active = 0   # how many workers are inside the semaphore right now


async def worker(number, seconds, sem):
    global active
    print(f"worker {number}: waiting for a slot")
    async with sem:                       # acquire: take a slot or wait for one
        active += 1
        print(f"worker {number}: got a slot, {active} active")
        await asyncio.sleep(seconds)      # pretend to use a scarce resource
        active -= 1
        print(f"worker {number}: releasing after {seconds} s")
    # leaving the `async with` released the slot and woke the next waiter


async def main():
    sem = asyncio.Semaphore(2)            # two slots
    durations = [1.0, 0.5, 0.75, 0.25, 0.5]
    tasks = []
    number = 1
    for seconds in durations:
        tasks.append(asyncio.create_task(worker(number, seconds, sem), name=f"worker-{number}"))
        number += 1

    for t in tasks:                       # wait for every worker to finish
        await t
    print(f"all workers finished at {asyncio.get_running_loop().time():.2f} s")


asyncio.run(main())
