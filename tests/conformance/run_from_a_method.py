# asyncio.run called from a method of a class (App().run()), and a worker thread running a
# bound method whose time.sleep waits on the virtual clock while the loop goes on.
import asyncio
import time


class Downloader:
    def __init__(self, name):
        self.name = name

    def fetch_blocking(self, seconds):
        print(f"{self.name}: blocking fetch for {seconds} s")
        time.sleep(seconds)
        return f"{self.name} done"


class App:
    def __init__(self):
        self.downloader = Downloader("worker")

    async def ticker(self):
        for i in range(3):
            print("tick", i)
            await asyncio.sleep(0.5)

    async def main(self):
        result, _ = await asyncio.gather(asyncio.to_thread(self.downloader.fetch_blocking, 1), self.ticker())
        print(result, "at", asyncio.get_running_loop().time())

    def run(self):
        asyncio.run(self.main())
        print("run returned")


App().run()
