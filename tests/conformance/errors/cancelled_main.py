# main() cancels itself: asyncio.run re-raises CancelledError.
import asyncio


async def main():
    task = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.5, task.cancel)
    print("sleeping")
    await asyncio.sleep(2)
    print("never printed")

asyncio.run(main())
