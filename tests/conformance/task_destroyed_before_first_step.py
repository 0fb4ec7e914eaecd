# A task whose first step is still queued when the loop stops and is closed never runs: close()
# drops the step, the task is freed pending ("Task was destroyed but it is pending!") and its
# coroutine, never started, warns that it was never awaited. Its body (and finally) never runs.
import asyncio


async def worker(n):
    try:
        print("worker", n)
    finally:
        print("worker finally", n)


def stop_and_spawn():
    print("callback runs")
    loop.stop()
    loop.create_task(worker(1))


loop = asyncio.new_event_loop()
loop.call_soon(stop_and_spawn)
loop.run_forever()
print("stopped")
loop.close()
print("closed")
