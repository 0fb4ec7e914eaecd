# Workers append to a bounded deque log; rotate and popleft drain it in order.
import asyncio
from collections import deque, defaultdict

log = deque(maxlen=5)
per_worker = defaultdict(int)


async def worker(name, n):
    for i in range(n):
        await asyncio.sleep(0.01)
        log.append(f"{name}:{i}")
        per_worker[name] += 1


async def main():
    await asyncio.gather(worker("a", 4), worker("b", 3), worker("c", 2))
    print(log, len(log), log.maxlen)
    print(per_worker)
    log.rotate(1)
    print(log[0], log[-1])
    while log:
        print("drain", log.popleft())


asyncio.run(main())
