# __format__: format(obj, spec), f"{obj:spec}" and str.format call it; object.__format__ takes
# only an empty spec.
import asyncio


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return format(self.cents / 100, spec or ".2f")

    def __str__(self):
        return f"{self.cents} cents"


class Plain:
    def __repr__(self):
        return "Plain()"


async def report(name, amount):
    await asyncio.sleep(0.1)
    print(f"{name:<8}|{amount:>10}|{amount:short}|{amount!s:>12}|")


async def main():
    m = Money(12345)
    print(format(m, "short"), format(m), format(m, ">9.1f"), "{:short} {}".format(m, m))
    print(format(3.14159, ".2f"), format(42), format("x", "^5"), format(7, "08b"), format(Plain()))
    print(f"{Plain()}|{Plain()!r:>10}|")
    for spec in (">10", "d", "s"):
        try:
            print(format(Plain(), spec))
        except TypeError as e:
            print("TypeError:", e)
    await asyncio.gather(report("rent", Money(150000)), report("coffee", Money(350)))


asyncio.run(main())
