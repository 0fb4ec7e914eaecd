import asyncio

# Warnings: in 3.12, get_event_loop() with no loop set or running makes one and warns
# "DeprecationWarning: There is no current event loop" (stderr); 3.11 makes it silently.
# Inside a coroutine it returns the running loop.


async def main():
    print("same loop inside:", asyncio.get_event_loop() is asyncio.get_running_loop())


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
print("same loop again:", asyncio.get_event_loop() is loop)
