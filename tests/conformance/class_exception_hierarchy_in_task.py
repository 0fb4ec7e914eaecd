# A custom exception hierarchy raised inside tasks: except clauses match by subclass, extra
# attributes and __str__ survive the trip through a task (rules 14, 20).
import asyncio


class ServiceError(Exception):
    pass


class TimeoutTooLong(ServiceError):
    def __init__(self, service, seconds):
        super().__init__(f"{service} took {seconds}s")
        self.service = service
        self.seconds = seconds


class BadResponse(ServiceError):
    def __init__(self, status):
        self.status = status

    def __str__(self):
        return f"bad status {self.status}"


async def call(service, delay):
    await asyncio.sleep(delay)
    if delay > 0.5:
        raise TimeoutTooLong(service, delay)
    if service == "auth":
        raise BadResponse(503)
    return f"{service} ok"


async def main():
    results = await asyncio.gather(
        call("users", 0.1), call("auth", 0.2), call("search", 0.7), return_exceptions=True
    )
    for r in results:
        if isinstance(r, ServiceError):
            print(type(r).__name__, "->", r, r.args, isinstance(r, Exception))
        else:
            print("result:", r)
    task = asyncio.create_task(call("search", 0.9))
    try:
        await task
    except TimeoutTooLong as e:
        print("caught", e.service, e.seconds, repr(e))
    except ServiceError:
        print("not reached")
    print(task.done(), type(task.exception()).__name__)


asyncio.run(main())
