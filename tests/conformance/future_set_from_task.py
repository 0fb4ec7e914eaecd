import asyncio

# Rule B7/C10: a task awaiting a future resumes one iteration after set_result; a future
# set with an exception class gets an instance.


async def waiter(fut, name):
    try:
        print(name, "got", await fut)
    except Exception as e:
        print(name, "raised", repr(e))


async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f2 = asyncio.Future()
    asyncio.create_task(waiter(f1, "w1"))
    asyncio.create_task(waiter(f2, "w2"))
    await asyncio.sleep(0)
    f1.set_result("hello")
    f2.set_exception(KeyError)
    print("set both")
    await asyncio.sleep(0)
    print("one iteration later")
    await asyncio.sleep(0)
    print("isfuture", asyncio.isfuture(f1), asyncio.isfuture("x"))


asyncio.run(main())
