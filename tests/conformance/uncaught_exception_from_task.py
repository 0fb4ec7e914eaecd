import asyncio

# Rule C9: an exception raised in a child task travels to whoever awaits it; main does
# not catch it, so it escapes asyncio.run and ends the run with exit status 1.


async def parse(text):
    await asyncio.sleep(0.1)
    values = {"one": 1}
    return values[text]


async def main():
    print("parsed", await parse("one"))
    print("parsed", await asyncio.create_task(parse("two")))


asyncio.run(main())
