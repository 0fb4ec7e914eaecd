# The asyncio docs' pattern: a set keeps background tasks alive; done callbacks discard them.
# Tasks hash to their creation index (as in the reference harness), so the set's order matches.
import asyncio

background = set()


async def job(i):
    await asyncio.sleep(0.01 * (i % 4))
    return i


async def main():
    for i in range(14):
        task = asyncio.create_task(job(i), name=f"job{i}")
        background.add(task)
        task.add_done_callback(background.discard)
    print([t.get_name() for t in background])
    await asyncio.sleep(0.015)
    print(len(background), [t.get_name() for t in background])
    await asyncio.sleep(0.1)
    print(len(background), background)
    late = {asyncio.create_task(job(i), name=f"late{i}") for i in range(3)}
    print([t.get_name() for t in late])  # slots wrap around: not creation order
    await asyncio.gather(*late)
    print(sorted(hash(t) >= 0 for t in asyncio.all_tasks()))


asyncio.run(main())
