# raise ... from ...: both tracebacks are printed, the cause first.
import asyncio




def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"bad setting {text!r}") from e


async def main():
    await asyncio.sleep(0)
    print(load("10"))
    print(load("ten"))

asyncio.run(main())
