# Dataclasses in asyncio code: @dataclass builds __init__/__repr__/__eq__, order=True compares
# field tuples (sorted() of orders), field(default_factory=list) gives each instance its own list.
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Order:
    priority: int
    name: str = field(compare=False)
    items: list = field(default_factory=list, compare=False)


@dataclass
class Receipt:
    order: str
    total: float
    ready_at: float = 0.0


async def prepare(order, clock):
    await asyncio.sleep(0.1 * len(order.items))
    return Receipt(order.name, 2.5 * len(order.items), clock.time())


async def main():
    clock = asyncio.get_running_loop()
    orders = [Order(2, "b", ["tea"]), Order(1, "a", ["coffee", "cake"]), Order(3, "c")]
    orders[2].items.append("water")
    for o in sorted(orders):
        print(o)
    receipts = await asyncio.gather(*(prepare(o, clock) for o in sorted(orders)))
    for r in receipts:
        print(r)
    print(Receipt("a", 5.0, 0.2) == receipts[0], Order(1, "x") == Order(1, "y"), Order(1, "x") < Order(2, "a"))


asyncio.run(main())
