# A traceback through a method, a rebound function and a closure names every frame (frames keep
# their function's name even after the name is rebound while they run).
import asyncio


class Ledger:
    def __init__(self):
        self.total = 0

    def post(self, amount, scale=1):
        return apply(self, amount * scale)


def apply(ledger, amount):
    global apply
    apply = None
    def check(limit=10):
        if amount > limit:
            raise ValueError(f"amount {amount} over {limit}")
        return amount
    ledger.total += check()
    return ledger.total


async def main():
    ledger = Ledger()
    print(ledger.post(3, 4))


asyncio.run(main())
