import asyncio

# Rule H36: main finishing in iteration k stops the loop after iteration k+1, which
# still runs everything ready at its start: the spinners get exactly one more step
# before the shutdown cancels them (rule H37).


async def spinner(name):
    i = 0
    try:
        while True:
            print(name, "step", i)
            i += 1
            await asyncio.sleep(0)
    finally:
        print(name, "cancelled after", i, "steps")


async def main():
    asyncio.create_task(spinner("s1"))
    asyncio.create_task(spinner("s2"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main returns")
    return "main result"


print("asyncio.run returned", asyncio.run(main()))
