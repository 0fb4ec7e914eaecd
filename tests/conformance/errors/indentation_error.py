# Inconsistent indentation.
import asyncio


async def main():
    print("one")
      print("two")

asyncio.run(main())
