"""Title: A lock-order deadlock
Group: Pitfalls
Summary: alice and bob each take one of two locks and then wait for the other's lock, so neither can ever continue.
Notice: at 0.100 s both tasks are waiting for a lock the other one holds; nothing is ready and no timer is pending, so the run stops with a deadlock and no "got both locks" line ever appears.
"""
import asyncio

lock_a = asyncio.Lock()
lock_b = asyncio.Lock()


async def alice():
    async with lock_a:                    # alice takes lock A first...
        print("alice: holding lock A")
        await asyncio.sleep(0.1)          # ...gives bob time to take lock B...
        print("alice: now waiting for lock B")
        async with lock_b:                # ...and waits for B, held by bob
            print("alice: got both locks")


async def bob():
    async with lock_b:                    # bob takes lock B first...
        print("bob: holding lock B")
        await asyncio.sleep(0.1)
        print("bob: now waiting for lock A")
        async with lock_a:                # ...and waits for A, held by alice
            print("bob: got both locks")


async def main():
    # Each task waits for the other forever. The fix: make every task take
    # the locks in the same order (always A before B).
    await asyncio.gather(alice(), bob())
    print("main: never reached")


asyncio.run(main())
