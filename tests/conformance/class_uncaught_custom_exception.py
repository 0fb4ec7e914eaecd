# An exception of a user class escapes asyncio.run: the uncaught line shows its class name and
# its own __str__ (rule 14).
import asyncio


class QuotaExceeded(Exception):
    def __init__(self, user, used, limit):
        super().__init__(user, used, limit)
        self.user = user

    def __str__(self):
        used, limit = self.args[1], self.args[2]
        return f"{self.user} used {used}/{limit}"


async def charge(user, amount):
    await asyncio.sleep(0.1)
    if amount > 10:
        raise QuotaExceeded(user, amount, 10)
    print("charged", user, amount)


async def main():
    await charge("ann", 5)
    await charge("bob", 12)
    print("not reached")


asyncio.run(main())
