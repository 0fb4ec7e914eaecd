# Set displays of string constants print in CPython's order: the compiler folds them into a
# frozenset constant, whose layout depends on which strings were already interned.
import asyncio

FINAL = {"done", "failed", "cancelled"}


async def job(name, outcome):
    await asyncio.sleep(0.01)
    return name, outcome


async def main():
    active = {"queued", "running", "retrying", "waiting"}
    colours = {"red", "green", "blue", "cyan", "magenta", "yellow"}
    print(FINAL, active, colours)
    results = await asyncio.gather(job("a", "done"), job("b", "running"), job("c", "failed"))
    for name, outcome in results:
        print(name, outcome, outcome in FINAL, outcome in active)
    print({"x", "y", "z"}, {"alpha", "beta", "gamma", "delta"}, {"ok", "error", "timeout"})
    print(FINAL | active, FINAL & {"done", "lost"}, sorted(colours - {"red"}))


asyncio.run(main())
