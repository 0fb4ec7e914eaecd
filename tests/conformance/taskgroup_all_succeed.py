import asyncio

# Rule G31/G32: TaskGroup.create_task numbers the task (then renames it); __aexit__ waits
# for every child; __aenter__ does not yield.


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "done at", asyncio.get_running_loop().time())
    return name * 2


async def main():
    async with asyncio.TaskGroup() as tg:
        print("entered", tg)
        a = tg.create_task(work("a", 0.2))
        b = tg.create_task(work("b", 0.1), name="bee")
        c = tg.create_task(work("c", 0))
        print("names", a.get_name(), b.get_name(), c.get_name())
    print("results", a.result(), b.result(), c.result(), tg)
    print("next", asyncio.create_task(asyncio.sleep(0)).get_name())


asyncio.run(main())
