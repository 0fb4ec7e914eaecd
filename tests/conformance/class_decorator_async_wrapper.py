# A decorator returning an inner `async def wrapper(*args, **kwargs)` (no functools.wraps):
# the wrapped coroutine function stays awaitable, retries happen inside the caller's task.
import asyncio


def retry(times):
    def decorate(fn):
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError as e:
                    print(f"attempt {attempt} failed: {e}")
                    await asyncio.sleep(0.1 * attempt)
            raise ConnectionError(f"gave up after {times}")
        return wrapper
    return decorate


class Client:
    def __init__(self, fail_times):
        self.fail_times = fail_times
        self.calls = 0

    @retry(3)
    async def get(self, path, *, timeout=1):
        self.calls += 1
        await asyncio.sleep(0.05)
        if self.calls <= self.fail_times:
            raise ConnectionError(f"refused {path}")
        return f"200 {path} (timeout={timeout})"


async def main():
    print(await Client(2).get("/a", timeout=5))
    try:
        await Client(5).get("/b")
    except ConnectionError as e:
        print("final:", e)
    print(Client.get.__name__)


asyncio.run(main())
