import asyncio

# Rule 9: SystemExit raised by a task leaves the loop at once (the rest of the iteration stays
# ready); asyncio.run still cancels what is left, and the process exits with status 0.


async def bystander():
    try:
        await asyncio.sleep(1)
    finally:
        print("bystander cleaned up")


async def main():
    asyncio.create_task(bystander())
    await asyncio.sleep(0)
    print("main exits")
    raise SystemExit(0)


asyncio.run(main())
