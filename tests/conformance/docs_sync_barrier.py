# Python docs, "Synchronization Primitives", Barrier: the example, unchanged.
import asyncio

async def example_barrier():
   # barrier with 3 parties
   b = asyncio.Barrier(3)

   # create 2 new waiting tasks
   asyncio.create_task(b.wait())
   asyncio.create_task(b.wait())

   await asyncio.sleep(0)
   print(b)

   # The third .wait() call passes the barrier
   await b.wait()
   print(b)
   print("barrier passed")

   await asyncio.sleep(0)
   print(b)

asyncio.run(example_barrier())

# Expected output:
#
#     <asyncio.locks.Barrier object at 0x... [filling, waiters:2/3]>
#     <asyncio.locks.Barrier object at 0x... [draining, waiters:0/3]>
#     barrier passed
#     <asyncio.locks.Barrier object at 0x... [filling, waiters:0/3]>
