# functools.wraps copies __name__, __qualname__, __doc__ and sets __wrapped__; a decorated
# coroutine function's coroutines and tasks carry the wrapped name. Functions and classes have
# __name__, __qualname__, __doc__.
import asyncio
import functools


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        wrapper.calls += 1
        print(f"calling {fn.__name__} with {len(args)} args")
        return await fn(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


@logged
async def fetch(n):
    """Fetch n things."""
    await asyncio.sleep(0.1 * n)
    return n * 2


class Service:
    """A service."""

    @logged
    async def ping(self):
        return "pong"


def plain():
    pass


async def main():
    print(fetch.__name__, fetch.__qualname__, fetch.__doc__, fetch.__wrapped__.__name__, fetch.calls)
    print(Service.ping.__qualname__, Service.__name__, Service.__qualname__, Service.__doc__, plain.__doc__)
    coro = fetch(1)
    print(coro.__name__, coro.__qualname__)
    t = asyncio.create_task(coro, name="f1")
    print(t.get_coro().__qualname__, await t, await fetch(2), await Service().ping(), fetch.calls)


asyncio.run(main())
