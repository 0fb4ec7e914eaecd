# defaultdict(list) groups results by worker; the repr names the factory.
import asyncio
from collections import defaultdict


async def fetch(worker, item, groups):
    await asyncio.sleep(0.01 * item)
    groups[worker].append(item)


async def main():
    groups = defaultdict(list)
    await asyncio.gather(*(fetch(f"w{i % 3}", i, groups) for i in range(7)))
    print(groups)
    print(dict(groups), groups["nobody"], len(groups))
    counts = defaultdict(int)
    for word in "the cat and the hat and the bat".split():
        counts[word] += 1
    print(counts, counts.default_factory)


asyncio.run(main())
