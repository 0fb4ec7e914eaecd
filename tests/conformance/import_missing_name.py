# from x import missing: ImportError.
import asyncio

try:
    from math import nonexistent
except ImportError as e:
    print(type(e).__name__)


async def main():
    await asyncio.sleep(0)
    from collections import deque
    print(deque(range(3), 2))


asyncio.run(main())
