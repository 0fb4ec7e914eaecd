# Forgetting to return: the caller subscripts None.
import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.5)
    user = {"id": user_id, "name": "ada"}


async def main():
    user = await fetch_user(1)
    print(user["name"])

asyncio.run(main())
