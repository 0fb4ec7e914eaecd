# The loop's exception handler: set_exception_handler/get_exception_handler; the handler gets
# the never-retrieved task's context and callback errors; default_exception_handler and
# call_exception_handler called directly.
import asyncio

def handler(loop, context):
    print("handler:", context["message"].split(" at ")[0], type(context.get("exception")).__name__, sorted(context))

async def boom():
    raise ValueError("lost")

def bad_callback():
    raise KeyError("cb")

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    asyncio.create_task(boom())
    await asyncio.sleep(0)
    print("after the task")
    loop.call_soon(bad_callback)
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "custom", "exception": RuntimeError("x")})
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "to the default handler"})
    print("done")

asyncio.run(main())
