# loop.close(): not while the loop runs (RuntimeError), closing twice does nothing, a closed loop
# refuses run_until_complete ("Event loop is closed"), is_closed() says so; new_event_loop() and
# asyncio.run() start from an open loop.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    return 7

loop = asyncio.new_event_loop()
print(loop.run_until_complete(main()))
loop.close()
loop.close()
print("closed", loop.is_closed())
try:
    loop.run_until_complete(main())
except RuntimeError as e:
    print("RuntimeError:", e)
loop2 = asyncio.new_event_loop()
print(loop2.is_closed(), loop2.run_until_complete(main()))
loop2.close()
print(asyncio.run(main()))
