# A deque with maxlen keeps a sliding window of the latest latencies.
import asyncio
from collections import deque


async def main():
    window = deque(maxlen=3)
    loop = asyncio.get_running_loop()
    for i in range(6):
        start = loop.time()
        await asyncio.sleep(0.1 * (i % 3 + 1))
        window.append(round(loop.time() - start, 3))
        print(window, len(window), sum(window) / len(window))
    d = deque([1, 2, 3])
    d.appendleft(0)
    d.extend([4, 5])
    d.extendleft([-1, -2])
    d.rotate(2)
    print(d, d[0], d[-1], d.popleft(), d.pop(), d)
    d.rotate(-3)
    print(d, d.maxlen, window.maxlen, 3 in d, list(reversed(d)))
    try:
        deque().popleft()
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
