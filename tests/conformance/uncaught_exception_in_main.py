import asyncio

# Trace format: an exception escaping asyncio.run ends the run with
# '- uncaught <Type>: <message>' (newlines as \n) and exit status 1, after the
# shutdown cleanup of pending tasks has printed.


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cleanup")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.5)
    print("main about to fail")
    raise ValueError("first line\nsecond line")


asyncio.run(main())
print("never printed")
