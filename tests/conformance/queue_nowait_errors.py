import asyncio

# Rules E23/E24: get_nowait on an empty queue raises QueueEmpty, put_nowait on a full
# queue raises QueueFull; both leave the queue unchanged.


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("empty:", type(e).__name__, [e])
    q.put_nowait("only")
    try:
        q.put_nowait("extra")
    except asyncio.QueueFull as e:
        print("full:", type(e).__name__, [e])
    print("size", q.qsize(), "full", q.full())
    print("got", q.get_nowait(), "empty", q.empty())
    unbounded = asyncio.Queue()
    for i in range(5):
        unbounded.put_nowait(i)
    print("unbounded full?", unbounded.full(), "size", unbounded.qsize())


asyncio.run(main())
