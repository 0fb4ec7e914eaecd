import asyncio

# Rule F30: Semaphore(2) lets two tasks in at once; acquire doesn't yield while a slot
# is free; later tasks wait and are admitted in arrival order as slots free up.

active = 0


async def job(name, sem, duration):
    global active
    print(name, "wants a slot")
    async with sem:
        active += 1
        print(name, "runs; active", active)
        await asyncio.sleep(duration)
        active -= 1
    print(name, "leaves at", asyncio.get_running_loop().time())


async def main():
    sem = asyncio.Semaphore(2)
    jobs = []
    durations = [0.5, 0.2, 0.3, 0.1, 0.4]
    for i in range(len(durations)):
        jobs.append(asyncio.create_task(job(f"j{i}", sem, durations[i])))
    for j in jobs:
        await j
    print("all done, active", active)


asyncio.run(main())
