# A plain `with` on a user class inside a coroutine: __exit__ receives the exception, a true
# return value suppresses it, and an await inside the block keeps the manager open across steps.
import asyncio


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None, exc)
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught.append(exc)
            return True
        return False


async def risky(n):
    await asyncio.sleep(0.1)
    if n == 2:
        raise KeyError(n)
    if n == 3:
        raise ValueError(n)
    return n


async def main():
    guard = Suppress(KeyError)
    for n in range(1, 4):
        try:
            with guard:
                print("result", await risky(n))
            print("after with", n)
        except ValueError as e:
            print("escaped", repr(e))
    print(guard.caught)


asyncio.run(main())
