# An error inside an except block: "During handling of the above exception..."
import asyncio


async def main():
    try:
        await asyncio.sleep(0)
        {}["missing"]
    except KeyError:
        print("recovering")
        None.strip()

asyncio.run(main())
