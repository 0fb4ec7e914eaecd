# Python docs, "Coroutines and Tasks", Sleeping: display the current date every second for
# 5 seconds (datetime.datetime.now() reads the virtual clock).
import asyncio
import datetime

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        print(datetime.datetime.now())
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)

asyncio.run(display_date())
