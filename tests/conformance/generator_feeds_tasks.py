# A plain generator produces work lazily while tasks consume it: each next() runs the generator
# body up to its following yield, inside whichever task asks (rule 9).
import asyncio


def batches(items, size):
    print("generator starts")
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
    print("generator done")


async def consumer(name, source):
    for batch in source:
        print(name, "got", batch)
        await asyncio.sleep(0.1 * len(batch))
    print(name, "finished")


async def main():
    source = batches(range(7), 2)
    await asyncio.gather(consumer("a", source), consumer("b", source))
    print(list(batches("abcde", 3)), sum(len(b) for b in batches(range(10), 4)))


asyncio.run(main())
